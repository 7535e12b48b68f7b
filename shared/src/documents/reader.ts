import type { ItemId } from '../agenda';
import { sessionOf } from '../agenda/session';
import type { ItemDocument, Meeting } from '../state';
import { isObserver, type Reader } from '../visibility';
import { documentsOf } from './decider';

/**
 * The documents of one item as a reader may see them (none of a closed item for an observer or the
 * public), for whatever lists them: the agenda, the stage, the convocation card.
 */
export function itemDocumentsFor(
  meeting: Meeting,
  itemId: ItemId,
  reader: Reader,
): readonly ItemDocument[] {
  const session = sessionOf(meeting, itemId);
  if (session === null || (session === 'closed' && isObserver(reader))) return [];
  return documentsOf(meeting, itemId);
}
