import type { AgendaItem } from '@council/shared';

export interface DocumentLink {
  readonly title: string;
  readonly url: string;
}

/**
 * The documents a convocation links for an item (its draft decision and attachments, issue 16
 * item 4). Items carry none yet: the item documents' change fills this in, and the convocation
 * card lists what it returns under each item.
 */
export const documentsOf: (item: AgendaItem) => readonly DocumentLink[] = () => [];
