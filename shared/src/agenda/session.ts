import type { AgendaItem, ItemId, Session } from '../agenda';
import type { Meeting } from '../state';

/**
 * An item's session as it stands now: as convened, or closed since by the sitting. The state's
 * agenda always carries it (an item the sitting closes is rewritten as closed), so the views, the
 * cards, the live stream and the minutes all read it here.
 */
export function sessionOf(meeting: Meeting, itemId: ItemId | null): Session | null {
  return meeting.setup.agenda.find((item) => item.id === itemId)?.session ?? null;
}

/** The agenda with one item behind closed doors from now on. */
export function closedBehindDoors(agenda: readonly AgendaItem[], itemId: ItemId): AgendaItem[] {
  return agenda.map((item) => (item.id === itemId ? { ...item, session: 'closed' } : item));
}
