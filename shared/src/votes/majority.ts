import { quorum } from '../attendance/quorum';
import type { ThresholdBase } from '../profiles';
import { membersInOffice } from '../roster';
import type { Meeting, Vote } from '../state';

/**
 * What a majority is counted on, with its number where the ballots alone do not give it:
 * - votes cast: the ballots that count (abstentions only where `abstentionsCount` says so);
 * - members present: the members in office present when the vote closed, since the decision is
 *   taken then and attendance changes while it is open; abstaining members are present;
 * - members in office: the roster's members in office, present or not.
 */
export type MajorityBase =
  | { readonly base: 'votesCast' }
  | { readonly base: 'membersPresent' | 'membersInOffice'; readonly members: number };

export const votesCastBase: MajorityBase = { base: 'votesCast' };

/** The number the fraction is taken of. */
export function baseCount(majority: MajorityBase, votesCast: number): number {
  return majority.base === 'votesCast' ? votesCast : majority.members;
}

/** Members in office present now: VoteClosed records it, as the decision is taken when it closes. */
export function presentAtClose(meeting: Meeting): { readonly present: number } {
  return { present: quorum(meeting).present };
}

/** A vote's base with its number; a vote closed before `present` was recorded counts those it let vote. */
export function majorityBaseOf(meeting: Meeting, vote: Vote): MajorityBase {
  const base: ThresholdBase = vote.base;
  if (base === 'membersPresent') {
    return { base, members: vote.presentAtClose ?? vote.eligible.length };
  }
  if (base === 'membersInOffice') {
    return { base, members: membersInOffice(meeting.setup.roster).length };
  }
  return votesCastBase;
}
