import { itemDocumentsFor, type AgendaItem, type ItemDocument } from '@council/shared';
import type { View } from './view';

/**
 * The documents a convocation links under an item (its attachments, issue 16 item 4) as the card's
 * reader may see them: never a closed item's for a reader who may not see that item.
 */
export function documentsOf(view: View, item: AgendaItem): readonly ItemDocument[] {
  return itemDocumentsFor(view.meeting, item.id, view.reader);
}
