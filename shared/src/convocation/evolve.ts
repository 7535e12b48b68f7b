import type { EventOf } from '../events';
import type { Meeting } from '../state';
import type { ConvocationEvent } from './events';
import type { Convocation, Receipt } from './types';

/** The convocation as sent; a log written before convocations had details records none. */
export function convened(meeting: Meeting, event: EventOf<'MeetingConvened'>): Meeting {
  if (!event.convocation) return { ...meeting, status: 'convened' };
  const { mode, tool } = event.convocation;
  return {
    ...meeting,
    status: 'convened',
    setup: { ...meeting.setup, mode, tool },
    convocation: {
      sentAt: event.at,
      details: event.convocation,
      late: event.late ?? null,
      sendings: 1,
      supplements: [],
      receipts: {},
    },
  };
}

function withReceipt(
  convocation: Convocation,
  member: string,
  change: (receipt: Receipt) => Receipt,
): Convocation {
  const receipt = convocation.receipts[member] ?? { sending: 1 };
  return { ...convocation, receipts: { ...convocation.receipts, [member]: change(receipt) } };
}

function evolveConvocation(convocation: Convocation, event: ConvocationEvent): Convocation {
  switch (event.type) {
    case 'ConvocationDelivered':
      return withReceipt(convocation, event.member, ({ unreachable: _gone, ...receipt }) => ({
        ...receipt,
        sending: event.sending,
        delivered: event.at,
      }));
    case 'ConvocationUnreachable':
      return withReceipt(convocation, event.member, (receipt) => ({
        ...receipt,
        sending: event.sending,
        unreachable: { at: event.at, failure: event.failure },
      }));
    case 'ConvocationOpened':
      return withReceipt(convocation, event.member, (receipt) => ({
        ...receipt,
        opened: receipt.opened ?? event.at,
      }));
    case 'ConvocationAcknowledged':
      return withReceipt(convocation, event.member, (receipt) => ({
        ...receipt,
        opened: receipt.opened ?? event.at,
        acknowledged: receipt.acknowledged ?? event.at,
      }));
    case 'ConvocationResent':
      return { ...convocation, sendings: event.sending };
    case 'AgendaSupplemented':
      return {
        ...convocation,
        sendings: event.sending,
        supplements: [
          ...convocation.supplements,
          {
            sending: event.sending,
            at: event.at,
            added: event.added,
            withdrawn: event.withdrawn,
            withdrawnTitles: event.withdrawnTitles,
          },
        ],
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveReceipts(meeting: Meeting, event: ConvocationEvent): Meeting {
  if (!meeting.convocation) return meeting;
  return { ...meeting, convocation: evolveConvocation(meeting.convocation, event) };
}
