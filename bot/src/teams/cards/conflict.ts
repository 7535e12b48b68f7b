import { text, type Element } from './elements';
import { action, isVoting, nameOf, type CardRef, type View } from './view';

/** Who has a personal interest in the item: the card says so, for all to see (DLB art. 27). */
export function conflictLine(view: View, itemId: string): Element[] {
  const conflicts = view.meeting.conflicts?.[itemId] ?? [];
  if (conflicts.length === 0) return [];
  const names = conflicts.map((conflict) => nameOf(view.meeting, conflict.member)).join(', ');
  return [text(view.t('conflict.inConflict', { names }), { isSubtle: true })];
}

/** The member's own button to declare a personal interest in the item under discussion. */
export function declareConflictAction(view: View, card: CardRef, itemId: string): Element[] {
  if (view.member === null || !isVoting(view)) return [];
  const declared = (view.meeting.conflicts?.[itemId] ?? []).some((c) => c.member === view.member);
  if (declared) return [];
  return [action(view, card, view.t('conflict.declare'), 'conflict.declare', { itemId })];
}
