/**
 * The linked publication's documents (issue 17, DLB arts 285–286, OSLO Besluit Publicatie): their
 * RDFa read back as a harvester reads it, checked against the profile's required fields and ABB's
 * own shapes, and what they must never say.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataFactory, type Store } from 'n3';
import type { Meeting, PublicationKind } from '../../shared/src';
import { publicDocuments } from '../../bot/src/publication/documents';
import {
  CLOSED_TITLE,
  flemishSitting,
  meetingOf,
  ORIGIN,
  UNPUBLISHED_TITLE,
  withSecretElection,
} from './publication/sitting';
import {
  lblodShapes,
  shapesFile,
  triplesOf,
  turtle,
  violations,
  sparqlChecks,
  withoutSparql,
  type Violation,
} from './publication/rdf';

const namedNode = (iri: string) => DataFactory.namedNode(iri);
const literal = (value: string, datatype: string) =>
  DataFactory.literal(value, DataFactory.namedNode(datatype));
const BESLUIT = 'http://data.vlaanderen.be/ns/besluit#';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const b = (name: string) => namedNode(`${BESLUIT}${name}`);

const sealed = (meeting: Meeting): Meeting => ({
  ...meeting,
  signing: {
    submitted: {
      seq: 40,
      pdf: 'a'.repeat(64),
      lastEvent: 'b'.repeat(64),
      at: '2026-12-01T10:00:00Z',
    },
    approvals: [],
    sealed: { hash: 'c'.repeat(64), at: '2026-12-01T10:05:00Z' },
  },
});

/** The closed Flemish sitting with a published secret election, its minutes sealed. */
const meeting = sealed(withSecretElection(meetingOf(flemishSitting())));
const documents = publicDocuments(meeting, ORIGIN);

async function graphOf(kind: PublicationKind, meetingShown: Meeting = meeting) {
  const document = publicDocuments(meetingShown, ORIGIN).find((d) => d.kind === kind);
  if (!document) throw new Error(`no ${kind}`);
  const html = document.render();
  return { html, graph: await triplesOf(html, `${ORIGIN}${document.path}`), document };
}

const ownShapes = readFile(
  path.join(__dirname, 'publication/shapes/besluit-publicatie.ttl'),
  'utf8',
).then(turtle);

/** Which of ABB's shapes applies to which document (targets.json beside them). */
async function abbShapesFor(kind: PublicationKind): Promise<Store> {
  const targets = JSON.parse(
    await readFile(path.join(lblodShapes, 'targets.json'), 'utf8'),
  ) as Record<string, string[]>;
  const name = {
    agenda: 'agenda',
    supplementaryAgenda: 'agenda',
    decisionList: 'besluitenlijst',
    minutes: 'notulen',
    extract: 'uittreksel',
  }[kind];
  const file = Object.entries(targets).find(([, kinds]) => kinds.includes(name))?.[0];
  if (!file) throw new Error(`no shape for ${kind}`);
  return shapesFile(file);
}

const brief = (found: readonly Violation[]) =>
  found.map(
    (v) => `${v.focus.split('/').at(-1) ?? ''} ${v.path.split(/[#/]/).at(-1) ?? ''}: ${v.message}`,
  );

describe('the parser reads real published pages', () => {
  test('ABB’s example agenda and a real Essen decision list give their sittings, items and titles', async () => {
    const agenda = await triplesOf(
      await readFile(path.join(lblodShapes, 'reference/abb-examples/basic-agenda.html'), 'utf8'),
      'https://publicatie.gelinkt-notuleren.vlaanderen.be/',
    );
    expect(agenda.getSubjects(RDF_TYPE, b('Zitting'), null)).toHaveLength(1);
    expect(agenda.getObjects(null, b('geplandeStart'), null).map((t) => t.value)).toEqual([
      '2024-01-08T19:00:31.586Z',
    ]);
    const essen = await triplesOf(
      await readFile(
        path.join(lblodShapes, 'reference/real-essen-besluitenlijst/besluitenlijst.html'),
        'utf8',
      ),
      'https://publicatie.gelinkt-notuleren.vlaanderen.be/',
    );
    expect(essen.getSubjects(RDF_TYPE, b('BehandelingVanAgendapunt'), null).length).toBeGreaterThan(
      5,
    );
    expect(essen.getSubjects(RDF_TYPE, b('Stemming'), null).length).toBeGreaterThan(5);
  });
});

