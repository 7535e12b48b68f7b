import { countNeeds, type Meeting, type Vote, type WireCommand } from '@council/shared';
import type { ClosedBoards } from './closed-boards';
import type { Sealing } from './sealing';
import { evidenceOf, tallyRecordOf } from './tally-record';

/**
 * What the service issues, as SYSTEM, for a vote that has closed: a named vote is counted at once.
 * A secret vote's board is first added up (AggregateBallots); once k of its trustees have
 * decrypted that sum, the totals are recovered and counted with the hash of their tally record as
 * evidence. With fewer shares nothing is issued: the vote waits, and says for whom.
 */
export async function countingCommand(
  sealing: Sealing,
  boards: Pick<ClosedBoards, 'board'>,
  meetingId: string,
  meeting: Meeting,
  vote: Vote,
): Promise<WireCommand | undefined> {
  if (vote.status !== 'closed') return undefined;
  if (!vote.secret) return { type: 'CountVote', voteId: vote.id };
  const sealed = vote.sealed;
  if (!sealed) return undefined;
  const box = sealing.box();
  if (!sealed.aggregate) {
    const aggregate = box.aggregate(await boards.board(vote.id), vote.choices.length);
    // The wire schema's arrays are mutable, the crypto module's readonly.
    const ciphertexts = [...aggregate.ciphertexts];
    return { type: 'AggregateBallots', voteId: vote.id, aggregate: { ...aggregate, ciphertexts } };
  }
  if (countNeeds(meeting, vote)) return undefined;
  const key = sealing.sittingKey(meetingId, meeting, sealed.ceremony);
  if (!key) return undefined;
  const context = { meetingId, voteId: vote.id };
  const counts = box.combine(key, sealed.aggregate, sealed.decrypted, context);
  const tally = Object.fromEntries(vote.choices.map((choice, i) => [choice, counts[i] ?? 0]));
  const record = tallyRecordOf(meetingId, meeting, vote, await boards.board(vote.id), tally);
  return { type: 'CountVote', voteId: vote.id, tally, evidence: evidenceOf(record) };
}
