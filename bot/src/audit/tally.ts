/**
 * `verify-tally`: a counted secret vote checked from its tally record alone, with the crypto module
 * and nothing of the service: the key from the trustees' commitments, every ballot's proofs, the
 * aggregate recomputed from the board, every partial decryption's proof, and the totals.
 */
import { z } from 'zod';
import type { Sealed, TallyRecord } from '@council/shared/sealed';
import { evidenceOf } from '../meetings/tally-record';

export interface VoteVerdict {
  readonly voteId: string;
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly ballots: number;
  readonly counts: Readonly<Record<string, number>>;
  /** SHA-256 of the record as checked: what the count's result and the minutes cite. */
  readonly evidence: string;
}

/** What the log says of the vote besides its record, when the record comes from the database. */
export interface Logged {
  /** Members who took part: the board must hold one ballot for each. */
  readonly participants: number;
  /** The hash the count recorded (`VoteCounted`), which the minutes print. */
  readonly evidence: string | null;
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
 * verifyTally, and what only the log knows: the board holds one ballot per member who took part,
 * and the record is the one whose hash the count kept.
 */
export function checkTally(sealed: Sealed, record: TallyRecord, logged?: Logged): VoteVerdict {
  const verdict = sealed.verifyTally(record);
  const problems = [...verdict.problems];
  const evidence = evidenceOf(record);
  if (logged && logged.participants !== record.ballots.length) {
    problems.push(
      `the board holds ${record.ballots.length} ballots, but ${logged.participants} members took part`,
    );
  }
  if (logged && logged.evidence !== evidence) {
    problems.push(
      `the record hashes to ${evidence}, the count kept ${logged.evidence ?? 'no hash'}`,
    );
  }
  return {
    voteId: record.context.voteId,
    ok: verdict.ok && problems.length === 0,
    problems,
    ballots: record.ballots.length,
    counts: Object.fromEntries(record.choices.map((c, i) => [c, verdict.counts[i] ?? 0])),
    evidence,
  };
}

export function describeTally(verdict: VoteVerdict): string {
  const totals = Object.entries(verdict.counts)
    .map(([choice, count]) => `${choice} ${count}`)
    .join(', ');
  return verdict.ok
    ? `verified: vote ${verdict.voteId}, ${verdict.ballots} ballots: ${totals}; evidence ${verdict.evidence}`
    : [`NOT VERIFIED: vote ${verdict.voteId}`, ...verdict.problems.map((p) => `  - ${p}`)].join(
        '\n',
      );
}
