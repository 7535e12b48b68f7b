import type { Member } from '../roster';
import type { Meeting } from '../state';

/**
 * Who signs the minutes: for each role the profile's `minutesSignedBy` names (its source cites the
 * article), the roster's member in that role, as the minutes' signature block prints them.
 */
export function signatoriesOf(meeting: Pick<Meeting, 'setup' | 'profile'>): Member[] {
  const { roster } = meeting.setup;
  return meeting.profile.minutesSignedBy.value.flatMap((role) => {
    const member = roster.find((m) => m.role === role);
    return member ? [member] : [];
  });
}

/** The signatories who have not approved the minutes submitted to them yet, in the profile's order. */
export function signatoriesWaiting(meeting: Meeting): Member[] {
  const approved = new Set(meeting.signing?.approvals.map((approval) => approval.member));
  return signatoriesOf(meeting).filter((member) => !approved.has(member.id));
}