describe('the documents of a sitting', () => {
  test('a closed sitting has its agenda, an extract per published decision, its decision list and, once sealed, its minutes', () => {
    expect(documents.map((d) => `${d.kind} ${d.path}`)).toEqual([
      'agenda /public/testville/meeting-1/agenda',
      'extract /public/testville/meeting-1/extracts/budget',
      'extract /public/testville/meeting-1/extracts/water',
      'decisionList /public/testville/meeting-1/decisions',
      'minutes /public/testville/meeting-1/minutes',
    ]);
    const unsealed = withSecretElection(meetingOf(flemishSitting()));
    expect(publicDocuments(unsealed, ORIGIN).map((d) => d.kind)).not.toContain('minutes');
    const running = meetingOf(flemishSitting({ closed: false }));
    expect(publicDocuments(running, ORIGIN).map((d) => d.kind)).toEqual(['agenda', 'extract']);
  });

  test.each(['agenda', 'decisionList', 'extract', 'minutes'] as const)(
    'the %s meets the profile’s required fields as this project writes them (no violation)',
    async (kind) => {
      const { graph } = await graphOf(kind);
      expect(brief(await violations(await ownShapes, graph))).toEqual([]);
    },
  );

  test.each(['agenda', 'decisionList', 'extract', 'minutes'] as const)(
    'the %s meets ABB’s own shapes for its document type: no violation of what ABB’s validator checks, its SPARQL checks made by hand',
    async (kind) => {
      const { graph } = await graphOf(kind);
      const found = await violations(withoutSparql(await abbShapesFor(kind)), graph);
      // ABB's validator checks no sh:datatype; a plain engine does, and finds only the titles and
      // labels, which carry the page's language (rdf:langString) where the shapes say xsd:string.
      const datatypes = found.filter((v) => v.component === 'DatatypeConstraintComponent');
      expect(
        datatypes.filter((v) => !(v.value.termType === 'Literal' && v.value.language === 'nl')),
      ).toEqual([]);
      expect(brief(found.filter((v) => v.component !== 'DatatypeConstraintComponent'))).toEqual([]);
      expect(sparqlChecks(graph)).toEqual([]);
    },
  );

  test('each page is a foaf:Document typed with its BesluitDocumentType concept, linked from the sitting', async () => {
    const { graph, document } = await graphOf('decisionList');
    const page = namedNode(`${ORIGIN}${document.path}`);
    expect(
      graph
        .getObjects(page, RDF_TYPE, null)
        .map((t) => t.value)
        .sort(),
    ).toEqual([
      'http://xmlns.com/foaf/0.1/Document',
      'https://data.vlaanderen.be/id/concept/BesluitDocumentType/3fa67785-ffdc-4b30-8880-2b99d97b4dee',
    ]);
    expect(graph.getSubjects(b('heeftBesluitenlijst'), page, null).map((t) => t.value)).toEqual([
      `${ORIGIN}/public/testville/meeting-1#zitting`,
    ]);
  });

  test('a title with markup characters is escaped in the page and read back exactly', async () => {
    const { html, graph } = await graphOf('agenda');
    expect(html).not.toContain('<2026>');
    expect(
      graph.getObjects(null, namedNode('http://purl.org/dc/terms/title'), null).map((t) => t.value),
    ).toContain('Budgetwijziging nr. 2 <2026> & "meerjarenplan"');
  });

  test('a named vote gives its counts and who voted how; the adopted decision its reasons and articles', async () => {
    const { graph } = await graphOf('extract');
    const stemming = namedNode(`${ORIGIN}/public/testville/meeting-1#stemming-v-budget`);
    const count = (p: string) => graph.getObjects(stemming, b(p), null).map((t) => t.value);
    expect([
      count('aantalVoorstanders'),
      count('aantalTegenstanders'),
      count('aantalOnthouders'),
    ]).toEqual([['4'], ['1'], ['1']]);
    expect(count('heeftVoorstander')).toHaveLength(4);
    expect(count('heeftTegenstander')).toHaveLength(1);
    expect(
      graph.has(
        DataFactory.quad(
          stemming,
          b('geheim'),
          literal('false', 'http://www.w3.org/2001/XMLSchema#boolean'),
        ),
      ),
    ).toBe(true);
    const besluit = namedNode(`${ORIGIN}/public/testville/meeting-1/extracts/budget#besluit`);
    expect(graph.getObjects(besluit, b('motivering'), null).map((t) => t.value.trim())).toEqual([
      'Gelet op het Decreet Lokaal Bestuur, artikel 249;',
    ]);
    expect(
      graph.getObjects(null, namedNode('http://data.europa.eu/eli/ontology#has_part'), null),
    ).toHaveLength(2);
  });

  test.each([
    [
      'nl',
      'Gelet op Decreet Lokaal Bestuur art. 34;',
      'Gelet op de uitslag van de geheime stemming',
    ],
    ['fr', 'Vu Decreet Lokaal Bestuur art. 34 ;', 'Vu le résultat du scrutin secret'],
    ['de', 'Gestützt auf Decreet Lokaal Bestuur art. 34;', 'Angesichts des Ergebnisses'],
    ['en', 'Having regard to Decreet Lokaal Bestuur art. 34;', 'Having regard to the result'],
  ] as const)(
    'an election, which has no draft decision, gives as reasons (%s) the article its secret ballot rests on and the ballot’s totals, and names the elected',
    async (language, grounds, result) => {
      const inLanguage = { ...meeting, setup: { ...meeting.setup, language } };
      const { graph, html } = await graphOf('minutes', inLanguage);
      const besluit = namedNode(`${ORIGIN}/public/testville/meeting-1/extracts/water#besluit`);
      const [election = ''] = graph.getObjects(besluit, b('motivering'), null).map((t) => t.value);
      expect(election).toContain(grounds);
      expect(election).toContain(result);
      expect(election).toMatch(/\(6 \w+\) ?: Kandidaat A: 4, Kandidaat B: 2, [^:]+: 0/);
      expect(html).toContain('Kandidaat A');
      expect(html).not.toMatch(/\{name\}|\{first\}|\{second\}/);
    },
  );
});

