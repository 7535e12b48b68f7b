import type { AgendaItem } from '@council/shared';
import { html } from './html';
import { page, sittingFacts, type Sheet } from './sitting';
import { agendaItem, itemNumber, treatment } from './treatment';

/** An extract (uittreksel) of one decision: the sitting, the item and its whole treatment. */
export function extractPage(sheet: Sheet, path: string, item: AgendaItem): string {
  const n = itemNumber(sheet, item);
  return page(
    sheet,
    { kind: 'extract', path, title: sheet.words.documents.extract },
    html`${sittingFacts(sheet)}
      <ol hidden>
        ${agendaItem(sheet, item, n)}
      </ol>
      ${treatment(sheet, item, n, true)}`,
  );
}
