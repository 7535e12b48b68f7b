import {
  articlesOf,
  lastPublication,
  profiles,
  profileWith,
  publicationDeadlines,
  ruleDescription,
  wireCommandSchema,
  type Event,
  type Meeting,
  type MeetingState,
} from '../../shared/src';
import { CHAIR, convened, council, created, DIRECTOR, opened } from './support/council';
import { command, given, play } from './support/spec';

const HASH = 'a'.repeat(64);
const NEWER = 'b'.repeat(64);
const publish = (sha256 = HASH, by = 'system') =>
  command(by, {
    type: 'PublishDocument',
    kind: 'agenda',
    path: '/public/gent/m1/agenda',
    sha256,
    asOf: 2,
  });

function meetingOf(state: MeetingState): Meeting {
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

describe('the register of publications', () => {
  test('the service records a document that goes online: its identifier, the hash of its bytes, the state it shows and the time', () => {
    const outcome = given(created(), convened()).when(publish());
    outcome.then({
      type: 'DocumentPublished',
      kind: 'agenda',
      path: '/public/gent/m1/agenda',
      sha256: HASH,
      asOf: 2,
      by: 'system',
    });
    expect(lastPublication(meetingOf(outcome.after), '/public/gent/m1/agenda')).toMatchObject({
      sha256: HASH,
      asOf: 2,
    });
  });

  test('a new version of a document is recorded after the first, and the same version is not recorded twice', () => {
    const history = play([created(), convened()], publish());
    given(...history)
      .when(publish())
      .thenRefuses('ALREADY_PUBLISHED');
    const after = given(...history).when(publish(NEWER)).after;
    expect(meetingOf(after).publications?.map((entry) => entry.sha256)).toEqual([HASH, NEWER]);
  });

  test('nothing of a sitting still in draft is published, and no person records a publication', () => {
    given(created()).when(publish()).thenRefuses('MEETING_NOT_CONVENED');
    given(created(), convened()).when(publish(HASH, DIRECTOR)).thenRefuses('NOT_AUTHORIZED');
  });
});

const published = (at: string): Event => ({
  type: 'DocumentPublished',
  kind: 'agenda',
  path: '/public/testville/meeting-1/agenda',
  sha256: HASH,
  asOf: 2,
  at,
  by: 'system',
});

describe('the deadlines of the linked publication', () => {
  const sittingAt = '2026-11-23T19:30:00+01:00';
  const flemish = () => created(council({ profile: 'flanders' }));
  /** A convocation sent at `at`, with its details, as ConveneMeeting records it. */
  const convenedAt = (at: string): Event => ({
    type: 'MeetingConvened',
    convocation: { mode: 'remote', tool: 'Microsoft Teams', reason: 'crisis' },
    at,
    by: DIRECTOR,
  });
  const served = (at: string): Event => ({
    type: 'DocumentPublished',
    kind: 'agenda',
    path: '/public/testville/meeting-1/agenda',
    sha256: HASH,
    asOf: 2,
    at,
    by: 'system',
  });
  const closedSitting = (): Event => ({
    type: 'MeetingClosed',
    at: '2026-11-23T22:00:00Z',
    by: CHAIR,
  });
  const dueAgenda = new Date(new Date(sittingAt).getTime() - 8 * 86_400_000).toISOString();
  /** The agenda's row of a Flemish sitting convened at `sent`, first read at `read`, seen at `now`. */
  const agendaRow = (sent: string, read: string, now: string) =>
    publicationDeadlines(meetingOf(given(flemish(), convenedAt(sent), served(read)).state), now)[0];

  test('DLB art. 285: an agenda convened in time is online from the convocation, and not late though no one read it before its deadline', () => {
    const meeting = meetingOf(given(flemish(), convenedAt('2026-11-10T09:00:00Z')).state);
    const [agenda, decisions, minutes] = publicationDeadlines(meeting, '2026-11-20T00:00:00Z');
    expect(agenda).toEqual({
      kind: 'agenda',
      n: 0,
      days: 8,
      due: dueAgenda,
      onlineAt: '2026-11-10T09:00:00Z',
      late: false,
    });
    expect(decisions).toMatchObject({ kind: 'decisionList', days: 10, due: null, late: false });
    expect(minutes).toMatchObject({ kind: 'minutes', days: null, due: null, late: false });
    // A reader served it first after its deadline: the register says so, the deadline does not care.
    expect(
      agendaRow('2026-11-10T09:00:00Z', '2026-11-20T09:00:00Z', '2026-11-21T00:00:00Z'),
    ).toMatchObject({
      onlineAt: '2026-11-10T09:00:00Z',
      late: false,
    });
  });

  test('an agenda convened after its deadline is late, however soon it was read', () => {
    expect(
      agendaRow('2026-11-20T09:00:00Z', '2026-11-20T09:01:00Z', '2026-11-21T00:00:00Z'),
    ).toMatchObject({
      onlineAt: '2026-11-20T09:00:00Z',
      late: true,
    });
  });

  test('a log convened before convocations were recorded takes the register’s first entry; not online once the deadline passed is late', () => {
    const served = meetingOf(given(flemish(), convened(), published('2026-11-20T09:00:00Z')).state);
    expect(publicationDeadlines(served, '2026-11-21T00:00:00Z')[0]).toMatchObject({
      onlineAt: '2026-11-20T09:00:00Z',
      late: true,
    });
    const never = meetingOf(given(flemish(), convened()).state);
    expect(publicationDeadlines(never, '2026-11-14T00:00:00Z')[0]?.late).toBe(false);
    expect(publicationDeadlines(never, '2026-11-16T00:00:00Z')[0]?.late).toBe(true);
  });

  test('DLB art. 286: the decision list of a closed sitting is online at its close, due 10 days after it', () => {
    const closed = meetingOf(
      given(flemish(), convenedAt('2026-11-10T09:00:00Z'), opened(), closedSitting()).state,
    );
    if (!closed.closedAt) throw new Error('not closed');
    expect(publicationDeadlines(closed, '2026-12-24T00:00:00Z')[1]).toEqual({
      kind: 'decisionList',
      n: 0,
      days: 10,
      due: new Date(Date.parse(closed.closedAt) + 10 * 86_400_000).toISOString(),
      onlineAt: closed.closedAt,
      late: false,
    });
  });

  test('a supplementary agenda is online from when it was sent; the minutes from their seal', () => {
    const meeting = meetingOf(given(flemish(), convenedAt('2026-11-10T09:00:00Z')).state);
    const supplemented: Meeting = {
      ...meeting,
      convocation: meeting.convocation && {
        ...meeting.convocation,
        supplements: [
          { sending: 2, at: '2026-11-18T10:00:00Z', added: [], withdrawn: [], withdrawnTitles: [] },
        ],
      },
      signing: {
        submitted: { seq: 9, pdf: 'x', lastEvent: 'e', at: '2026-12-01T10:00:00Z' },
        approvals: [],
        sealed: { hash: HASH, at: '2026-12-02T10:00:00Z' },
      },
    };
    const rows = publicationDeadlines(supplemented, '2026-12-03T00:00:00Z');
    expect(rows.map(({ kind, n, onlineAt }) => ({ kind, n, onlineAt }))).toEqual([
      { kind: 'agenda', n: 0, onlineAt: '2026-11-10T09:00:00Z' },
      { kind: 'supplementaryAgenda', n: 1, onlineAt: '2026-11-18T10:00:00Z' },
      { kind: 'decisionList', n: 0, onlineAt: null },
      { kind: 'minutes', n: 0, onlineAt: '2026-12-02T10:00:00Z' },
    ]);
  });

  test('a profile without a linked publication (Wallonia) sets no deadline, and nothing is ever late', () => {
    const meeting = meetingOf(given(created(), convenedAt('2026-11-22T09:00:00Z')).state);
    const rows = publicationDeadlines(meeting, '2026-12-30T00:00:00Z');
    expect(rows.map(({ kind, days, due, late }) => ({ kind, days, due, late }))).toEqual([
      { kind: 'agenda', days: null, due: null, late: false },
      { kind: 'decisionList', days: null, due: null, late: false },
      { kind: 'minutes', days: null, due: null, late: false },
    ]);
  });

  test('a council publishing as Flanders does sets its own deadlines (overrides)', () => {
    const overrides = {
      publication: { agendaDaysBefore: 10, decisionListDaysAfter: null, closedDecisions: 'none' },
    } as const;
    const meeting = meetingOf(
      given(created(council({ overrides })), convenedAt('2026-11-14T09:00:00Z')).state,
    );
    expect(publicationDeadlines(meeting, '2026-11-15T00:00:00Z')[0]).toMatchObject({
      days: 10,
      late: true,
    });
  });
});

describe('the publication rule of the profiles', () => {
  const publication = {
    agendaDaysBefore: 8,
    decisionListDaysAfter: 10,
    closedDecisions: 'subject',
  };
  const choose = (value: unknown) =>
    wireCommandSchema.safeParse({
      type: 'ChooseRules',
      rules: { profile: 'wallonia', overrides: { publication: value } },
    }).success;

  test('Flanders: agenda 8 days before, decision list within 10 days (DLB arts 285–286), closed decisions in brief; the other profiles require none', () => {
    expect(profiles.flanders.publication).toMatchObject({
      value: publication,
      status: 'confirmed',
    });
    expect(
      articlesOf('nl', { rule: 'publication', ...profiles.flanders.publication }, 'question'),
    ).toEqual(['DLB art. 285', 'art. 286']);
    expect(ruleDescription('nl', profiles.flanders, 'publication')).toBe(
      'de agenda staat minstens 8 dagen voor de zitting online en de besluitenlijst uiterlijk 10 dagen erna; de besluitenlijst vermeldt elk besluit van de besloten zitting beknopt, zonder wat de persoonlijke levenssfeer raakt',
    );
    for (const id of ['wallonia', 'brussels', 'roberts'] as const) {
      expect(profiles[id].publication).toMatchObject({
        value: { agendaDaysBefore: null, decisionListDaysAfter: null, closedDecisions: 'none' },
        status: 'council',
      });
    }
    expect(ruleDescription('fr', profiles.wallonia, 'publication')).toBe(
      'aucun délai de publication en ligne de l’ordre du jour ni de la liste des décisions',
    );
  });

  test('a council may publish as Flanders does; its rule then cites its house rules', () => {
    expect(choose(publication)).toBe(true);
    const own = profileWith('wallonia', {
      publication: { ...publication, closedDecisions: 'none' },
    });
    expect(own.publication.status).toBe('council');
    expect(articlesOf('fr', { rule: 'publication', ...own.publication }, 'question')).toEqual([
      'règlement d’ordre intérieur',
    ]);
    expect(ruleDescription('fr', own, 'publication')).toBe(
      'l’ordre du jour est publié en ligne au moins 8 jours avant la séance et la liste des décisions au plus tard 10 jours après',
    );
  });

  test.each([
    ['a negative number of days', { ...publication, agendaDaysBefore: -1 }],
    ['a fraction of a day', { ...publication, decisionListDaysAfter: 1.5 }],
    ['more than 90 days', { ...publication, agendaDaysBefore: 91 }],
    ['days given as text', { ...publication, agendaDaysBefore: '8' }],
    ['an unknown way to list closed decisions', { ...publication, closedDecisions: 'full' }],
    ['a missing field', { agendaDaysBefore: 8, decisionListDaysAfter: 10 }],
  ])('%s is refused at the wire', (_, value) => {
    expect(choose(value)).toBe(false);
  });
});
