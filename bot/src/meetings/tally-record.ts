/**
 * The record of a sealed count (issue 15): everything `npm run audit -- verify-tally` needs to
 * check it without the service, and nothing secret: the board of ciphertexts, their sum, the
 * trustees' commitments and partial decryptions with their proofs, and the totals.
 */
import { createHash } from 'node:crypto';
import { sealingCeremony, type Meeting, type Vote } from '@council/shared';
import type { SealedBallot, TallyRecord } from '@council/shared/sealed';
import { canonicalJson } from '../store';

/** The record of a secret vote that has its aggregate and its partial decryptions. */
export function tallyRecordOf(
  meetingId: string,
  meeting: Meeting,
  vote: Vote,
  board: readonly SealedBallot[],
  tally: Readonly<Record<string, number>>,
): TallyRecord {
  const sealed = vote.sealed;
  const ceremony = sealingCeremony(meeting, vote);
  if (!sealed?.aggregate || !ceremony)
    throw new Error(`vote ${vote.id} is not sealed and added up`);
  return {
    context: { meetingId, voteId: vote.id },
    choices: vote.choices,
    threshold: ceremony.threshold,
    trustees: ceremony.trustees,
    commitments: ceremony.committed,
    ballots: board,
    aggregate: sealed.aggregate,
    partials: sealed.decrypted,
    tally,
  };
}

/** What the count keeps as its evidence, and the minutes cite: SHA-256 of the canonical record. */
export function evidenceOf(record: TallyRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}