describe('what the documents never say', () => {
  test('nothing of a closed item beyond what the profile lets the decision list say: its title is in no document, its vote in none', () => {
    for (const document of documents) {
      const html = document.render();
      expect({ path: document.path, closed: html.includes(CLOSED_TITLE) }).toEqual({
        path: document.path,
        closed: false,
      });
      expect(html).not.toContain('v-staff');
    }
  });

  test('nothing unpublished: a result the director has not published is in no decision list, no extract, no minutes', () => {
    for (const document of documents) expect(document.render()).not.toContain('stemming-v-roads');
    for (const document of documents.filter(
      (d) => d.kind === 'decisionList' || d.kind === 'extract',
    )) {
      expect({
        path: document.path,
        listed: document.render().includes(UNPUBLISHED_TITLE),
      }).toEqual({
        path: document.path,
        listed: false,
      });
    }
    expect(documents.map((d) => d.path)).not.toContain(
      '/public/testville/meeting-1/extracts/roads',
    );
  });

  test('a secret vote gives its totals and who was present, never who chose what, even with choices in the state', async () => {
    for (const kind of ['extract', 'decisionList', 'minutes'] as const) {
      const { graph } = await graphOf(kind);
      const secret = namedNode(`${ORIGIN}/public/testville/meeting-1#stemming-v-water`);
      if (kind === 'extract') continue;
      expect(graph.getObjects(secret, b('geheim'), null).map((t) => t.value)).toEqual(['true']);
      expect(graph.getObjects(secret, b('aantalVoorstanders'), null).map((t) => t.value)).toEqual([
        '4',
      ]);
      expect(graph.getObjects(secret, b('heeftAanwezige'), null)).toHaveLength(6);
      for (const named of ['heeftVoorstander', 'heeftTegenstander', 'heeftOnthouder']) {
        expect({ kind, named, found: graph.getObjects(secret, b(named), null) }).toEqual({
          kind,
          named,
          found: [],
        });
      }
    }
    const water = documents.find((d) => d.path.endsWith('/extracts/water'));
    const graph = await triplesOf(water?.render() ?? '', ORIGIN);
    const secret = namedNode(`${ORIGIN}/public/testville/meeting-1#stemming-v-water`);
    expect(graph.getObjects(secret, b('heeftVoorstander'), null)).toEqual([]);
  });
});

