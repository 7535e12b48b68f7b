import type { AgendaItem, ItemId } from '../agenda';
import type { MemberId } from '../roster';
import type { DeliveryFailure } from './types';

interface Stamped {
  readonly at: string;
  readonly by: string;
}

/** The receipts of a convocation, each member's, and its later sendings. */
export type ConvocationEvent = Stamped &
  (
    | { readonly type: 'ConvocationDelivered'; readonly member: MemberId; readonly sending: number }
    | {
        readonly type: 'ConvocationUnreachable';
        readonly member: MemberId;
        readonly sending: number;
        readonly failure: DeliveryFailure;
      }
    | { readonly type: 'ConvocationOpened'; readonly member: MemberId }
    | { readonly type: 'ConvocationAcknowledged'; readonly member: MemberId }
    | { readonly type: 'ConvocationResent'; readonly member: MemberId; readonly sending: number }
    | {
        readonly type: 'AgendaSupplemented';
        readonly sending: number;
        readonly added: readonly ItemId[];
        readonly withdrawn: readonly ItemId[];
        /** The withdrawn items' titles, which the revised agenda no longer holds. */
        readonly withdrawnTitles: readonly AgendaItem['title'][];
      }
  );
