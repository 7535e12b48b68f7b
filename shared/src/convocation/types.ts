import type { AgendaItem, ItemId } from '../agenda';
import type { MemberId } from '../roster';

export const sittingModes = ['remote', 'hybrid', 'in-person'] as const;
export type SittingMode = (typeof sittingModes)[number];

/**
 * What the convocation says of the sitting besides its date and agenda: where it sits, or the tool
 * and how to join, and why a sitting is held remotely (Walloon AGW of 23 Sep 2021, art. 1).
 */
export interface ConvocationDetails {
  readonly mode: SittingMode;
  readonly place?: string;
  readonly tool: string;
  readonly join?: string;
  readonly reason?: string;
  /** Sent at shorter notice, as the statutes allow "in case of urgency". */
  readonly urgent?: boolean;
}

/** A convocation that went out later than the notice period: the days needed and those given. */
export interface NoticeShortfall {
  readonly needed: number;
  readonly given: number;
  /** Clear days (jours francs): neither the day it is sent nor the day of the sitting counts. */
  readonly clear: boolean;
}

/** Why a member's 1:1 chat could not be reached: the app not installed, blocked, or another failure. */
export const deliveryFailures = ['notInstalled', 'blocked', 'failed'] as const;
export type DeliveryFailure = (typeof deliveryFailures)[number];

/** Each time of a member's convocation, at the last sending that reached (or missed) them. */
export interface Receipt {
  readonly sending: number;
  readonly delivered?: string;
  readonly opened?: string;
  readonly acknowledged?: string;
  readonly unreachable?: { readonly at: string; readonly failure: DeliveryFailure };
}

/** An agenda revised after convocation, sent again as a supplementary agenda. */
export interface Supplement {
  readonly sending: number;
  readonly at: string;
  readonly added: readonly ItemId[];
  readonly withdrawn: readonly ItemId[];
  readonly withdrawnTitles: readonly AgendaItem['title'][];
}

export interface Convocation {
  readonly sentAt: string;
  readonly details: ConvocationDetails;
  readonly late: NoticeShortfall | null;
  /** How many sendings there were: 1, the convocation, then each supplement or resending. */
  readonly sendings: number;
  readonly supplements: readonly Supplement[];
  readonly receipts: Readonly<Record<MemberId, Receipt>>;
}
