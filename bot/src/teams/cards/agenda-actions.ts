import type { AgendaItem } from '@council/shared';
import type { Element } from './elements';
import { action, type CardRef, type View } from './view';

/**
 * The chair's hold on the item under discussion: behind closed doors (put to the council's vote,
 * or at once where its subject requires it), withdrawn, or postponed to a later sitting.
 */
export function chairAgendaActions(view: View, card: CardRef, item: AgendaItem): Element[] {
  const { t } = view;
  const itemId = item.id;
  // Persons discussed ("huisclos personnes" in the chat) close at once; the button asks the council.
  const closing =
    item.session === 'public'
      ? [action(view, card, t('item.closedSessionPropose'), 'item.closedSession', { itemId })]
      : [];
  return [
    ...closing,
    action(view, card, t('item.withdraw'), 'item.withdraw', { itemId }, 'destructive'),
    action(view, card, t('item.postpone'), 'item.postpone', { itemId }),
  ];
}
