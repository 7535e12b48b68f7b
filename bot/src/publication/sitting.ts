import {
  COUNCIL_TIME_ZONE,
  meetingFor,
  type ItemId,
  minutesWords,
  type Language,
  type Meeting,
  type Member,
  type MinutesWords,
  type PublicationKind,
} from '@council/shared';
import { html, raw, type Html } from './html';
import {
  COUNCIL_CLASSIFICATION,
  documentLinks,
  documentTypes,
  MUNICIPALITY_CLASSIFICATION,
  PREFIXES,
  type Addresses,
} from './vocabulary';
import { publicationWords, type PublicationWords } from './words';

/** What every template of a sitting's documents reads: the public's view of the meeting. */
export interface Sheet {
  /** The meeting as the public sees it (visibility.ts: no closed item, no unpublished result). */
  readonly meeting: Meeting;
  readonly language: Language;
  readonly words: PublicationWords;
  readonly minutes: MinutesWords;
  readonly at: Addresses;
  /** Each item's number on the whole agenda, so that a closed item leaves its gap and no more. */
  readonly numbers: ReadonlyMap<ItemId, number>;
}

/** The sheet of a meeting as the public reads it, whoever asks. */
export function sheetOf(full: Meeting, at: Addresses): Sheet {
  const language = full.setup.language;
  return {
    meeting: meetingFor(full, null),
    numbers: new Map(full.setup.agenda.map((item, i) => [item.id, i + 1])),
    language,
    words: publicationWords[language],
    minutes: minutesWords[language],
    at,
  };
}

export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function dateTime(sheet: Sheet, iso: string): string {
  return new Intl.DateTimeFormat(sheet.minutes.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: COUNCIL_TIME_ZONE,
  }).format(new Date(iso));
}

/** A dateTime property, read by people in the council's time zone and by machines in UTC. */
export function timeProperty(sheet: Sheet, property: string, iso: string): Html {
  return html`<time
    property="${property}"
    datatype="xsd:dateTime"
    content="${new Date(iso).toISOString()}"
    datetime="${iso}"
    >${dateTime(sheet, iso)}</time
  >`;
}

/** The council as the profile names it: a Bestuursorgaan governing the municipality. */
export function councilBlock(sheet: Sheet): Html {
  const name = sheet.meeting.setup.municipality;
  const { at } = sheet;
  return html`<span
    property="besluit:isGehoudenDoor"
    resource="${at.orgaan}"
    typeof="besluit:Bestuursorgaan"
    ><span property="skos:prefLabel">${fill(sheet.words.council, { municipality: name })}</span
    ><span
      property="besluit:classificatie org:classification"
      resource="${COUNCIL_CLASSIFICATION}"
      typeof="skos:Concept"
    ></span
    ><span property="besluit:bestuurt" resource="${at.eenheid}" typeof="besluit:Bestuurseenheid"
      ><span property="skos:prefLabel" content="${name}"></span
      ><span
        property="besluit:classificatie org:classification"
        resource="${MUNICIPALITY_CLASSIFICATION}"
        typeof="skos:Concept"
      ></span
      ><span
        property="besluit:werkingsgebied"
        resource="${at.werkingsgebied}"
        typeof="prov:Location"
        ><span property="rdfs:label" content="${name}"></span></span></span
  ></span>`;
}

/** A member as the public record names them: a mandataris, the director a functionaris. */
export function person(sheet: Sheet, property: string, member: Member): Html {
  const type = member.role === 'director' ? 'leidinggevenden:Functionaris' : 'mandaat:Mandataris';
  return html`<span property="${property}" resource="${sheet.at.person(member)}" typeof="${type}"
    ><span property="rdfs:label">${member.name}</span></span
  >`;
}

export function people(sheet: Sheet, property: string, members: readonly Member[]): Html {
  return html`<ul>
    ${members.map((member) => html`<li>${person(sheet, property, member)}</li>`)}
  </ul>`;
}

export function memberById(sheet: Sheet, id: string): Member | undefined {
  return sheet.meeting.setup.roster.find((member) => member.id === id);
}

/** When the sitting was held, who chaired it and who kept its record. */
export function sittingFacts(sheet: Sheet): Html {
  const { meeting, minutes, words } = sheet;
  const chair = meeting.setup.roster.find((member) => member.role === 'chair');
  const director = meeting.setup.roster.find((member) => member.role === 'director');
  return html`<dl>
    ${[
      meeting.openedAt &&
        html`<dt>${words.started}</dt>
          <dd>${timeProperty(sheet, 'prov:startedAtTime', meeting.openedAt)}</dd>`,
      meeting.closedAt &&
        html`<dt>${words.ended}</dt>
          <dd>${timeProperty(sheet, 'prov:endedAtTime', meeting.closedAt)}</dd>`,
      chair &&
        html`<dt>${minutes.roles.chair}</dt>
          <dd>${person(sheet, 'besluit:heeftVoorzitter', chair)}</dd>`,
      director &&
        html`<dt>${minutes.roles.director}</dt>
          <dd>${person(sheet, 'besluit:heeftSecretaris', director)}</dd>`,
    ]}
  </dl>`;
}

/**
 * A whole page: the sitting (besluit:Zitting) linking to this document, typed with its kind in the
 * BesluitDocumentType scheme, then the document's own content.
 */
export function page(
  sheet: Sheet,
  document: { readonly kind: PublicationKind; readonly path: string; readonly title: string },
  body: Html,
): string {
  const { meeting, at } = sheet;
  const start = meeting.setup.scheduledStart;
  return html`<!doctype html>
    <html lang="${sheet.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>
          ${document.title} —
          ${fill(sheet.words.council, { municipality: meeting.setup.municipality })},
          ${sheet.words.sittingOf} ${dateTime(sheet, start)}
        </title>
      </head>
      <body prefix="${PREFIXES}">
        <main resource="${at.zitting}" typeof="besluit:Zitting">
          <h1>
            <span
              property="${documentLinks[document.kind]}"
              resource="${at.document(document.path)}"
              typeof="foaf:Document ${raw(documentTypes[document.kind])}"
              >${document.title}</span
            >
            — ${councilBlock(sheet)}, ${sheet.words.sittingOf}
            ${timeProperty(sheet, 'besluit:geplandeStart', start)}
          </h1>
          ${body}
        </main>
      </body>
    </html> `.text;
}
