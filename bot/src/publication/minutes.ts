import { html } from './html';
import { page, sittingFacts, type Sheet } from './sitting';
import { agendaItem, itemNumber, treatment } from './treatment';

/**
 * The minutes (notulen, DLB art. 285 §1: online once approved): published only once signed and
 * sealed, with the public items' treatments in full and the sealed PDF's hash.
 */
export function minutesPage(sheet: Sheet, path: string, sealed: string): string {
  const { meeting, words } = sheet;
  const agenda = meeting.setup.agenda;
  return page(
    sheet,
    { kind: 'minutes', path, title: words.documents.minutes },
    html`${sittingFacts(sheet)}
      <p>${words.sealedMinutes}: <code>SHA-256 ${sealed}</code></p>
      <ol>
        ${agenda.map((item) => agendaItem(sheet, item, itemNumber(sheet, item)))}
      </ol>
      ${agenda.map((item) => treatment(sheet, item, itemNumber(sheet, item), true))}`,
  );
}
