import { inGrowingList, memo } from '../copy-on-write';
import type { MemberId } from '../roster';
import type { Vote } from '../state';

const asSet = (members: readonly MemberId[]) => new Set(members);

/** Whether the member was entitled and present when the vote opened (its snapshot). */
export function isEntitled(vote: Vote, member: MemberId): boolean {
  return memo(vote.eligible, asSet).has(member);
}

/** Whether the member has taken part: the participation register, never a choice. */
export function hasTakenPart(vote: Vote, member: MemberId): boolean {
  return inGrowingList(vote.participants, member);
}
