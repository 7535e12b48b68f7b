import {
  adoptedText,
  articlesOf,
  genderOfCandidate,
  listOf,
  titleIn,
  type AgendaItem,
  type Language,
  type Vote,
} from '@council/shared';
import { html, type Html } from './html';
import { fill, memberById, people, person, type Sheet } from './sitting';

/** The EU's language authority table, as eli:language wants it. */
const euLanguages: Readonly<Record<Language, string>> = {
  fr: 'http://publications.europa.eu/resource/authority/language/FRA',
  nl: 'http://publications.europa.eu/resource/authority/language/NLD',
  de: 'http://publications.europa.eu/resource/authority/language/DEU',
  en: 'http://publications.europa.eu/resource/authority/language/ENG',
};

export function itemTitle(sheet: Sheet, item: AgendaItem): string {
  return titleIn(item, sheet.language, sheet.language);
}

/** The item's number on the agenda as convened and amended, the one the minutes give. */
export function itemNumber(sheet: Sheet, item: AgendaItem): number {
  return sheet.numbers.get(item.id) ?? 0;
}

/** An agenda item (besluit:Agendapunt) as the sitting treats it; the public sees public items only. */
export function agendaItem(sheet: Sheet, item: AgendaItem, n: number): Html {
  return html`<li
    property="besluit:behandelt"
    resource="${sheet.at.agendapunt(item.id)}"
    typeof="besluit:Agendapunt"
  >
    ${n}. <span property="dct:title">${itemTitle(sheet, item)}</span
    ><span
      property="besluit:geplandOpenbaar"
      datatype="xsd:boolean"
      content="${String(item.session === 'public')}"
    ></span>
  </li>`;
}

/** The votes on an item the public may read: published results of the item, not of procedure. */
export function publishedVotes(sheet: Sheet, item: AgendaItem): Vote[] {
  return Object.values(sheet.meeting.votes).filter(
    (vote) =>
      vote.itemId === item.id && !vote.procedure && vote.status === 'published' && vote.result,
  );
}

function candidateName(sheet: Sheet, vote: Vote, candidateId: string): string {
  const item = sheet.meeting.setup.agenda.find((i) => i.id === vote.itemId);
  return item?.candidates.find((c) => c.id === candidateId)?.name ?? '';
}

