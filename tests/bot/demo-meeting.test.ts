import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  councilDocuments,
  councilFileSchema,
  minutesWords,
  type Event,
  type Language,
  type MinutesWords,
} from '../../shared/src';
import { fill } from '../../shared/src/template';
import { verifyMinutes } from '../../bot/src/audit/minutes';
import { sha256 } from '../../bot/src/audit/seal';
import { parseEventsJsonl, verifyChain } from '../../bot/src/audit/verify';
import { sampleCast } from '../../bot/src/demo-meeting/script';
import { textsFor } from '../../bot/src/teams/i18n';
import { bodyText, pdfSignatures, pdfText } from './support/pdf';
import { demo } from './support/service';

const ROOT = resolve(__dirname, '..', '..');
/** Room for a whole sitting (some 15 s on an idle machine) while other test files load the CPU. */
const DEMO_MS = 300_000;

/** The demo council's members by seat, and the names of those of a group among `seats`. */
const bySeat = new Map(demo.members.map((m) => [m.seat, m]));
const seats = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const nameAt = (seat: number) => bySeat.get(seat)?.name ?? `seat ${seat}`;
const inGroups = (groups: readonly string[], among: readonly number[]) =>
  among.filter((seat) => groups.includes(bySeat.get(seat)?.group ?? ''));
const namesOf = (groups: readonly string[], among: readonly number[]) =>
  inGroups(
    groups.map((group) => `Groupe ${group}`),
    among,
  )
    .map(nameAt)
    .join(', ');

/** Who sat when: seats 1 to 43 but 12 at the opening, 12 from item 2, 30 gone from item 4. */
const atOpening = seats(1, 43).filter((seat) => seat !== 12);
const fromItem2 = seats(1, 43);
const fromItem4 = fromItem2.filter((seat) => seat !== 30);
/** The groups against the tax walk out during its first vote: 18 of the 49 in office stay. */
const walkingOut = inGroups(sampleCast.walkOut, fromItem4);
const QUORUM_LOST = { present: fromItem4.length - walkingOut.length, needed: 25 };
const [COLLARD, MAES] = [nameAt(4), nameAt(18)];

