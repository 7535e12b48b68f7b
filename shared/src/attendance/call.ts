import type { CommandOf } from '../commands';
import { inGrowingList } from '../copy-on-write';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { AttendanceEvent } from '../events';
import { isPresent } from '../guards';
import { actorOf, isVotingMember, SYSTEM } from '../roster';
import type { Meeting } from '../state';

export type CallCommand = CommandOf<'JoinCall' | 'LeaveCall'>;

/** Whether this council counts joining the Teams call as being present (its rules profile). */
export function joiningIsPresence(meeting: Meeting): boolean {
  return meeting.profile.joiningCallIsPresence.value;
}

function sits(meeting: Meeting, member: string): boolean {
  const role = actorOf(meeting.setup.roster, member);
  return role !== null && role !== SYSTEM && isVotingMember({ role });
}

/**
 * A member in the call answers an open roll call by being there, where the rules say joining is
 * enough; outside a roll call, joining is arriving.
 */
function presenceOnJoining(meeting: Meeting, member: string, command: CallCommand) {
  if (!joiningIsPresence(meeting) || !sits(meeting, member)) return [];
  const by = { ...stamp(command), via: 'call' as const };
  if (meeting.rollCall.status === 'open') {
    if (inGrowingList(meeting.rollCall.answered, member)) return [];
    return [{ type: 'RollCallAnswered' as const, member, ...by }];
  }
  if (isPresent(meeting, member)) return [];
  return [{ type: 'MemberCheckedIn' as const, member, ...by }];
}

/** Leaving the call is a departure where joining it was enough to be present. */
function departureOnLeaving(meeting: Meeting, member: string, command: CallCommand) {
  if (!joiningIsPresence(meeting) || !isPresent(meeting, member)) return [];
  return [{ type: 'MemberCheckedOut' as const, member, ...stamp(command), via: 'call' as const }];
}

/** Teams reports people joining and leaving the call; the service records it for the roster's people. */
export function decideCall(meeting: Meeting, command: CallCommand): Decision {
  if (meeting.status === 'draft') return refuse('MEETING_NOT_CONVENED');
  if (meeting.status === 'closed') return refuse('MEETING_CLOSED');
  const { member } = command;
  const role = actorOf(meeting.setup.roster, member);
  // The service itself is no one on the roster, and is never in the call.
  if (role === null || role === SYSTEM) return refuse('NOT_A_MEMBER');
  const inCall = meeting.inCall.includes(member);
  switch (command.type) {
    case 'JoinCall':
      if (inCall) return refuse('ALREADY_IN_CALL');
      return accept(
        { type: 'CallJoined', member, ...stamp(command) },
        ...presenceOnJoining(meeting, member, command),
      );
    case 'LeaveCall':
      if (!inCall) return refuse('NOT_IN_CALL');
      return accept(
        { type: 'CallLeft', member, ...stamp(command) },
        ...departureOnLeaving(meeting, member, command),
      );
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** Opening a roll call where joining is enough: those already in the call have answered it. */
export function answeredByBeingInCall(
  meeting: Meeting,
  command: CommandOf<'OpenRollCall'>,
): AttendanceEvent[] {
  if (!joiningIsPresence(meeting)) return [];
  return meeting.inCall
    .filter((member) => sits(meeting, member))
    .map((member) => ({
      type: 'RollCallAnswered',
      member,
      ...stamp(command),
      via: 'call',
    }));
}