function outcomeText(sheet: Sheet, vote: Vote): string {
  const outcome = vote.result?.outcome;
  const { outcomes } = sheet.minutes;
  const what = vote.motionId
    ? sheet.meeting.motions[vote.motionId]?.amends
      ? 'amendment'
      : 'motion'
    : 'item';
  switch (outcome?.kind) {
    case 'adopted':
      return outcomes.adopted[what];
    case 'rejected':
      return outcomes.rejected[what];
    case 'elected': {
      const gender = genderOfCandidate(sheet.meeting, vote.itemId, outcome.candidateId);
      const said = (outcome.byAge ? outcomes.electedByAge : outcomes.elected)[gender];
      return fill(said, { name: candidateName(sheet, vote, outcome.candidateId) });
    }
    case 'runoff': {
      const [first, second] = outcome.candidateIds.map((id) => candidateName(sheet, vote, id));
      return fill(outcomes.runoff, { first: first ?? '', second: second ?? '' });
    }
    case 'noneElected':
      return outcomes.noneElected;
    case 'void':
      return outcome.reason === 'keyLost'
        ? fill(outcomes.voidKeyLost, {
            lost: String(outcome.lost),
            trustees: String(outcome.trustees),
            threshold: String(outcome.threshold),
          })
        : fill(outcome.present === 1 ? outcomes.void.one : outcomes.void.other, {
            present: String(outcome.present),
            needed: String(outcome.needed),
          });
    case undefined:
      return '';
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/**
 * The counts the profile asks of a vote. An election has no "for" and "against": the elected (or
 * leading) candidate's votes are given as for, the other candidates' as against, blank ballots as
 * abstentions, and each candidate's count in words beside them.
 */
function counts(vote: Vote): { yes: number; no: number; abstain: number } {
  const tally = vote.result?.tally ?? {};
  if (vote.kind === 'question') {
    return { yes: tally.yes ?? 0, no: tally.no ?? 0, abstain: tally.abstain ?? 0 };
  }
  const { abstain = 0, ...candidates } = tally;
  const votes = Object.values(candidates);
  const yes = Math.max(0, ...votes);
  const total = votes.reduce((sum, n) => sum + n, 0);
  return { yes, no: total - yes, abstain };
}

function onderwerp(sheet: Sheet, vote: Vote, item: AgendaItem): string {
  const motion = vote.motionId ? sheet.meeting.motions[vote.motionId] : undefined;
  return motion ? motion.text : itemTitle(sheet, item);
}

/**
 * A vote (besluit:Stemming): its subject, outcome and counts; the members present; and, in a named
 * vote only, who voted how, as the profile's namedVoteInMinutes says. A secret vote names no one's
 * choice: its ballots are never read here.
 */
export function stemming(sheet: Sheet, vote: Vote, item: AgendaItem): Html {
  const { words, minutes } = sheet;
  const n = counts(vote);
  const present = vote.eligible.flatMap((id) => memberById(sheet, id) ?? []);
  const named = (choice: string, property: string) =>
    people(
      sheet,
      property,
      Object.entries(vote.ballots).flatMap(([id, chosen]) =>
        chosen === choice ? (memberById(sheet, id) ?? []) : [],
      ),
    );
  const everyMember = sheet.meeting.profile.namedVoteInMinutes.value === 'everyMember';
  const candidates =
    vote.kind === 'election'
      ? item.candidates.map((c) => `${c.name}: ${vote.result?.tally[c.id] ?? 0}`).join(', ')
      : '';
  return html`<section
    property="besluit:heeftStemming"
    resource="${sheet.at.stemming(vote.id)}"
    typeof="besluit:Stemming"
  >
    <h4>${vote.secret ? words.secretVote : words.namedVote}</h4>
    <span property="besluit:geheim" datatype="xsd:boolean" content="${String(vote.secret)}"></span>
    <p property="besluit:onderwerp">${onderwerp(sheet, vote, item)}</p>
    <p property="besluit:gevolg">${outcomeText(sheet, vote)}${candidates && ` (${candidates})`}</p>
    <dl>
      <dt>${minutes.vote.choices.yes}</dt>
      <dd property="besluit:aantalVoorstanders" datatype="xsd:integer" content="${n.yes}">
        ${n.yes}
      </dd>
      <dt>${minutes.vote.choices.no}</dt>
      <dd property="besluit:aantalTegenstanders" datatype="xsd:integer" content="${n.no}">
        ${n.no}
      </dd>
      <dt>${minutes.vote.choices.abstain}</dt>
      <dd property="besluit:aantalOnthouders" datatype="xsd:integer" content="${n.abstain}">
        ${n.abstain}
      </dd>
    </dl>
    <h5>${words.present}</h5>
    ${people(sheet, 'besluit:heeftAanwezige', present)}
    ${
      !vote.secret &&
      vote.kind === 'question' &&
      html`${
          everyMember &&
          html`<h5>${minutes.vote.choices.yes}</h5>
            ${named('yes', 'besluit:heeftVoorstander')}`
        }
        <h5>${minutes.vote.choices.no}</h5>
        ${named('no', 'besluit:heeftTegenstander')}
        <h5>${minutes.vote.choices.abstain}</h5>
        ${named('abstain', 'besluit:heeftOnthouder')}`
    }
  </section>`;
}

/**
 * Why an election decided as it did, which no draft decision says: the articles its ballot and its
 * majority rest on, as the profile cites them (DLB art. 34 for Flanders: votes on persons are
 * secret), and the ballot's published result, totals only. The application profile requires a
 * besluit:motivering of every decision (OSLO Besluit Publicatie; ABB's shapes check it).
 */
function electionGrounds(sheet: Sheet, item: AgendaItem, vote: Vote): string[] {
  if (vote.kind !== 'election' || !vote.result) return [];
  const { words, minutes, language } = sheet;
  const { secretSubjects, secretOtherwise } = sheet.meeting.profile;
  const ballot = vote.secret
    ? [
        { rule: 'secretSubjects' as const, ...secretSubjects },
        { rule: 'secretOtherwise' as const, ...secretOtherwise },
      ]
    : [];
  const cited = new Set(
    [...ballot, ...vote.result.rule.basis].flatMap((b) => articlesOf(language, b, 'appointment')),
  );
  // "Decreet Lokaal Bestuur" alone says nothing its "Decreet Lokaal Bestuur art. 34" does not.
  const articles = [...cited].filter((a) => ![...cited].some((b) => b.startsWith(`${a} `)));
  const { tally, participation } = vote.result;
  const counts = [
    ...item.candidates.map((c) => `${c.name}: ${tally[c.id] ?? 0}`),
    ...(vote.choices.includes('abstain')
      ? [`${minutes.vote.choices.blank}: ${tally.abstain ?? 0}`]
      : []),
  ];
  return [
    ...(articles.length > 0
      ? [fill(words.groundsIn, { articles: listOf(language, articles) })]
      : []),
    fill(words.electionResult[vote.secret ? 'secret' : 'named'], {
      ballots: String(participation),
      tally: counts.join(', '),
    }),
  ];
}

/**
 * The decision (besluit:Besluit) an adopted item generated: its title, language, reasons and the
 * decisive part with its articles, amendments applied (agenda/adopted-text.ts). `full` is for the
 * extract and the minutes; the decision list gives the title and outcome only. `vote` is the
 * published vote that decided it.
 */
/** The language of a decision or of one of its articles. */
function eliLanguage(sheet: Sheet): Html {
  return html`<span
    property="eli:language"
    resource="${euLanguages[sheet.language]}"
    typeof="skos:Concept"
  ></span>`;
}

/** What every besluit:Besluit opens with: the treatment that generated it, its language, its title. */
export function besluitHeading(sheet: Sheet, behandeling: string, title: string): Html {
  return html`<span property="prov:wasGeneratedBy" resource="${behandeling}"></span>
    ${eliLanguage(sheet)}
    <h3>${sheet.words.decision}: <span property="eli:title">${title}</span></h3>`;
}

function besluit(sheet: Sheet, item: AgendaItem, full: boolean, vote: Vote): Html {
  const { at, minutes } = sheet;
  const text = adoptedText(sheet.meeting, item);
  const articles = [...(text?.articles ?? []).map((a) => a.text), ...(text?.added ?? [])];
  const recitals = text?.recitals.length ? text.recitals : electionGrounds(sheet, item, vote);
  const base = at.besluit(item.id);
  return html`<div property="prov:generated" resource="${base}" typeof="besluit:Besluit">
    ${besluitHeading(sheet, at.behandeling(item.id), itemTitle(sheet, item))}
    ${
      full && recitals.length > 0
        ? html`<div property="besluit:motivering">${recitals.map((r) => html`<p>${r}</p>`)}</div>`
        : null
    }
    <div property="prov:value">
      ${
        full && articles.length > 0
          ? html`<p>${minutes.deliberation.decides}</p>
              ${articles.map(
                (article, i) =>
                  html`<div
                    property="eli:has_part"
                    resource="${base}-artikel-${i + 1}"
                    typeof="besluit:Artikel"
                  >
                    ${eliLanguage(sheet)}
                    <h4 property="eli:number eli:title">
                      ${minutes.deliberation.article.replace('{n}', String(i + 1))}
                    </h4>
                    <p property="prov:value">${article}</p>
                  </div>`,
              )}`
          : html`<p>${outcomeText(sheet, vote)}</p>`
      }
    </div>
  </div>`;
}

/**
 * The treatment of an item (besluit:BehandelingVanAgendapunt): public, who was present, the decision
 * it generated when the council adopted it, and each published vote.
 */
export function treatment(sheet: Sheet, item: AgendaItem, n: number, full: boolean): Html {
  const votes = publishedVotes(sheet, item);
  const last = votes.at(-1);
  const adopted =
    last?.result?.outcome.kind === 'adopted' || last?.result?.outcome.kind === 'elected';
  // Without a vote, those present at the end of the sitting (the roll of attendance).
  const presentIds =
    last?.eligible ??
    Object.entries(sheet.meeting.attendance).flatMap(([id, a]) =>
      a.status === 'present' ? [id] : [],
    );
  const present = presentIds.flatMap((id) => memberById(sheet, id) ?? []);
  const chair = sheet.meeting.setup.roster.find((member) => member.role === 'chair');
  return html`<section
    resource="${sheet.at.behandeling(item.id)}"
    typeof="besluit:BehandelingVanAgendapunt"
  >
    <h2>
      ${n}.
      <a property="dct:subject" href="${sheet.at.agendapunt(item.id)}">${itemTitle(sheet, item)}</a>
    </h2>
    <span
      property="besluit:openbaar"
      datatype="xsd:boolean"
      content="${String(item.session === 'public')}"
    ></span>
    ${chair && html`<p>${sheet.minutes.roles.chair}: ${person(sheet, 'besluit:heeftVoorzitter', chair)}</p>`}
    <h3>${sheet.words.present}</h3>
    ${people(sheet, 'besluit:heeftAanwezige', present)}
    ${adopted ? besluit(sheet, item, full, last) : null}
    ${votes.map((vote) => stemming(sheet, vote, item))}
  </section>`;
}
