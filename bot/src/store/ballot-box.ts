/**
 * The ballot box of secret votes (DESIGN.md, "The secret ballot: invariants"). Who voted and what
 * was chosen are stored apart: the participation register holds (vote, member) and nothing else,
 * and the box holds one counter per choice, with no member, no time and no order. A ballot writes
 * both in the caller's transaction, the one that appends its event.
 *
 * A port, so that a sealed box (encrypted ballots that add up, DESIGN.md) can replace the counters.
 */
import type { Queryable } from './db';
import {
  BallotAlreadyCast,
  BallotBoxAlreadyExists,
  BallotBoxClosed,
  BallotBoxNotFound,
  BallotBoxStillOpen,
  UnknownChoice,
} from './errors';
import { int, sqlState, text } from './sql';

export interface SecretBallot {
  voteId: string;
  memberId: string;
  choice: string;
}

export interface BallotBox {
  open(tx: Queryable, meetingId: string, voteId: string, choices: readonly string[]): Promise<void>;
  /** Refuses every ballot when one is refused; the caller's transaction then rolls back. */
  cast(tx: Queryable, meetingId: string, ballots: readonly SecretBallot[]): Promise<void>;
  close(tx: Queryable, meetingId: string, voteId: string): Promise<void>;
  /** Only once the box is closed. */
  tally(db: Queryable, voteId: string): Promise<Record<string, number>>;
  /** How many members have voted; may be shown while the vote is open. */
  participation(db: Queryable, voteId: string): Promise<number>;
}

export const countingBallotBox: BallotBox = {
  async open(tx, meetingId, voteId, choices) {
    const opened = await tx.query(
      `INSERT INTO ballot_boxes (vote_id, meeting_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING vote_id`,
      [voteId, meetingId],
    );
    if (opened.length === 0) throw new BallotBoxAlreadyExists(voteId);
    await tx.query(
      `INSERT INTO ballot_counters (vote_id, choice)
       SELECT DISTINCT $1::text, unnest($2::text[])`,
      [voteId, choices],
    );
  },

  async cast(tx, meetingId, ballots) {
    if (ballots.length === 0) return;
    const voteIds = [...new Set(ballots.map((ballot) => ballot.voteId))];
    // FOR SHARE: ballots of one vote do not wait for each other, but closing the box waits for them.
    const boxes = await tx.query(
      `SELECT vote_id, closed FROM ballot_boxes
       WHERE meeting_id = $1 AND vote_id = ANY($2::text[]) FOR SHARE`,
      [meetingId, voteIds],
    );
    for (const voteId of voteIds) {
      const box = boxes.find((row) => text(row, 'vote_id') === voteId);
      if (!box) throw new BallotBoxNotFound(voteId);
      if (box.closed === true) throw new BallotBoxClosed(voteId);
    }

    const registered = await tx.query(
      `INSERT INTO ballot_participation (vote_id, member_id)
       SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT DO NOTHING RETURNING vote_id, member_id`,
      [ballots.map((ballot) => ballot.voteId), ballots.map((ballot) => ballot.memberId)],
    );
    if (registered.length < ballots.length) {
      const fresh = new Set(
        registered.map((row) => key(text(row, 'vote_id'), text(row, 'member_id'))),
      );
      const seen = new Set<string>();
      for (const { voteId, memberId } of ballots) {
        const voter = key(voteId, memberId);
        if (!fresh.has(voter) || seen.has(voter)) throw new BallotAlreadyCast(voteId, memberId);
        seen.add(voter);
      }
    }

    const counted = await withoutChoices(() =>
      tx.query(
        `UPDATE ballot_counters AS counter SET count = counter.count + ballot.n
         FROM (SELECT vote_id, choice, count(*)::int AS n
               FROM unnest($1::text[], $2::text[]) AS b(vote_id, choice)
               GROUP BY vote_id, choice) AS ballot
         WHERE counter.vote_id = ballot.vote_id AND counter.choice = ballot.choice
         RETURNING counter.vote_id, counter.choice`,
        [ballots.map((ballot) => ballot.voteId), ballots.map((ballot) => ballot.choice)],
      ),
    );
    const countedChoices = new Set(
      counted.map((row) => key(text(row, 'vote_id'), text(row, 'choice'))),
    );
    const unknown = ballots.find(
      (ballot) => !countedChoices.has(key(ballot.voteId, ballot.choice)),
    );
    if (unknown) throw new UnknownChoice(unknown.voteId);
  },

  async close(tx, meetingId, voteId) {
    const [box] = await tx.query(
      'SELECT closed FROM ballot_boxes WHERE meeting_id = $1 AND vote_id = $2 FOR UPDATE',
      [meetingId, voteId],
    );
    if (!box) throw new BallotBoxNotFound(voteId);
    if (box.closed === true) throw new BallotBoxClosed(voteId);
    await tx.query('UPDATE ballot_boxes SET closed = true WHERE vote_id = $1', [voteId]);
  },

  async tally(db, voteId) {
    const [box] = await db.query('SELECT closed FROM ballot_boxes WHERE vote_id = $1', [voteId]);
    if (!box) throw new BallotBoxNotFound(voteId);
    if (box.closed !== true) throw new BallotBoxStillOpen(voteId);
    const counters = await db.query(
      'SELECT choice, count FROM ballot_counters WHERE vote_id = $1 ORDER BY choice',
      [voteId],
    );
    return Object.fromEntries(counters.map((row) => [text(row, 'choice'), int(row, 'count')]));
  },

  async participation(db, voteId) {
    const [box] = await db.query(
      `SELECT (SELECT count(*)::int FROM ballot_participation p WHERE p.vote_id = b.vote_id) AS n
       FROM ballot_boxes b WHERE b.vote_id = $1`,
      [voteId],
    );
    if (!box) throw new BallotBoxNotFound(voteId);
    return int(box, 'n');
  },
};

function key(...parts: string[]): string {
  return JSON.stringify(parts);
}

/** A driver error may carry the query's parameters, here the choices: let none of them out. */
async function withoutChoices<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    // eslint-disable-next-line preserve-caught-error -- the cause would carry the choices
    throw new Error(
      `the ballot box could not count the ballots (SQLSTATE ${sqlState(error) ?? 'unknown'})`,
    );
  }
}