describe('members as mandatarissen', () => {
  test('a member the council mapped to the Mandatendatabank is named by that URI; the others by a URI under the municipality', async () => {
    const mapped = 'http://data.lblod.info/id/mandatarissen/5C3F1D2B0E1A4C0009000123';
    const roster = meeting.setup.roster.map((member) =>
      member.id === 'chair' ? { ...member, mandataris: mapped } : member,
    );
    const { graph } = await graphOf('extract', { ...meeting, setup: { ...meeting.setup, roster } });
    const voters = graph.getObjects(null, b('heeftVoorstander'), null).map((t) => t.value);
    expect(voters).toContain(mapped);
    expect(
      voters.filter((uri) => uri.startsWith(`${ORIGIN}/public/testville/mandatarissen/`)),
    ).toHaveLength(3);
    expect(
      graph
        .getSubjects(RDF_TYPE, namedNode('http://data.vlaanderen.be/ns/mandaat#Mandataris'), null)
        .some((t) => t.termType === 'BlankNode'),
    ).toBe(false);
  });
});

describe('decisions of a closed session in the decision list (profile rule publication.closedDecisions)', () => {
  const STAFF = 'Ontslag';
  const withClosedDecisions = (shown: Meeting, closedDecisions: 'none' | 'subject'): Meeting => ({
    ...shown,
    profile: {
      ...shown.profile,
      publication: {
        ...shown.profile.publication,
        value: { ...shown.profile.publication.value, closedDecisions },
      },
    },
  });
  /** The closed item decided by secret vote instead, rejected 2 to 4; its state holds choices as bait. */
  const withClosedSecretVote = (shown: Meeting): Meeting => {
    const named = shown.votes['v-staff'];
    if (!named?.result) throw new Error('no vote on the closed item');
    const vote = {
      ...named,
      secret: true,
      ballots: { [named.eligible[0] ?? '']: 'abstain', [named.eligible[1] ?? '']: 'no' },
      result: {
        ...named.result,
        outcome: { kind: 'rejected' as const, tie: false },
        tally: { yes: 2, no: 4, abstain: 0 },
      },
    };
    return { ...shown, votes: { ...shown.votes, 'v-staff': vote } };
  };
  const decisionList = (shown: Meeting) =>
    publicDocuments(shown, ORIGIN)
      .find((d) => d.kind === 'decisionList')
      ?.render() ?? '';
  /** The text a reader sees of the closed item's treatment on the page. */
  const closedSectionText = (html: string) =>
    (/<section resource="[^"]*#besloten-3-behandeling"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const names = meeting.setup.roster.map((member) => member.name);

  test('Flanders (usual reading of DLB art. 285): the decision list names the closed decision by its number and outcome only, never the title the public agenda did not give', async () => {
    const html = decisionList(meeting);
    expect(closedSectionText(html)).toBe(
      '3. Besluit genomen in besloten zitting Behandeld in besloten zitting. Besluit: Besluit genomen in besloten zitting Het punt is goedgekeurd.',
    );
    expect(html).not.toContain(CLOSED_TITLE);
    expect(html).not.toContain(STAFF);
    expect(html).not.toContain('staff');
    const graph = await triplesOf(html, ORIGIN);
    const behandeling = namedNode(`${ORIGIN}/public/testville/meeting-1#besloten-3-behandeling`);
    expect(graph.getObjects(behandeling, b('openbaar'), null).map((t) => t.value)).toEqual([
      'false',
    ]);
    const said = graph.getQuads(behandeling, null, null, null).map((q) => q.predicate.value);
    expect([...new Set(said)].sort()).toEqual([
      `${BESLUIT}openbaar`,
      'http://purl.org/dc/terms/subject',
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
      'http://www.w3.org/ns/prov#generated',
    ]);
  });

  test('a closed secret vote: the decision list gives neither its totals, nor who was present, nor any choice — only that it was rejected', () => {
    const html = decisionList(withClosedSecretVote(meeting));
    const text = closedSectionText(html);
    expect(text).toBe(
      '3. Besluit genomen in besloten zitting Behandeld in besloten zitting. Het punt is verworpen.',
    );
    for (const name of names) expect(text).not.toContain(name);
    const section = /<section resource="[^"]*#besloten-3-behandeling"[\s\S]*?<\/section>/.exec(
      html,
    );
    expect(section?.[0]).not.toMatch(/aantal|Stemming|heeftAanwezige|mandatarissen|stemming-/);
    expect(html).not.toContain('v-staff');
    expect(html).not.toContain(CLOSED_TITLE);
  });

  test('an item the sitting moved behind closed doors keeps the title the public agenda gave it, and nothing more', async () => {
    const budget = meeting.setup.agenda.find((item) => item.id === 'budget');
    if (!budget) throw new Error('no budget item');
    const closedInSitting: Meeting = {
      ...meeting,
      setup: {
        ...meeting.setup,
        agenda: meeting.setup.agenda.map((item) =>
          item.id === 'budget' ? { ...item, session: 'closed' } : item,
        ),
      },
      agendaProgress: {
        ...meeting.agendaProgress,
        closedInSitting: {
          budget: { reason: 'mandatory', voteId: null, by: 'chair', at: '2026-11-23T19:35:00Z' },
        },
      },
    };
    const html = decisionList(closedInSitting);
    const graph = await triplesOf(html, ORIGIN);
    const agendapunt = namedNode(`${ORIGIN}/public/testville/meeting-1#agendapunt-budget`);
    expect(
      graph
        .getObjects(agendapunt, namedNode('http://purl.org/dc/terms/title'), null)
        .map((t) => t.value),
    ).toEqual(['Budgetwijziging nr. 2 <2026> & "meerjarenplan"']);
    expect(graph.getObjects(agendapunt, b('geplandOpenbaar'), null).map((t) => t.value)).toEqual([
      'false',
    ]);
    expect(html).not.toContain('stemming-v-budget');
    expect(html).not.toContain('Gelet op het Decreet Lokaal Bestuur');
  });

  test('with closedDecisions "none" nothing of the closed item appears, and the decision list still meets both sets of shapes', async () => {
    const none = withClosedDecisions(meeting, 'none');
    const html = decisionList(none);
    expect(html).not.toMatch(/besloten|#besloten-|3\. /);
    const graph = await triplesOf(html, ORIGIN);
    expect(
      graph
        .getSubjects(RDF_TYPE, b('BehandelingVanAgendapunt'), null)
        .map((t) => t.value.split('#').at(-1))
        .sort(),
    ).toEqual(['behandeling-budget', 'behandeling-water']);
    expect(brief(await violations(await ownShapes, graph))).toEqual([]);
    const abb = await violations(withoutSparql(await abbShapesFor('decisionList')), graph);
    expect(brief(abb.filter((v) => v.component !== 'DatatypeConstraintComponent'))).toEqual([]);
    expect(sparqlChecks(graph)).toEqual([]);
  });

  test('a rejected closed decision (no besluit:Besluit) still meets both sets of shapes', async () => {
    const graph = await triplesOf(decisionList(withClosedSecretVote(meeting)), ORIGIN);
    expect(brief(await violations(await ownShapes, graph))).toEqual([]);
    const abb = await violations(withoutSparql(await abbShapesFor('decisionList')), graph);
    expect(brief(abb.filter((v) => v.component !== 'DatatypeConstraintComponent'))).toEqual([]);
    expect(sparqlChecks(graph)).toEqual([]);
  });
});
