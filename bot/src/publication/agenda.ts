import type { AgendaItem, Supplement } from '@council/shared';
import { html } from './html';
import { page, type Sheet } from './sitting';
import { agendaItem, itemNumber } from './treatment';

/**
 * The agenda (DLB art. 285: online at least 8 days before the sitting) of the public items, with
 * where the sitting is held as the convocation says.
 */
export function agendaPage(sheet: Sheet, path: string): string {
  const { meeting, words } = sheet;
  const agenda = meeting.setup.agenda;
  const place = meeting.convocation?.details.place;
  return page(
    sheet,
    { kind: 'agenda', path, title: words.documents.agenda },
    html`${place && html`<p>${place}</p>`}
      <ol>
        ${agenda.map((item) => agendaItem(sheet, item, itemNumber(sheet, item)))}
      </ol>`,
  );
}

/** A supplementary agenda: the public items it adds and the titles of those it withdraws. */
export function supplementPage(sheet: Sheet, path: string, supplement: Supplement): string {
  const { meeting, words } = sheet;
  const agenda = meeting.setup.agenda;
  const added = supplement.added.flatMap(
    (id) => agenda.find((item) => item.id === id) ?? ([] as AgendaItem[]),
  );
  const withdrawn = supplement.withdrawnTitles.map(
    (title) => title[sheet.language] ?? Object.values(title).find(Boolean) ?? '',
  );
  return page(
    sheet,
    { kind: 'supplementaryAgenda', path, title: words.documents.supplementaryAgenda },
    html`<h2>${words.added}</h2>
      <ol>
        ${added.map((item) => agendaItem(sheet, item, itemNumber(sheet, item)))}
      </ol>
      ${
        withdrawn.length > 0 &&
        html`<h2>${words.withdrawn}</h2>
          <ul>
            ${withdrawn.map((t) => html`<li>${t}</li>`)}
          </ul>`
      }`,
  );
}
