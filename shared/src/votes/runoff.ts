import type { ErrorCode } from '../errors';
import type { Meeting } from '../state';

export type SecondRound =
  | { readonly ok: true; readonly candidateIds: readonly [string, string] }
  | { readonly ok: false; readonly code: ErrorCode };

/**
 * The second round the chair may call after this vote (CDLD L1122-28: without an absolute
 * majority, a runoff between the two leading candidates), or why not. The result must be published
 * first: until the director announces it, a refusal says only that the result is not ready, so
 * that it cannot tell the chair what the count was.
 */
export function secondRound(meeting: Meeting, voteId: string): SecondRound {
  const vote = meeting.votes[voteId];
  if (!vote) return { ok: false, code: 'VOTE_NOT_FOUND' };
  if (vote.status !== 'published') return { ok: false, code: 'RESULT_NOT_READY' };
  const outcome = vote.result?.outcome;
  if (outcome?.kind !== 'runoff') return { ok: false, code: 'NO_RUNOFF' };
  if (vote.itemId !== meeting.currentItemId)
    return { ok: false, code: 'RUNOFF_NOT_ON_CURRENT_ITEM' };
  if (Object.values(meeting.votes).some((v) => v.runoffOf === voteId)) {
    return { ok: false, code: 'RUNOFF_ALREADY_HELD' };
  }
  return { ok: true, candidateIds: outcome.candidateIds };
}
