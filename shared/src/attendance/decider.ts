import type { CommandOf } from '../commands';
import { inGrowingList, withEntry, withItem } from '../copy-on-write';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { AttendanceEvent } from '../events';
import { isPresent, notInSession } from '../guards';
import { membersInOffice } from '../roster';
import type { Meeting } from '../state';
import { answeredByBeingInCall, decideCall } from './call';
import { departedFromOpenVote } from '../votes/participation';
import { quorum } from './quorum';

export type AttendanceCommand = CommandOf<
  | 'CheckIn'
  | 'CheckOut'
  | 'ExcuseMember'
  | 'OpenRollCall'
  | 'AnswerRollCall'
  | 'CloseRollCall'
  | 'JoinCall'
  | 'LeaveCall'
>;

/** Members arrive once the meeting is convened, and until it closes. */
function notConvened(meeting: Meeting): Decision | null {
  if (meeting.status === 'draft') return refuse('MEETING_NOT_CONVENED');
  if (meeting.status === 'closed') return refuse('MEETING_CLOSED');
  return null;
}

function rollCallClosed(meeting: Meeting, command: AttendanceCommand): AttendanceEvent | null {
  if (meeting.rollCall.status !== 'open') return null;
  const inOffice = membersInOffice(meeting.setup.roster).map((m) => m.id);
  const statusOf = (id: string) => meeting.attendance[id]?.status ?? 'absent';
  return {
    type: 'RollCallClosed',
    rollCallId: meeting.rollCall.id,
    present: inOffice.filter((id) => statusOf(id) === 'present'),
    absent: inOffice.filter((id) => statusOf(id) === 'absent'),
    excused: inOffice.filter((id) => statusOf(id) === 'excused'),
    quorum: quorum(meeting),
    ...stamp(command),
  };
}

export function decideAttendance(meeting: Meeting, command: AttendanceCommand): Decision {
  switch (command.type) {
    case 'CheckIn':
      return (
        notConvened(meeting) ??
        (isPresent(meeting, command.by)
          ? refuse('ALREADY_PRESENT')
          : accept({ type: 'MemberCheckedIn', member: command.by, ...stamp(command) }))
      );
    case 'CheckOut':
      return (
        notConvened(meeting) ??
        (isPresent(meeting, command.by)
          ? accept({ type: 'MemberCheckedOut', member: command.by, ...stamp(command) })
          : refuse('NOT_PRESENT'))
      );
    case 'ExcuseMember': {
      const refusal = notConvened(meeting);
      if (refusal) return refusal;
      const inOffice = membersInOffice(meeting.setup.roster);
      if (!inOffice.some((m) => m.id === command.member)) return refuse('NOT_A_MEMBER');
      if (isPresent(meeting, command.member)) return refuse('ALREADY_PRESENT');
      return accept({ type: 'MemberExcused', member: command.member, ...stamp(command) });
    }
    case 'OpenRollCall': {
      const refusal = notInSession(meeting);
      if (refusal) return refusal;
      if (meeting.rollCall.status === 'open') return refuse('ROLL_CALL_ALREADY_OPEN');
      return accept(
        { type: 'RollCallOpened', rollCallId: command.newId, ...stamp(command) },
        ...answeredByBeingInCall(meeting, command),
      );
    }
    case 'AnswerRollCall': {
      if (meeting.rollCall.status !== 'open') return refuse('ROLL_CALL_NOT_OPEN');
      if (inGrowingList(meeting.rollCall.answered, command.by)) return refuse('ALREADY_ANSWERED');
      return accept({ type: 'RollCallAnswered', member: command.by, ...stamp(command) });
    }
    case 'CloseRollCall': {
      const event = rollCallClosed(meeting, command);
      return event ? accept(event) : refuse('ROLL_CALL_NOT_OPEN');
    }
    case 'JoinCall':
    case 'LeaveCall':
      return decideCall(meeting, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function markPresent(meeting: Meeting, member: string, at: string): Meeting {
  if (isPresent(meeting, member)) return meeting;
  return {
    ...meeting,
    attendance: withEntry(meeting.attendance, member, { status: 'present', since: at }),
  };
}

export function evolveAttendance(meeting: Meeting, event: AttendanceEvent): Meeting {
  switch (event.type) {
    case 'MemberCheckedIn':
      return markPresent(meeting, event.member, event.at);
    case 'MemberCheckedOut':
      return {
        ...departedFromOpenVote(meeting, event.member),
        attendance: withEntry(meeting.attendance, event.member, {
          status: 'absent',
          since: event.at,
        }),
      };
    case 'MemberExcused':
      return {
        ...meeting,
        attendance: withEntry(meeting.attendance, event.member, {
          status: 'excused',
          since: event.at,
        }),
      };
    case 'RollCallOpened':
      return {
        ...meeting,
        rollCall: { status: 'open', id: event.rollCallId, openedAt: event.at, answered: [] },
      };
    case 'RollCallAnswered': {
      const rollCall =
        meeting.rollCall.status === 'open'
          ? { ...meeting.rollCall, answered: withItem(meeting.rollCall.answered, event.member) }
          : meeting.rollCall;
      return { ...markPresent(meeting, event.member, event.at), rollCall };
    }
    case 'RollCallClosed': {
      const { present, absent, excused } = event;
      return {
        ...meeting,
        rollCall: { status: 'closed' },
        closedRollCalls: withEntry(meeting.closedRollCalls, event.rollCallId, {
          present,
          absent,
          excused,
          quorum: event.quorum,
        }),
      };
    }
    case 'CallJoined':
      return { ...meeting, inCall: withItem(meeting.inCall, event.member) };
    case 'CallLeft':
      return { ...meeting, inCall: meeting.inCall.filter((member) => member !== event.member) };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
