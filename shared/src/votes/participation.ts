import { inGrowingList, memo } from '../copy-on-write';
import type { MemberId } from '../roster';
import type { Meeting, Vote } from '../state';
import { isPresent } from '../guards';

const asSet = (members: readonly MemberId[]) => new Set(members);

/** Whether the member was entitled and present when the vote opened (its snapshot). */
export function isEntitled(vote: Vote, member: MemberId): boolean {
  return memo(vote.eligible, asSet).has(member);
}

/** Whether the member has taken part: the participation register, never a choice. */
export function hasTakenPart(vote: Vote, member: MemberId): boolean {
  return inGrowingList(vote.participants, member);
}

/**
 * Whether an entitled member may cast a ballot now: present, where the rules require it, and not
 * back from a departure during this vote, where the rules do not let a returning member vote.
 */
export function absenceRefusal(
  meeting: Meeting,
  vote: Vote,
  member: MemberId,
): 'NOT_PRESENT_TO_VOTE' | 'LEFT_DURING_VOTE' | null {
  const rule = meeting.profile.presenceToCast.value;
  if (!rule.present) return null;
  if (!isPresent(meeting, member)) return 'NOT_PRESENT_TO_VOTE';
  if (rule.returningMayVote || !vote.departed.includes(member)) return null;
  return 'LEFT_DURING_VOTE';
}

/** A member entitled to the open vote who checks out is recorded as departed from it. */
export function departedFromOpenVote(meeting: Meeting, member: MemberId): Meeting {
  const vote = meeting.openVoteId ? meeting.votes[meeting.openVoteId] : undefined;
  if (!vote || !isEntitled(vote, member) || vote.departed.includes(member)) return meeting;
  const departed = { ...vote, departed: [...vote.departed, member] };
  return { ...meeting, votes: { ...meeting.votes, [vote.id]: departed } };
}
