import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import { isVotingMember, type MemberId } from '../roster';
import type { Meeting } from '../state';
import type { Convocation } from './types';

export type ReceiptCommand = CommandOf<
  'RecordConvocationDelivery' | 'OpenConvocation' | 'AcknowledgeConvocation' | 'ResendConvocation'
>;

/** Who is convened: the chair and the councillors; the director sends it, observers are not convened. */
export function convokedMembers(meeting: Meeting): readonly MemberId[] {
  return meeting.setup.roster.filter(isVotingMember).map((member) => member.id);
}

const isConvoked = (meeting: Meeting, member: MemberId) =>
  convokedMembers(meeting).includes(member);

/**
 * The receipts of a convocation: the service records what Teams answered for each member's chat;
 * a member opens and acknowledges their own, once (a second time changes nothing); the director
 * sends it again to one member.
 */
export function decideReceipt(meeting: Meeting, command: ReceiptCommand): Decision {
  const convocation: Convocation | undefined = meeting.convocation;
  if (!convocation) return refuse('MEETING_NOT_CONVENED');
  switch (command.type) {
    case 'RecordConvocationDelivery': {
      if (!isConvoked(meeting, command.member)) return refuse('NOT_A_MEMBER');
      if (command.sending > convocation.sendings) {
        return refuse('INVALID_COMMAND', { detail: `no sending ${command.sending}` });
      }
      const base = { member: command.member, sending: command.sending, ...stamp(command) };
      return command.failure
        ? accept({ type: 'ConvocationUnreachable', failure: command.failure, ...base })
        : accept({ type: 'ConvocationDelivered', ...base });
    }
    case 'OpenConvocation': {
      const receipt = convocation.receipts[command.by];
      if (receipt?.opened) return accept();
      return accept({ type: 'ConvocationOpened', member: command.by, ...stamp(command) });
    }
    case 'AcknowledgeConvocation': {
      if (convocation.receipts[command.by]?.acknowledged) return accept();
      return accept({ type: 'ConvocationAcknowledged', member: command.by, ...stamp(command) });
    }
    case 'ResendConvocation':
      if (meeting.status === 'closed') return refuse('MEETING_CLOSED');
      if (!isConvoked(meeting, command.member)) return refuse('NOT_A_MEMBER');
      return accept({
        type: 'ConvocationResent',
        member: command.member,
        sending: convocation.sendings + 1,
        ...stamp(command),
      });
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}