interface DemoRun {
  /** The body of the director's minutes, as one line. */
  readonly minutes: string;
  /** The whole text of the minutes' PDF, page footers included. */
  readonly pdf: string;
  readonly events: string;
  readonly votes: string;
  /** What the demo printed. */
  readonly said: string;
  /** The director's minutes.pdf, which the signatories approved, and minutes-sealed.pdf. */
  readonly approved: Buffer;
  readonly sealed: Buffer;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A template of the catalogue as a pattern: each `{name}` stands for `fields[name]`, or anything. */
const patternOf = (template: string, fields: Readonly<Record<string, string>> = {}) =>
  escaped(template).replace(/\\\{(\w+)\\\}/g, (_, name: string) => fields[name] ?? '.+?');

/** Each page's footer of the minutes in a language: the log's fingerprint and the page number. */
const footerOf = (words: MinutesWords) =>
  new RegExp(
    `^(${escaped(words.footer.seal.split(/[({]/)[0]?.trim() ?? '')}|${patternOf(words.footer.page, { page: '\\d+', pages: '\\d+' })})`,
  );

async function runDemo(language: Language): Promise<DemoRun> {
  const out = await mkdtemp(join(tmpdir(), `demo-${language}-`));
  try {
    const said = await new Promise<string>((done, fail) => {
      execFile(
        'npm',
        ['run', '--silent', 'demo', '--', '--out', out, '--language', language],
        { cwd: ROOT, timeout: DEMO_MS - 10_000 },
        (error, stdout, stderr) => {
          if (error) fail(new Error(`the demo failed (${error.message}): ${stderr}`));
          else done(stdout);
        },
      );
    });
    const approved = await readFile(join(out, 'minutes.pdf'));
    const pdf = await pdfText(approved);
    return {
      approved,
      sealed: await readFile(join(out, 'minutes-sealed.pdf')),
      minutes: bodyText(pdf, footerOf(minutesWords[language])),
      pdf,
      events: await readFile(join(out, 'events.jsonl'), 'utf8'),
      votes: await readFile(join(out, 'votes.csv'), 'utf8'),
      said,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Each language's demo runs once, for every test that reads it. */
const runs = new Map<Language, Promise<DemoRun>>();
function demoIn(language: Language): Promise<DemoRun> {
  const run = runs.get(language) ?? runDemo(language);
  runs.set(language, run);
  return run;
}

/** The events of the exported log, in order. */
const eventsOf = (events: string): Event[] =>
  events
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { data: Event }).data);

/** Whether each text occurs in `whole` after the one before it. */
function inOrder(whole: string, texts: readonly string[]): boolean {
  let from = 0;
  for (const text of texts) {
    const at = whole.indexOf(text, from);
    if (at < 0) return false;
    from = at + text.length;
  }
  return true;
}

describe('npm run demo', () => {
  const words = minutesWords.fr;
  let minutes: string;
  let events: string;
  let votes: string;
  let said: string;
  let pdf: string;

  beforeAll(async () => {
    ({ minutes, events, votes, said, pdf } = await demoIn('fr'));
  }, DEMO_MS);

  test('the minutes list who was present, who was excused and who was absent', () => {
    // Each person with their office, as the council file gives it: "Mme Amélie Lambert, Bourgmestre".
    const present = /43 présents : (.*?) 2 excusés/
      .exec(minutes)?.[1]
      ?.split(' ; ')
      .map((person) => person.replace(/^Mme /, '').split(', ')[0]);
    expect(present).toEqual(fromItem2.map(nameAt));
    expect(minutes).toContain(
      '2 excusés : Valérie Wouters, Conseillère communale ; Willy Janssens, Conseiller communal ' +
        '4 absents : Sarah Wathelet, Conseillère communale ; Thierry Renard, Conseiller communal ; ' +
        'Yves Piron, Conseiller communal ; Aïcha Denis, Conseillère communale',
    );
    expect(minutes).toMatch(/\d\d:\d\d — Louis Henrard entre en séance \(point 2\)/);
    expect(minutes).toMatch(/\d\d:\d\d — Didier Pirard quitte la séance \(point 4\)/);
    expect(minutes).toContain('42 membres présents sur 49 ; quorum de 25 : atteint');
  });

  test('the minutes give each named vote with the totals and the names the Walloon rules require', () => {
    const expected = [
      `Pour : 34 Contre : 0 Abstentions : 8 — ${namesOf(['Violet'], atOpening)} Suffrages`,
      `Pour : 25 Contre : 18 — ${namesOf(['Rouge', 'Bleu'], fromItem2)} Abstentions : 0`,
      `Pour : 26 Contre : 9 — ${namesOf(['Bleu'], fromItem2)} Abstentions : 8 — ${namesOf(['Violet'], fromItem2)} Suffrages`,
      'Pour : 21 Contre : 21 — ',
      'Abstentions : 1 — Amélie Lambert Suffrages',
      `Pour : 18 Contre : 0 Abstentions : 0 ${words.vote.notVoted} : ${walkingOut.map(nameAt).join(', ')} Suffrages`,
      `Pour : 18 Contre : 17 — ${namesOf(['Bleu', 'Orange'], fromItem4)} Abstentions : 7 — ${namesOf(['Violet'], fromItem4)} Suffrages`,
      `Pour : 32 Contre : 0 Abstentions : 9 — ${namesOf(['Bleu'], fromItem4)} Suffrages`,
    ];
    for (const line of expected) expect(minutes).toContain(line);
    const outcomes = words.outcomes;
    const decisions = [
      fill(outcomes.minutesApproved, { date: '20 octobre 2026' }),
      outcomes.adopted.amendment,
      outcomes.adopted.motion,
      `${outcomes.tie} ${outcomes.rejected.item}`,
      fill(outcomes.void.other, QUORUM_LOST),
      outcomes.adopted.item,
      fill(outcomes.runoff, { first: MAES, second: COLLARD }),
      fill(outcomes.electedByAge.female, { name: MAES }),
      outcomes.adopted.motion,
      fill(outcomes.elected.neutral, { name: 'Candidate X' }),
    ].map((decision) => `${words.vote.decision}${words.labelSeparator}${decision}`);
    expect(inOrder(minutes, decisions)).toBe(true);
    expect(minutes.split(`${words.vote.decision}${words.labelSeparator}`)).toHaveLength(
      decisions.length + 1,
    );
  });

  test('the secret ballots give counts only', () => {
    for (const counts of [
      'David Collard : 20 Rachida Maes : 20 Bulletins blancs : 2',
      'Rachida Maes : 21 David Collard : 21 Bulletins blancs : 0',
      'Candidate X : 30 Candidate Y : 10 Bulletins blancs : 2',
    ]) {
      expect(minutes).toContain(`42 votants sur 42 membres appelés à voter. ${counts}`);
    }
  });

  test('each secret ballot was counted from the sealed box by 2 of its 3 trustees, the director and the two tellers, whom the minutes name with the hash of the tally', () => {
    const sealedBox = new RegExp(
      patternOf(words.vote.sealedBox, { threshold: '2', trustees: '3' }),
      'g',
    );
    const boxes = minutes.match(sealedBox) ?? [];
    expect(boxes).toHaveLength(3);
    for (const box of boxes) {
      for (const trustee of [demo.director.name, ...sampleCast.tellers.map(nameAt)]) {
        expect(box).toContain(trustee);
      }
    }
    const log = eventsOf(events);
    expect(log.filter((e) => e.type === 'TellersNamed')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'TrusteeReady')).toHaveLength(3);
    expect(log.filter((e) => e.type === 'BallotsAggregated')).toHaveLength(3);
    const evidence = log.flatMap((e) =>
      e.type === 'VoteCounted' && e.result.evidence ? [e.result.evidence] : [],
    );
    expect(evidence).toHaveLength(3);
    // The hash may stand on a line of its own in the PDF's text.
    const flat = pdf.replace(/\s+/g, ' ');
    for (const hash of evidence) {
      expect(flat).toMatch(new RegExp(`${escaped(words.vote.evidence)}\\s*:?\\s*${hash}`));
    }
  });

  test('nothing in the minutes, the event log or the votes links a member to a secret choice', () => {
    // The sealed box's line names its trustees, who count the box, not anyone's choice.
    const sealedBox = new RegExp(patternOf(words.vote.sealedBox), 'g');
    const water = (/5\. Désignation.*?(?= 6\. Motion)/.exec(minutes)?.[0] ?? '').replace(
      sealedBox,
      '',
    );
    const staff = (
      /8\. Personnel communal.*?(?= La séance est levée)/.exec(minutes)?.[0] ?? ''
    ).replace(sealedBox, '');
    expect(water).toContain('Scrutin secret');
    expect(staff).toContain('Scrutin secret');
    const candidateLines = [
      /(David Collard|Rachida Maes) : \d+/g,
      fill(words.outcomes.runoff, { first: MAES, second: COLLARD }),
      fill(words.outcomes.electedByAge.female, { name: MAES }),
    ];
    const withoutCandidates = candidateLines.reduce<string>(
      (section, line) => section.replaceAll(line, ''),
      water,
    );
    for (const section of [withoutCandidates, staff]) {
      for (const member of demo.members) expect(section).not.toContain(member.name);
    }
    const recorded = events.split('\n').filter((line) => line.includes('"type":"BallotRecorded"'));
    expect(recorded).toHaveLength(3 * 42);
    for (const line of recorded) expect(line).not.toMatch(/"choice"/);
    const secretRows = votes.split('\r\n').filter((row) => row.includes(',secret,'));
    expect(secretRows).toHaveLength(3 * 3);
    for (const row of secretRows) expect(row).toMatch(/,total,[^,]*,[^,]*,\d+,,$/);
  });

  test('the votes file has each named vote by member', () => {
    const rows = votes.split('\r\n');
    expect(rows[0]).toBe(
      'item,item_title,vote_id,vote,status,outcome,row,choice,choice_label,count,member_id,member_name',
    );
    const ballots = rows.filter((row) => row.includes(',named,') && row.includes(',ballot,'));
    // Item 6's vote has one ballot fewer: the member in conflict left the sitting for it.
    expect(ballots).toHaveLength(42 + 43 + 43 + 43 + QUORUM_LOST.present + 42 + 41);
    expect(rows).toContainEqual(
      expect.stringMatching(
        /^3,.*,named,published,rejected \(tie\),ballot,abstain,abstain,,[\w-]+,Amélie Lambert$/,
      ),
    );
  });

  test('the roll call, the ballots, the second round and the closing of the void vote went through the bot: every secret ballot, every other member in a named vote', () => {
    const log = eventsOf(events);
    const opened = log.flatMap((e) => (e.type === 'VoteOpened' ? [e] : []));
    // In a named vote the members at an even place of the vote's list vote on its card.
    const onCards = opened.map((vote) => {
      const voters = log.flatMap((e) =>
        (e.type === 'BallotCast' || e.type === 'BallotRecorded') && e.voteId === vote.voteId
          ? [e.member]
          : [],
      );
      return vote.secret
        ? voters.length
        : voters.filter((member) => vote.eligible.indexOf(member) % 2 === 0).length;
    });
    const chairsButtons = 2;
    const pressed = 42 + onCards.reduce((sum, n) => sum + n, 0) + chairsButtons;
    expect(opened).toHaveLength(10);
    expect(said).toContain(
      `The meeting chat went through the bot: ${pressed} buttons pressed on its cards`,
    );
  });

  test('the footer of the minutes carries the hash of the last event, and the exported log is intact', () => {
    const chain = parseEventsJsonl(events);
    if (!Array.isArray(chain)) throw new Error('the export is not a log');
    const verdict = verifyChain(chain);
    expect(verdict).toMatchObject({ intact: true, events: chain.length });
    const last = chain.at(-1);
    expect(pdf).toContain(
      `Empreinte SHA-256 du dernier événement (n° ${last?.seq}) :\n${last?.hash}`,
    );
    expect(minutes).toMatch(/La séance est levée à \d\d:\d\d\./);
    expect(minutes).not.toContain('PROJET');
  });
});

describe('npm run demo: before and after the sitting', () => {
  let run: DemoRun;

  beforeAll(async () => {
    run = await demoIn('fr');
  }, DEMO_MS);

  test('the council is convened ten days ahead, each item’s draft decision and file attached before, on the council’s own SharePoint', () => {
    const log = eventsOf(run.events);
    const convened = log.findIndex((event) => event.type === 'MeetingConvened');
    const attached = log.flatMap((event, index) =>
      event.type === 'DocumentAttached' ? [{ index, event }] : [],
    );
    const council = councilFileSchema.parse(demo);
    expect(
      attached.map(({ event }) => [event.itemId, event.document.title, event.document.url]),
    ).toEqual(
      councilDocuments(council).map((document) => [document.itemId, document.title, document.url]),
    );
    expect(attached.every(({ index }) => index < convened)).toBe(true);
    // Every item that the council decides has its draft decision; the oral questions have none.
    const drafts = attached.filter(
      ({ event }) => event.document.title === 'Projet de délibération',
    );
    expect(drafts.map(({ event }) => event.itemId)).toEqual(
      demo.agenda.filter((item) => item.n !== 7).map((item) => `item-${item.n}`),
    );
    for (const { event } of attached) {
      expect(new URL(event.document.url).host).toBe(demo.documentHosts[0]);
    }
    const ahead = Date.parse(demo.meeting.scheduledStart) - Date.parse(log[convened]?.at ?? '');
    expect(Math.round(ahead / 86_400_000)).toBe(10);
  });

  test('the sitting ends with sealed minutes: the sealed PDF begins with the approved one, and its seal verifies (verify-minutes and pdfsig)', async () => {
    expect(run.sealed.subarray(0, run.approved.length).equals(run.approved)).toBe(true);
    const verdict = verifyMinutes(run.sealed);
    expect(verdict).toMatchObject({ ok: true, problems: [] });
    expect(verdict.seal?.revisions).toContain(sha256(run.approved));
    const signatures = await pdfSignatures(run.sealed);
    expect(signatures).toContain('Signature Validation: Signature is Valid.');
    expect(run.said).toContain('minutes-sealed.pdf seals them');
  });
});

describe.each(['fr', 'nl'] as const)('npm run demo -- --language %s', (language) => {
  const words = minutesWords[language];
  const sep = words.labelSeparator;
  let run: DemoRun;

  beforeAll(async () => {
    run = await demoIn(language);
  }, DEMO_MS);

  /** An item of the minutes, from its title to the next item's (or the closing). */
  function item(n: number): string {
    const title = (k: number) => {
      const found = demo.agenda.find((i) => i.n === k);
      return found
        ? `${k}. ${found.title[language]}`
        : (words.closing.closedAt.split('{')[0] ?? '');
    };
    const start = run.minutes.indexOf(title(n));
    const end = run.minutes.indexOf(title(n + 1), start);
    expect({ n, start: start >= 0, end: end > start }).toEqual({ n, start: true, end: true });
    return run.minutes.slice(start, end);
  }

  test('the minutes are in the meeting’s language, each item under its title', () => {
    // A line may break at a title's hyphen, which the PDF's text then leaves out.
    const unhyphenated = (text: string) => text.replaceAll('-', '');
    expect(run.minutes).toContain(words.title);
    for (const { n, title } of demo.agenda) {
      expect(unhyphenated(run.minutes)).toContain(unhyphenated(`${n}. ${title[language]}`));
    }
  });

  test('a tied appointment goes to a second round between the two leading candidates, and a tie there appoints the older candidate (CDLD L1122-28)', () => {
    const water = item(5);
    const count = (name: string, n: number) => `${name}${sep}${n}`;
    const blank = words.vote.choices.blank;
    expect(
      inOrder(water, [
        `${count(COLLARD, 20)} ${count(MAES, 20)} ${count(blank, 2)}`,
        fill(words.outcomes.runoff, { first: MAES, second: COLLARD }),
        words.vote.runoff,
        `${count(MAES, 21)} ${count(COLLARD, 21)} ${count(blank, 0)}`,
        fill(words.outcomes.electedByAge.female, { name: MAES }),
      ]),
    ).toBe(true);
    expect(water).not.toContain(fill(words.outcomes.elected.male, { name: COLLARD }));
  });

  test('a member with a personal interest leaves the sitting for the item, takes no part in its vote and comes back (CDLD L1122-19)', () => {
    const conflicted = nameAt(sampleCast.conflicted);
    const leftRoom = {
      fr: `${conflicted}, ayant un intérêt personnel, a quitté la séance pour ce point (CDLD L1122-19).`,
      nl: `${conflicted}, die een persoonlijk belang heeft, heeft de zitting voor dit punt verlaten (CDLD L1122-19).`,
    }[language];
    const postOffice = item(6);
    expect(postOffice).toContain(leftRoom);
    expect(postOffice).toContain(`${words.vote.choices.yes}${sep}32`);
    const moved = (kind: 'departure' | 'arrival', n: number) =>
      fill(words.attendance[kind], { time: '', name: conflicted }).trim() +
      fill(words.attendance.duringItem, { n });
    expect(inOrder(run.minutes, [moved('departure', 6), moved('arrival', 7)])).toBe(true);
  });

  test('an item withdrawn by the chair is minuted as withdrawn, with who decided and why, never as examined', () => {
    const chair = demo.members.find((m) => m.role === 'chair')?.name ?? '';
    const title = `9. ${demo.agenda.find((i) => i.n === 9)?.title[language]}`;
    // Item 9 comes last of the public session: its section ends where the closed session begins.
    const withdrawn = run.minutes.slice(
      run.minutes.indexOf(title),
      run.minutes.indexOf(words.sessions.closed),
    );
    const [before] = fill(words.agenda.withdrawn, { name: chair }).split('{time}');
    expect(withdrawn.startsWith(title)).toBe(true);
    expect(withdrawn).toContain(before ?? '');
    expect(withdrawn).not.toContain(words.item.takenUpAt.split('{')[0] ?? '');
  });

  test('a vote closed after quorum was lost is void and says how many were present; the members come back and it is held again (CDLD L1122-17)', () => {
    const tax = item(4);
    expect(
      inOrder(tax, [
        fill(words.outcomes.void.other, QUORUM_LOST),
        `${words.vote.decision}${sep}${words.outcomes.adopted.item}`,
      ]),
    ).toBe(true);
    const during4 = escaped(fill(words.attendance.duringItem, { n: 4 }));
    for (const seat of walkingOut) {
      const moved = (template: string) =>
        new RegExp(
          patternOf(template, { time: '\\d\\d:\\d\\d', name: escaped(nameAt(seat)) }) + during4,
        );
      expect(run.minutes).toMatch(moved(words.attendance.departure));
      expect(run.minutes).toMatch(moved(words.attendance.arrival));
    }
  });

  test('the chair is warned on the vote’s card in the meeting chat the moment quorum is lost', () => {
    const warning = textsFor(language)('vote.quorumLost', {
      count: QUORUM_LOST.present,
      needed: QUORUM_LOST.needed,
    });
    expect(run.said).toContain(`The bot warned ${nameAt(1)}: ${warning}`);
  });

  test('the event log records the void vote with the number present, and the votes file says it', () => {
    const log = eventsOf(run.events);
    const closed = log.flatMap((e) => (e.type === 'VoteClosed' && e.quorumLost ? [e] : []));
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ reason: 'chair', quorumLost: QUORUM_LOST });
    const counted = log.find((e) => e.type === 'VoteCounted' && e.voteId === closed[0]?.voteId);
    expect(counted).toMatchObject({ result: { outcome: { kind: 'void', ...QUORUM_LOST } } });
    expect(run.votes).toContain(
      `,named,published,"void: quorum lost (${QUORUM_LOST.present} present, ${QUORUM_LOST.needed} needed)",`,
    );
  });
});
