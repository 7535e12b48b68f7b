import { closedAgendaItem, closedTreatment, type ClosedDecision } from './closed-decisions';
import { html, type Html } from './html';
import { page, sittingFacts, type Sheet } from './sitting';
import { agendaItem, itemNumber, publishedVotes, treatment } from './treatment';

/**
 * The decision list (besluitenlijst, DLB art. 285 §1: online within 10 days of the sitting): each
 * public item whose result the director published, its decision and votes in short; and, where the
 * profile's publication rule says so, each decision of the closed session in brief, in agenda order.
 */
export function decisionListPage(
  sheet: Sheet,
  path: string,
  closed: readonly ClosedDecision[] = [],
): string {
  const { meeting, words } = sheet;
  const decided: { n: number; item: Html; treatment: Html }[] = [
    ...meeting.setup.agenda
      .filter((item) => publishedVotes(sheet, item).length > 0)
      .map((item) => {
        const n = itemNumber(sheet, item);
        return { n, item: agendaItem(sheet, item, n), treatment: treatment(sheet, item, n, false) };
      }),
    ...closed.map((decision) => ({
      n: decision.n,
      item: closedAgendaItem(sheet, decision),
      treatment: closedTreatment(sheet, decision),
    })),
  ].sort((a, b) => a.n - b.n);
  return page(
    sheet,
    { kind: 'decisionList', path, title: words.documents.decisionList },
    html`${sittingFacts(sheet)}
      <ol hidden>
        ${decided.map((d) => d.item)}
      </ol>
      ${decided.length === 0 && html`<p>${words.noDecision}</p>`} ${decided.map((d) => d.treatment)}`,
  );
}
