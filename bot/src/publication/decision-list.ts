import { html } from './html';
import { page, sittingFacts, type Sheet } from './sitting';
import { agendaItem, itemNumber, publishedVotes, treatment } from './treatment';

/**
 * The decision list (besluitenlijst, DLB art. 285 §1: online within 10 days of the sitting): each
 * public item whose result the director published, its decision and votes in short.
 */
export function decisionListPage(sheet: Sheet, path: string): string {
  const { meeting, words } = sheet;
  const agenda = meeting.setup.agenda;
  const decided = agenda.filter((item) => publishedVotes(sheet, item).length > 0);
  return page(
    sheet,
    { kind: 'decisionList', path, title: words.documents.decisionList },
    html`${sittingFacts(sheet)}
      <ol hidden>
        ${decided.map((item) => agendaItem(sheet, item, itemNumber(sheet, item)))}
      </ol>
      ${decided.length === 0 && html`<p>${words.noDecision}</p>`}
      ${decided.map((item) => treatment(sheet, item, itemNumber(sheet, item), false))}`,
  );
}
