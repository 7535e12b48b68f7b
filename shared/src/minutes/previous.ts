import type { ItemId } from '../agenda';

/**
 * Where the council's members fetch the sealed minutes an approval item names (issue 16 item 7:
 * the minutes of one sitting are approved at the next, and that decision links to the signed PDF),
 * under the service's address. The route serves only the file whose SHA-256 the item names.
 */
export function previousMinutesPath(meetingId: string, itemId: ItemId): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(itemId)}/previous-minutes.pdf`;
}
