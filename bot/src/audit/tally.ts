/**
 * `verify-tally`: a counted secret vote checked from its tally record alone, with the crypto module
 * and nothing of the service: the key from the trustees' commitments, every ballot's proofs, the
 * aggregate recomputed from the board, every partial decryption's proof, and the totals.
 */
import { z } from 'zod';
import type { Meeting, Vote } from '@council/shared';
import type { Sealed, SealedBallot, TallyRecord } from '@council/shared/sealed';

export interface VoteVerdict {
  readonly voteId: string;
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly ballots: number;
  readonly counts: Readonly<Record<string, number>>;
}

const text = z.string().min(1);
const ciphertext = z.object({ a: text, b: text }).strict();
const equality = z.object({ c: text, z: text }).strict();
const ballot = z
  .object({
    choices: z.array(
      z
        .object({
          ciphertext,
          proof: z.object({ c0: text, c1: text, z0: text, z1: text }).strict(),
        })
        .strict(),
    ),
    sum: equality,
  })
  .strict();

/** The shape of a tally record, so that a malformed file is named rather than crashing a check. */
const recordSchema = z
  .object({
    context: z.object({ meetingId: text, voteId: text }).strict(),
    choices: z.array(text).min(1),
    threshold: z.number().int().min(1),
    trustees: z.array(z.object({ member: text, index: z.number().int().min(1) }).strict()),
    commitments: z.record(
      z.string(),
      z.object({ boxKey: text, commitments: z.array(text) }).strict(),
    ),
    ballots: z.array(ballot),
    aggregate: z
      .object({
        ciphertexts: z.array(ciphertext),
        ballots: z.number().int().min(0),
        board: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
    partials: z.record(
      z.string(),
      z.object({ shares: z.array(z.object({ d: text, proof: equality }).strict()) }).strict(),
    ),
    tally: z.record(z.string(), z.number().int().min(0)),
  })
  .strict();

/** A tally record as `GET …/tally-record` returns it, or what keeps the file from being one. */
export function parseTallyRecord(json: string): TallyRecord | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return 'the file is not JSON';
  }
  const record = recordSchema.safeParse(parsed);
  if (record.success) return record.data;
  const issue = record.error.issues[0];
  return `${issue?.path.join('.') || 'the file'} is not as a tally record has it`;
}

/**
 * What the log says of a counted secret vote, with the board read from the ballot table: the
 * record the service published, rebuilt without the service. Undefined for any other vote.
 */
export function recordOfVote(
  meeting: Meeting,
  vote: Vote,
  board: readonly SealedBallot[],
): TallyRecord | undefined {
  const sealed = vote.sealed;
  if (!vote.secret || !sealed?.aggregate || !vote.result) return undefined;
  const committed = meeting.tellers?.find((c) => c.ceremony === sealed.ceremony)?.committed ?? {};
  return {
    context: { meetingId: meeting.id, voteId: vote.id },
    choices: vote.choices,
    threshold: sealed.threshold,
    trustees: sealed.trustees,
    commitments: Object.fromEntries(
      sealed.trustees.flatMap(({ member }) => {
        const commitment = committed[member];
        return commitment ? [[member, commitment]] : [];
      }),
    ),
    ballots: board,
    aggregate: sealed.aggregate,
    partials: sealed.decrypted,
    tally: vote.result.tally,
  };
}

/** verifyTally, and what only the log knows: the board holds one ballot per member who took part. */
export function checkTally(
  sealed: Sealed,
  record: TallyRecord,
  participants?: number,
): VoteVerdict {
  const verdict = sealed.verifyTally(record);
  const problems = [...verdict.problems];
  if (participants !== undefined && participants !== record.ballots.length) {
    problems.push(
      `the board holds ${record.ballots.length} ballots, but ${participants} members took part`,
    );
  }
  return {
    voteId: record.context.voteId,
    ok: verdict.ok && problems.length === 0,
    problems,
    ballots: record.ballots.length,
    counts: Object.fromEntries(record.choices.map((c, i) => [c, verdict.counts[i] ?? 0])),
  };
}

export function describeTally(verdict: VoteVerdict): string {
  const totals = Object.entries(verdict.counts)
    .map(([choice, count]) => `${choice} ${count}`)
    .join(', ');
  return verdict.ok
    ? `verified: vote ${verdict.voteId}, ${verdict.ballots} ballots: ${totals}`
    : [`NOT VERIFIED: vote ${verdict.voteId}`, ...verdict.problems.map((p) => `  - ${p}`)].join(
        '\n',
      );
}
