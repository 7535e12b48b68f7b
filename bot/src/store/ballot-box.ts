/**
 * The sealed ballot box of secret votes (DESIGN.md, "The secret ballot: invariants"). Who voted and
 * what was chosen are stored apart: the participation register holds (vote, member) and nothing
 * else; the box holds each ballot encrypted under the sitting's key, keyed by its tracker (the
 * ballot's own hash), with no member, no time and no order. A ballot writes both in the caller's
 * transaction, the one that appends its event: the transaction links them, as it linked the
 * counters this box replaces, but a ciphertext opens only with the shares of k trustees, and only
 * the sum of a closed box is ever decrypted.
 */
import type { SealedBallot } from '@council/shared/sealed';
import type { Queryable } from './db';
import {
  BallotAlreadyCast,
  BallotBoxAlreadyExists,
  BallotBoxClosed,
  BallotBoxNotFound,
  BallotBoxStillOpen,
  TrackerAlreadyOnBoard,
} from './errors';
import { int, text } from './sql';

export interface SecretBallot {
  voteId: string;
  memberId: string;
  ballot: SealedBallot;
  /** What the member is given to find their ballot on the board (sealed.tracker(ballot)). */
  tracker: string;
}

export interface BallotBox {
  open(tx: Queryable, meetingId: string, voteId: string): Promise<void>;
  /** Refuses every ballot when one is refused; the caller's transaction then rolls back. */
  cast(tx: Queryable, meetingId: string, ballots: readonly SecretBallot[]): Promise<void>;
  close(tx: Queryable, meetingId: string, voteId: string): Promise<void>;
  /** Every ballot of a closed box, by tracker: what is added up and published once it closes. */
  board(db: Queryable, voteId: string): Promise<SealedBallot[]>;
  /** How many members have voted; may be shown while the vote is open. */
  participation(db: Queryable, voteId: string): Promise<number>;
}

export const sealedBallotBox: BallotBox = {
  async open(tx, meetingId, voteId) {
    const opened = await tx.query(
      `INSERT INTO ballot_boxes (vote_id, meeting_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING vote_id`,
      [voteId, meetingId],
    );
    if (opened.length === 0) throw new BallotBoxAlreadyExists(voteId);
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

    // Sorted by tracker: the rows of one group commit reach the page in an order no voter set.
    const sealed = [...ballots].sort((a, b) => (a.tracker < b.tracker ? -1 : 1));
    // One statement writes both (each is a round trip, and PGlite's run in this thread); a refusal
    // below rolls back the caller's transaction, so what it wrote does not stay.
    const written = await tx.query(
      `WITH registered AS (
         INSERT INTO ballot_participation (vote_id, member_id)
         SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT DO NOTHING RETURNING vote_id, member_id
       ), boarded AS (
         INSERT INTO sealed_ballots (vote_id, meeting_id, tracker, ballot)
         SELECT b.vote_id, $3, b.tracker, b.ballot::jsonb
         FROM unnest($4::text[], $5::text[], $6::text[]) AS b(vote_id, tracker, ballot)
         ON CONFLICT DO NOTHING RETURNING vote_id, tracker
       )
       SELECT vote_id, member_id, NULL AS tracker FROM registered
       UNION ALL SELECT vote_id, NULL, tracker FROM boarded`,
      [
        ballots.map((ballot) => ballot.voteId),
        ballots.map((ballot) => ballot.memberId),
        meetingId,
        sealed.map((ballot) => ballot.voteId),
        sealed.map((ballot) => ballot.tracker),
        sealed.map((ballot) => JSON.stringify(ballot.ballot)),
      ],
    );
    const registered = written.filter((row) => row.member_id !== null);
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

    const boarded = written.filter((row) => row.tracker !== null);
    if (boarded.length < sealed.length) {
      // The same ciphertext twice is a copy of someone's ballot, never a ballot of one's own.
      const fresh = new Set(boarded.map((row) => key(text(row, 'vote_id'), text(row, 'tracker'))));
      const seen = new Set<string>();
      for (const { voteId, tracker } of sealed) {
        const copy = key(voteId, tracker);
        if (!fresh.has(copy) || seen.has(copy)) throw new TrackerAlreadyOnBoard(voteId);
        seen.add(copy);
      }
    }
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

  async board(db, voteId) {
    const [box] = await db.query('SELECT closed FROM ballot_boxes WHERE vote_id = $1', [voteId]);
    if (!box) throw new BallotBoxNotFound(voteId);
    if (box.closed !== true) throw new BallotBoxStillOpen(voteId);
    const rows = await db.query(
      'SELECT ballot FROM sealed_ballots WHERE vote_id = $1 ORDER BY tracker',
      [voteId],
    );
    return rows.map((row) => row.ballot as SealedBallot);
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
