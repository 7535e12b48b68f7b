import type { ItemId } from '../agenda';
import type { Meeting } from '../state';

/** Who set an item aside during the sitting, when and why. */
export interface SetAside {
  /** Withdrawn from the agenda, or postponed to a later sitting. */
  readonly how: 'withdrawn' | 'postponed';
  readonly by: string;
  readonly at: string;
  readonly reason: string | null;
}

/** An item the sitting moved behind closed doors: at once for its subject, or by the council's vote. */
export interface ClosedInSitting {
  readonly reason: 'mandatory' | 'vote';
  readonly voteId: string | null;
  readonly by: string;
  readonly at: string;
}

export interface AgendaProgress {
  readonly takenUp: readonly ItemId[];
  readonly setAside: Readonly<Record<ItemId, SetAside>>;
  readonly closedInSitting: Readonly<Record<ItemId, ClosedInSitting>>;
  /** Items added as urgent, each with the procedural vote that declared the urgency. */
  readonly urgent: Readonly<Record<ItemId, string>>;
}

export const noProgress: AgendaProgress = {
  takenUp: [],
  setAside: {},
  closedInSitting: {},
  urgent: {},
};

export type ItemStatus =
  'pending' | 'current' | 'examined' | 'withdrawn' | 'postponed' | 'notReached';

/** Where an item stands; an item the council never took up is "not reached", never "examined". */
export function itemStatus(meeting: Meeting, itemId: ItemId): ItemStatus {
  const aside = meeting.agendaProgress.setAside[itemId];
  if (aside) return aside.how;
  if (meeting.status === 'open' && meeting.currentItemId === itemId) return 'current';
  if (meeting.agendaProgress.takenUp.includes(itemId)) return 'examined';
  return meeting.status === 'closed' ? 'notReached' : 'pending';
}

export function isSetAside(meeting: Meeting, itemId: ItemId): boolean {
  return meeting.agendaProgress.setAside[itemId] !== undefined;
}
