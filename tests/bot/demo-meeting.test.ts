import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEventsJsonl, verifyChain } from '../../bot/src/audit/verify';
import { bodyText, pdfText } from './support/pdf';
import { demo } from './support/service';

const ROOT = resolve(__dirname, '..', '..');

/** The demo council's members by seat, and the names of those of a group among `seats`. */
const bySeat = new Map(demo.members.map((m) => [m.seat, m]));
const seats = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const nameAt = (seat: number) => bySeat.get(seat)?.name ?? `seat ${seat}`;
const namesOf = (groups: readonly string[], among: readonly number[]) =>
  among
    .filter((seat) => groups.some((group) => bySeat.get(seat)?.group === `Groupe ${group}`))
    .map(nameAt)
    .join(', ');

/** Who sat when: seats 1 to 43 but 12 at the opening, 12 from item 2, 30 gone from item 4. */
const atOpening = seats(1, 43).filter((seat) => seat !== 12);
const fromItem2 = seats(1, 43);
const fromItem4 = fromItem2.filter((seat) => seat !== 30);

describe('npm run demo', () => {
  let out: string;
  let minutes: string;
  let events: string;
  let votes: string;
  let said: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'demo-'));
    await new Promise<void>((done, fail) => {
      execFile(
        'npm',
        ['run', '--silent', 'demo', '--', '--out', out],
        { cwd: ROOT, timeout: 170_000 },
        (error, stdout, stderr) => {
          said = stdout;
          if (error) fail(new Error(`the demo failed: ${stderr}`));
          else done();
        },
      );
    });
    const pdf = await readFile(join(out, 'minutes.pdf'));
    minutes = bodyText(await pdfText(pdf), /^(Empreinte SHA-256|Page \d+ sur \d+)/);
    events = await readFile(join(out, 'events.jsonl'), 'utf8');
    votes = await readFile(join(out, 'votes.csv'), 'utf8');
  }, 180_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

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
      `Pour : 27 Contre : 8 — ${namesOf(['Orange'], fromItem4)} Abstentions : 7 — ${namesOf(['Violet'], fromItem4)} Suffrages`,
      `Pour : 33 Contre : 0 Abstentions : 9 — ${namesOf(['Bleu'], fromItem4)} Suffrages`,
    ];
    for (const line of expected) expect(minutes).toContain(line);
    const decisions = [...minutes.matchAll(/Décision : (.*?\.)(?= |$)/g)].map((m) => m[1]);
    expect(decisions).toEqual([
      'Le procès-verbal de la séance du 20 octobre 2026 est approuvé.',
      'L’amendement est adopté.',
      'La motion est adoptée.',
      'Parité des voix.',
      'Le point est approuvé.',
      'David Collard est désigné.',
      'La motion est adoptée.',
      'Candidate X est désigné(e).',
    ]);
    expect(minutes).toContain('Décision : Parité des voix. Le point est rejeté.');
  });

  test('the secret ballots give counts only', () => {
    expect(minutes).toContain(
      '42 votants sur 42 membres appelés à voter. David Collard : 24 Rachida Maes : 16 Bulletins blancs : 2',
    );
    expect(minutes).toContain(
      '42 votants sur 42 membres appelés à voter. Candidate X : 30 Candidate Y : 10 Bulletins blancs : 2',
    );
  });

  test('nothing in the minutes, the event log or the votes links a member to a secret choice', () => {
    const water = /5\. Désignation.*?(?= 6\. Motion)/.exec(minutes)?.[0] ?? '';
    const staff = /8\. Personnel communal.*?(?= La séance est levée)/.exec(minutes)?.[0] ?? '';
    expect(water).toContain('Scrutin secret');
    expect(staff).toContain('Scrutin secret');
    const candidateLines = /(David Collard|Rachida Maes) : \d+|David Collard est désigné\./g;
    for (const section of [water.replace(candidateLines, ''), staff]) {
      for (const member of demo.members) expect(section).not.toContain(member.name);
    }
    const recorded = events.split('\n').filter((line) => line.includes('"type":"BallotRecorded"'));
    expect(recorded).toHaveLength(84);
    for (const line of recorded) expect(line).not.toMatch(/"choice"/);
    const secretRows = votes.split('\r\n').filter((row) => row.includes(',secret,'));
    expect(secretRows).toHaveLength(6);
    for (const row of secretRows) expect(row).toMatch(/,total,[^,]*,[^,]*,\d+,,$/);
  });

  test('the votes file has each named vote by member', () => {
    const rows = votes.split('\r\n');
    expect(rows[0]).toBe(
      'item,item_title,vote_id,vote,status,outcome,row,choice,choice_label,count,member_id,member_name',
    );
    const ballots = rows.filter((row) => row.includes(',named,') && row.includes(',ballot,'));
    expect(ballots).toHaveLength(42 + 43 + 43 + 43 + 42 + 42);
    expect(rows).toContainEqual(
      expect.stringMatching(
        /^3,.*,named,published,rejected \(tie\),ballot,abstain,abstain,,[\w-]+,Amélie Lambert$/,
      ),
    );
  });

  test('the roll call and the ballots went through the bot: every secret ballot, every other member in a named vote', () => {
    // 42 answers to the roll call; two secret votes of 42; named votes of 42, 43, 43, 43, 42, 42.
    const named = [42, 43, 43, 43, 42, 42].reduce((sum, n) => sum + Math.ceil(n / 2), 0);
    expect(said).toContain(
      `The meeting chat went through the bot: ${42 + 2 * 42 + named} roll call answers and ballots on its cards`,
    );
  });

  test('the footer of the minutes carries the hash of the last event, and the exported log is intact', async () => {
    const chain = parseEventsJsonl(events);
    if (!Array.isArray(chain)) throw new Error('the export is not a log');
    const verdict = verifyChain(chain);
    expect(verdict).toMatchObject({ intact: true, events: chain.length });
    const text = await pdfText(await readFile(join(out, 'minutes.pdf')));
    const last = chain.at(-1);
    expect(text).toContain(
      `Empreinte SHA-256 du dernier événement (n° ${last?.seq}) :\n${last?.hash}`,
    );
    expect(minutes).toMatch(/La séance est levée à \d\d:\d\d\./);
    expect(minutes).not.toContain('PROJET');
  });
});
