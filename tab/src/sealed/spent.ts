import { currentCeremony, type Meeting, type Vote } from '@council/shared';

/** Counted: its evidence is recorded (until published, only the director sees it as counted). */
const counted = (vote: Vote) => !!vote.sealed?.evidence;

/**
 * The key ceremonies whose secrets the member's browser keeps for nothing now: they held a part
 * of it, the chair has named tellers anew or the meeting is closed, and every sealed vote under it
 * is counted. A ceremony with a vote still to count is kept, whatever came after.
 */
export function spentCeremonies(meeting: Meeting, member: string): number[] {
  const current = currentCeremony(meeting)?.ceremony;
  const votes = Object.values(meeting.votes);
  return (meeting.tellers ?? [])
    .filter(
      ({ ceremony, trustees }) =>
        trustees.some((trustee) => trustee.member === member) &&
        (ceremony !== current || meeting.status === 'closed') &&
        votes.every((vote) => vote.sealed?.ceremony !== ceremony || counted(vote)),
    )
    .map(({ ceremony }) => ceremony);
}
