import { titleIn, type AgendaItem, type Meeting } from '@council/shared';
import { html, type Html } from './html';
import type { Sheet } from './sitting';
import { besluitHeading } from './treatment';

/**
 * A decision of a closed session as the decision list may name it, and nothing more: its number,
 * its title only where the public agenda gave it, whether the council adopted it. No vote, no
 * presence, no name, no reasons: what touches a person's privacy stays behind the closed doors.
 */
export interface ClosedDecision {
  readonly n: number;
  /** The item as the public agenda showed it before the sitting closed its doors; else null. */
  readonly shown: { readonly id: string; readonly title: AgendaItem['title'] } | null;
  readonly adopted: boolean;
}

/** Adopted (an election is a decision taken too), rejected, or no decision (void, runoff). */
function adoptedBy(meeting: Meeting, item: AgendaItem): boolean | null {
  const last = Object.values(meeting.votes)
    .filter((v) => v.itemId === item.id && !v.procedure && v.status === 'published' && v.result)
    .at(-1);
  switch (last?.result?.outcome.kind) {
    case 'adopted':
    case 'elected':
      return true;
    case 'rejected':
    case 'noneElected':
      return false;
    default:
      return null;
  }
}

/**
 * The decisions of the closed session that the profile's publication rule lets the decision list
 * name (`closedDecisions: 'subject'`; for Flanders DLB art. 285 §1, usual reading), read from the
 * whole meeting: the public's view has none of them. An item planned closed never had its title
 * on the public agenda (agenda.ts lists public items only), so only one the sitting moved behind
 * closed doors keeps it.
 */
export function closedDecisions(meeting: Meeting): ClosedDecision[] {
  if (meeting.profile.publication.value.closedDecisions !== 'subject') return [];
  const closedInSitting = meeting.agendaProgress.closedInSitting;
  return meeting.setup.agenda.flatMap((item, i) => {
    if (item.session !== 'closed') return [];
    const adopted = adoptedBy(meeting, item);
    if (adopted === null) return [];
    const shown = item.id in closedInSitting ? { id: item.id, title: item.title } : null;
    return [{ n: i + 1, shown, adopted }];
  });
}

/** An item's URIs: as the agenda published them, else by its number (its id is not public). */
function addressOf(sheet: Sheet, decision: ClosedDecision) {
  const { at } = sheet;
  const byNumber = `${at.sitting}#besloten-${decision.n}`;
  return {
    agendapunt: decision.shown ? at.agendapunt(decision.shown.id) : `${byNumber}-agendapunt`,
    behandeling: decision.shown ? at.behandeling(decision.shown.id) : `${byNumber}-behandeling`,
    besluit: `${byNumber}-besluit`,
  };
}

function titleOf(sheet: Sheet, decision: ClosedDecision): string {
  return decision.shown
    ? titleIn(decision.shown, sheet.language, sheet.language)
    : sheet.words.closedDecision;
}

/** The item on the decision list's agenda (besluit:Agendapunt, not planned public). */
export function closedAgendaItem(sheet: Sheet, decision: ClosedDecision): Html {
  return html`<li
    property="besluit:behandelt"
    resource="${addressOf(sheet, decision).agendapunt}"
    typeof="besluit:Agendapunt"
  >
    ${decision.n}. <span property="dct:title">${titleOf(sheet, decision)}</span
    ><span property="besluit:geplandOpenbaar" datatype="xsd:boolean" content="false"></span>
  </li>`;
}

/**
 * Its treatment (besluit:BehandelingVanAgendapunt, besluit:openbaar false): the title, and the
 * outcome as the decision it generated when adopted, as the list gives a public decision in short.
 */
export function closedTreatment(sheet: Sheet, decision: ClosedDecision): Html {
  const uri = addressOf(sheet, decision);
  const { outcomes } = sheet.minutes;
  const outcome = decision.adopted ? outcomes.adopted.item : outcomes.rejected.item;
  const title = titleOf(sheet, decision);
  return html`<section resource="${uri.behandeling}" typeof="besluit:BehandelingVanAgendapunt">
    <h2>
      ${decision.n}.
      <a property="dct:subject" href="${uri.agendapunt}">${title}</a>
    </h2>
    <span property="besluit:openbaar" datatype="xsd:boolean" content="false"></span>
    <p>${sheet.words.closedSession}</p>
    ${
      decision.adopted
        ? html`<div property="prov:generated" resource="${uri.besluit}" typeof="besluit:Besluit">
            ${besluitHeading(sheet, uri.behandeling, title)}
            <div property="prov:value"><p>${outcome}</p></div>
          </div>`
        : html`<p>${outcome}</p>`
    }
  </section>`;
}
