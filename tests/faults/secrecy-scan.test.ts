/**
 * The secrecy scan (issue 8): after secret votes with random choices, cast half in the tab and half
 * on the bot's cards, nothing the service stored, logged or sent links a member to a choice.
 */
import { Writable } from 'node:stream';
import type { Event, Meeting } from '../../shared/src';
import { eventsJsonl, votesCsv } from '../../bot/src/audit/export';
import { createLogger } from '../../bot/src/log';
import { openMeetingStore, type Db } from '../../bot/src/store';
import { startConnector, type Call, type Connector } from '../bot/support/connector';
import { pdfText } from '../bot/support/pdf';
import { demo, personOf, type Person } from '../bot/support/service';
import { readStream } from '../bot/support/sse';
import { nameTellers, type Tellers } from '../bot/support/tellers';
import { actionsOf, cardOf, viewOf, type Card } from '../bot/support/teams';
import { MEETING_CHAT, startBot, type RunningBot } from '../bot/teams/bot';
import { serviceDatabases } from './support/databases';
import {
  ballotBoxShape,
  countsAbsent,
  sameWhateverTheChoice,
  scanPairings,
  sealedBallotsOpaque,
  withoutTrackers,
  type Column,
  type Finding,
  type ScanRecord,
  type SecretVoteTruth,
  type Voter,
} from './support/secrecy-scan';

const SCAN_MS = 180_000;
const PRESENT = 30;

/** A small seeded generator (mulberry32), so that a failing run can be replayed with its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    shuffle: <T>(items: readonly T[]): T[] =>
      items
        .map((item) => ({ item, key: next() }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.item),
  };
}

const people = [demo.director, demo.observer, ...demo.members];
const voters = new Map<string, Voter>(
  people.map((p) => [
    p.aadObjectId,
    { identifiers: [p.aadObjectId, `29:${p.aadObjectId}`, p.name] },
  ]),
);

describe.each(serviceDatabases())('the secrecy scan on %s', (_engine, freshDatabase) => {
  test(
    'after random secret ballots, no record of the service links a member to a choice',
    async () => {
      const seed = Number(process.env.SECRECY_SEED ?? Math.floor(Math.random() * 2 ** 31));
      const random = generator(seed);
      const fresh = await freshDatabase();
      const db: Db = await fresh.open();
      const connector: Connector = await startConnector();
      const logLines: string[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      });
      const bot: RunningBot = await startBot({
        sharing: { db, connector },
        log: createLogger('trace', sink),
        // Item 1 is a question: a secret ballot on it needs house rules that allow one (CDLD L1122-27).
        houseRules: { secretOtherwise: true },
      });
      const received: ScanRecord[] = [];
      /** What councillors and observers could read, for the unpublished counts. */
      const public_: ScanRecord[] = [];
      const keep = (source: string, body: unknown, audience: 'public' | 'private') => {
        const record = { source, text: typeof body === 'string' ? body : JSON.stringify(body) };
        received.push(record);
        if (audience === 'public') public_.push(record);
      };
      const streams: { name: string; messages: string[]; done: Promise<unknown> }[] = [];
      const stop = new AbortController();
      let dumped = false;
      let tellers: Tellers | undefined;
      try {
        const { meetingId } = bot;
        const person = (id: string) => personOf(bot.running, id);
        const director = person(demo.director.aadObjectId);
        const observer = person(demo.observer.aadObjectId);
        const members = demo.members.map((m) => person(m.aadObjectId));
        const chair = members[0] as Person;
        const isPublic = (p: Person) => p !== director;
        const command = async (p: Person, body: Record<string, unknown>) => {
          const reply = await p.command(meetingId, body);
          keep(`answer to ${p.id} for ${String(body.type)}`, reply.body, 'private');
          if (reply.status !== 200)
            throw new Error(`${JSON.stringify(body)}: ${JSON.stringify(reply.body)}`);
          return reply;
        };
        const meeting = async (p: Person, label: string) => {
          const reply = await p.get(`/api/meetings/${meetingId}`);
          keep(`meeting for ${p.id} ${label}`, reply.body, isPublic(p) ? 'public' : 'private');
          return reply.body.meeting as Meeting;
        };
        const minutes = async (p: Person, label: string) => {
          const response = await fetch(`${bot.running.url}/api/meetings/${meetingId}/minutes.pdf`, {
            headers: { authorization: `Bearer ${await bot.running.tokenFor(p.id)}` },
          });
          const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
          keep(`minutes for ${p.id} ${label}`, text, isPublic(p) ? 'public' : 'private');
        };

        // Two councillors who will never choose alike, whose live streams must still be the same.
        const [sentinelA, sentinelB] = [members[5] as Person, members[6] as Person];
        for (const [name, p] of [
          ['councillor A', sentinelA],
          ['councillor B', sentinelB],
          ['director', director],
          ['observer', observer],
        ] as const) {
          const messages: string[] = [];
          const done = readStream(
            `${bot.running.url}/api/meetings/${meetingId}/stream`,
            await bot.running.tokenFor(p.id),
            {
              until: () => false,
              timeoutMs: SCAN_MS,
              signal: stop.signal,
              onData: (id, data) => {
                messages.push(data);
                keep(`sse ${name} #${id}`, data, p === director ? 'private' : 'public');
              },
            },
          );
          streams.push({ name, messages, done });
        }
        await new Promise((resolve) => setTimeout(resolve, 300));

        const linked = await bot.send(bot.chat.message(bot.director, `link ${meetingId}`));
        keep('bot answer to the link', linked.body, 'private');
        await command(chair, { type: 'OpenMeeting' });
        await command(chair, { type: 'OpenRollCall' });
        await Promise.all(
          members.slice(0, PRESENT).map((m) => command(m, { type: 'AnswerRollCall' })),
        );
        await command(chair, { type: 'CloseRollCall' });
        tellers = await nameTellers(bot.running, meetingId, chair);

        const truths: SecretVoteTruth[] = [];
        const receiptFindings: Finding[] = [];
        const countFindings: Finding[] = [];
        // Item 1 by secret ballot (a question), item 5 (an appointment), item 8 (in closed session).
        for (const [skip, open] of [
          [1, { type: 'OpenVote', secret: true }],
          [4, { type: 'OpenVote' }],
          [3, { type: 'OpenVote' }],
        ] as const) {
          for (let i = 0; i < skip; i++) await command(chair, { type: 'NextItem' });
          const before = connector.calls.length;
          await command(chair, open);
          const opened = await meeting(chair, 'as the vote opens');
          const vote = opened.votes[opened.openVoteId ?? ''];
          if (!vote?.secret) throw new Error('no secret vote open');
          const card = await voteCard(connector, vote.id, before);

          // Random choices; a few members do not vote; the two councillors never choose alike.
          const ballots = new Map<string, string>();
          const abstainers = new Set(random.shuffle(vote.eligible.slice(7)).slice(0, 3));
          for (const member of vote.eligible) {
            if (!abstainers.has(member)) ballots.set(member, random.pick(vote.choices));
          }
          const choiceA = ballots.get(sentinelA.id) ?? '';
          ballots.set(sentinelB.id, random.pick(vote.choices.filter((c) => c !== choiceA)));
          const truth = { voteId: vote.id, choices: vote.choices, ballots };
          truths.push(truth);

          const order = random.shuffle([...ballots.keys()]);
          const inTab = new Set(order.filter((_, i) => i % 2 === 0));
          const receipts = { tab: new Map<string, string>(), bot: new Map<string, string>() };
          await Promise.all(
            order.map(async (member) => {
              const choice = ballots.get(member) ?? '';
              if (inTab.has(member)) {
                const reply = await command(person(member), {
                  type: 'CastBallot',
                  voteId: vote.id,
                  choice,
                });
                receipts.tab.set(member, JSON.stringify(reply.body));
                return;
              }
              const pressed = await pressOnCard(bot, member, card, choice, keep);
              receipts.bot.set(member, JSON.stringify(pressed));
            }),
          );
          // Each ballot is on the board, under its tracker: a hash of its ciphertext, whatever
          // the choice, which each voter's receipt names.
          const trackers = (
            await db.query('SELECT tracker FROM sealed_ballots WHERE vote_id = $1', [vote.id])
          ).map((row) => String(row.tracker));
          expect(trackers).toHaveLength(ballots.size);
          // Right after a ballot, participation counts differ from one member to the next.
          // The chair's view has the chair's buttons besides: councillors are compared together.
          const digitless = (views: Map<string, string>) =>
            new Map(
              [...views]
                .filter(([k]) => k !== chair.id)
                .map(([k, v]) => [k, withoutTrackers(v, trackers).replace(/\d+/g, '#')]),
            );
          receiptFindings.push(
            ...sameWhateverTheChoice(truth, 'tab answer', digitless(receipts.tab), voters),
            ...sameWhateverTheChoice(truth, 'bot answer', digitless(receipts.bot), voters),
          );

          // Once every ballot is in, each voter's own view of the vote, exactly.
          const later = { tab: new Map<string, string>(), bot: new Map<string, string>() };
          for (const member of order) {
            if (member === chair.id) continue;
            if (inTab.has(member)) {
              const view = JSON.stringify(await meeting(person(member), 'after voting'));
              later.tab.set(member, withoutTrackers(view, trackers));
            } else {
              const view = await refreshOnCard(bot, member, card, keep);
              later.bot.set(member, withoutTrackers(JSON.stringify(view), trackers));
            }
          }
          receiptFindings.push(
            ...sameWhateverTheChoice(truth, 'tab view', later.tab, voters),
            ...sameWhateverTheChoice(truth, 'bot view', later.bot, voters),
          );

          await command(chair, { type: 'CloseVote', voteId: vote.id });
          await waitUntil(() => {
            const counted = streams.find((s) => s.name === 'director')?.messages ?? [];
            return counted.some((m) => m.includes('VoteCounted') && m.includes(vote.id));
          });
          await new Promise((resolve) => setTimeout(resolve, 200));
          await meeting(sentinelA, 'before publication');
          await meeting(observer, 'before publication');
          for (const p of [sentinelA, observer]) {
            const record = await p.get(`/api/meetings/${meetingId}/votes/${vote.id}/tally-record`);
            keep(`tally record for ${p.id} before publication`, record.body, 'public');
          }
          await minutes(observer, 'before publication');
          await minutes(sentinelA, 'before publication');
          const beforePublication = [
            ...public_,
            ...connector.calls
              .filter((c) => c.conversationId === MEETING_CHAT)
              .map((c, i) => ({ source: `meeting chat call #${i}`, text: JSON.stringify(c) })),
          ];
          const distinctive = new Map(
            vote.choices
              .filter((c) => truths.filter((t) => t.choices.includes(c)).length === 1)
              .map((c) => [c, [c, ...labelsOf(c)]]),
          );
          countFindings.push(...countsAbsent(beforePublication, truth, distinctive));

          await command(director, { type: 'PublishResult', voteId: vote.id });
        }

        for (const p of [director, chair, sentinelA, observer]) await meeting(p, 'at the end');
        await minutes(director, 'at the end');
        await minutes(observer, 'at the end');
        // The audit export's files, as `npm run audit -- export` writes them (a second reader, not closed:
        // closing it would close the service's database).
        const stored = await (await openMeetingStore(db)).readEvents(meetingId);
        keep('events.jsonl', eventsJsonl(stored), 'private');
        keep('votes.csv', votesCsv(stored.map((row) => row.data as Event)), 'private');
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tellers.stop();
        stop.abort();
        await Promise.all(streams.map((s) => s.done));

        const { rows, columns } = await dump(db);
        dumped = true;
        const records: ScanRecord[] = [
          ...received,
          ...rows,
          ...logLines.map((text, i) => ({ source: `log #${i}`, text })),
          ...connector.calls.map((call, i) => ({
            source: `connector call #${i} (${call.kind} ${call.conversationId})`,
            text: JSON.stringify(call),
          })),
        ];

        // The scan found something to scan: every ballot reached the box, and the logs are at trace.
        const sealed = rows.filter((r) => r.source.startsWith('db sealed_ballots #'));
        expect(sealed).toHaveLength(truths.reduce((n, t) => n + t.ballots.size, 0));
        expect(logLines.length).toBeGreaterThan(200);
        for (const s of streams) expect(s.messages.length).toBeGreaterThan(10);

        const [a, b] = streams;
        const streamFindings = sameWhateverTheChoice(
          {
            voteId: 'every vote',
            choices: [],
            ballots: new Map([
              [sentinelA.id, 'A'],
              [sentinelB.id, 'B'],
            ]),
          },
          'the live stream of two councillors who chose differently',
          new Map([
            [sentinelA.id, (a?.messages ?? []).join('\n')],
            [sentinelB.id, (b?.messages ?? []).join('\n')],
          ]),
          voters,
        );
        const findings = [
          ...scanPairings(records, truths, voters),
          ...ballotBoxShape(columns),
          ...sealedBallotsOpaque(sealed, truths, voters),
          ...receiptFindings,
          ...streamFindings,
          ...countFindings,
        ];
        expect({ seed, records: records.length, findings: findings.slice(0, 12) }).toEqual({
          seed,
          records: records.length,
          findings: [],
        });
      } finally {
        await tellers?.stop();
        stop.abort();
        await bot.close();
        if (!dumped) await Promise.allSettled(streams.map((s) => s.done));
        await connector.close();
        await fresh.drop();
      }
    },
    SCAN_MS,
  );
});

const words: Record<string, string[]> = {
  yes: ['Oui', 'Yes', 'Ja'],
  no: ['Non', 'No', 'Nee', 'Nein'],
};

/** The words a card or the minutes show for a choice: a candidate's name, "Oui". */
function labelsOf(choice: string): string[] {
  if (words[choice]) return words[choice];
  const candidates = demo.agenda.flatMap((item) => item.candidates ?? []);
  const found = candidates.find((c) => ('aadObjectId' in c ? c.aadObjectId : c.name) === choice);
  return found ? [found.name] : [];
}

async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The vote's card as the bot posted it in the meeting chat. */
async function voteCard(connector: Connector, voteId: string, after: number): Promise<Card> {
  const isVoteCard = (call: Call) => {
    if (connector.calls.indexOf(call) < after || call.conversationId !== MEETING_CHAT) return false;
    if (call.kind !== 'send' && call.kind !== 'reply') return false;
    if (call.body.attachments === undefined) return false;
    const text = JSON.stringify(cardOf(call).refresh ?? {});
    return text.includes('"kind":"vote"') && text.includes(voteId);
  };
  return cardOf(await connector.waitFor(isVoteCard, 15_000));
}

type Keep = (source: string, body: unknown, audience: 'public' | 'private') => void;

/** Teams refreshes the shared card for the member, who presses the button of their choice. */
async function refreshOnCard(bot: RunningBot, member: string, card: Card, keep: Keep) {
  const chatPerson = chatPersonOf(member);
  const answer = await bot.send(bot.chat.refresh(chatPerson, card));
  keep(`bot view for ${member}`, answer.body, 'private');
  return viewOf(answer);
}

async function pressOnCard(
  bot: RunningBot,
  member: string,
  card: Card,
  choice: string,
  keep: Keep,
) {
  const own = await refreshOnCard(bot, member, card, keep);
  const cast = actionsOf(own).find((a) => a.verb === 'vote.cast' && a.data.choice === choice);
  if (!cast) throw new Error(`no button for ${choice} on the card of ${member}`);
  const answer = await bot.send(bot.chat.press(chatPersonOf(member), cast));
  keep(`bot answer to ${member}'s ballot`, answer.body, 'private');
  return viewOf(answer);
}

function chatPersonOf(member: string) {
  const found = demo.members.find((m) => m.aadObjectId === member);
  if (!found) throw new Error(`no member ${member}`);
  return { id: `29:${member}`, aadObjectId: member, name: found.name };
}

/** Every row of every table of the service's schema, and the tables' columns. */
async function dump(db: Db): Promise<{ rows: ScanRecord[]; columns: Column[] }> {
  const columns = (
    await db.query(
      `SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
       WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    )
  ).map((row) => ({
    table: String(row.table_name),
    column: String(row.column_name),
    type: String(row.data_type),
    defaultValue: typeof row.column_default === 'string' ? row.column_default : null,
  }));
  const tables = [...new Set(columns.map((c) => c.table))];
  const rows: ScanRecord[] = [];
  for (const table of tables) {
    const all = await db.query(`SELECT * FROM "${table}"`);
    all.forEach((row, i) => rows.push({ source: `db ${table} #${i}`, text: JSON.stringify(row) }));
  }
  return { rows, columns };
}

describe('the scanner itself', () => {
  const [ana, bram] = demo.members.slice(1, 3).map((m) => m.aadObjectId) as [string, string];
  const [collard, maes] = (demo.agenda[4]?.candidates ?? []).map((c) =>
    'aadObjectId' in c ? c.aadObjectId : c.name,
  ) as [string, string];
  const appointment: SecretVoteTruth = {
    voteId: 'vote-7',
    choices: [collard, maes, 'abstain'],
    ballots: new Map([
      [ana, maes],
      [bram, collard],
    ]),
  };
  const question: SecretVoteTruth = {
    voteId: 'vote-3',
    choices: ['yes', 'no', 'abstain'],
    ballots: new Map([
      [ana, 'no'],
      [bram, 'yes'],
    ]),
  };
  const matching = (text: string): unknown => expect.stringContaining(text);
  const scan = (text: string) =>
    scanPairings([{ source: 'planted', text }], [appointment, question], voters);

  test('a log line naming a member and the candidate they chose is reported', () => {
    expect(scan(JSON.stringify({ member: ana, choice: maes }))).toEqual([
      {
        rule: 'a record pairs a voter with a secret choice',
        source: 'planted',
        detail: matching('the same'),
      },
    ]);
  });

  test('a row of ballots keyed by member is reported, in a log of JSON lines too', () => {
    const row = JSON.stringify({ vote_id: 'vote-3', ballots: { [ana]: 'no' } });
    expect(scan(`{"msg":"ok"}\n${row}`)).toHaveLength(1);
  });

  test('names listed under a secret choice are reported, and a pairing is one whatever its truth', () => {
    expect(scan(JSON.stringify({ id: 'vote-3', names: { yes: [`29:${ana}`] } }))).toEqual([
      {
        rule: 'a record pairs a voter with a secret choice',
        source: 'planted',
        detail: matching('another'),
      },
    ]);
  });

  test('a text naming a member beside a choice is reported; beside one that several votes share, only where it names the vote', () => {
    expect(scan(`Ballots\n${demo.members[1]?.name ?? ''} voted abstain`)).toHaveLength(0);
    expect(scan(`${demo.members[1]?.name ?? ''}: no`)).toHaveLength(1);
  });

  test('the participation register and the vote card name members and choices without pairing them', () => {
    expect(scan(JSON.stringify({ vote_id: 'vote-7', member_id: ana }))).toEqual([]);
    expect(
      scan(JSON.stringify({ id: 'vote-7', choices: [collard, maes], voted: [ana, bram] })),
    ).toEqual([]);
  });

  test('a receipt that differs with the choice is reported', () => {
    const views = new Map([
      [ana, `Recorded, ${demo.members[1]?.name ?? ''}.`],
      [bram, `Recorded, ${demo.members[2]?.name ?? ''}!`],
    ]);
    expect(sameWhateverTheChoice(appointment, 'receipt', views, voters)).toHaveLength(1);
    const same = new Map([
      [ana, `Recorded, ${demo.members[1]?.name ?? ''}.`],
      [bram, `Recorded, ${demo.members[2]?.name ?? ''}.`],
    ]);
    expect(sameWhateverTheChoice(appointment, 'receipt', same, voters)).toEqual([]);
  });

  test('a count shown before publication is reported', () => {
    const labels = new Map([[maes, [maes, 'Rachida Maes']]]);
    expect(
      countsAbsent([{ source: 'card', text: 'Rachida Maes: 1' }], appointment, labels),
    ).toHaveLength(1);
    expect(
      countsAbsent(
        [{ source: 'sse', text: JSON.stringify({ voteId: 'vote-7', tally: { x: 1 } }) }],
        appointment,
        labels,
      ),
    ).toHaveLength(1);
    expect(
      countsAbsent([{ source: 'card', text: '2 of 30 have voted' }], appointment, labels),
    ).toEqual([]);
  });

  test('a ballot box with a member or a time column, or the old counters, is reported', () => {
    const column = (table: string, name: string, type = 'text') => ({
      table,
      column: name,
      type,
      defaultValue: null,
    });
    const good = [
      column('ballot_boxes', 'vote_id'),
      column('ballot_boxes', 'meeting_id'),
      column('ballot_boxes', 'closed', 'boolean'),
      column('sealed_ballots', 'vote_id'),
      column('sealed_ballots', 'meeting_id'),
      column('sealed_ballots', 'tracker'),
      column('sealed_ballots', 'ballot', 'jsonb'),
      column('ballot_participation', 'vote_id'),
      column('ballot_participation', 'member_id'),
    ];
    expect(ballotBoxShape(good)).toEqual([]);
    expect(
      ballotBoxShape([...good, column('sealed_ballots', 'cast_at', 'timestamp with time zone')]),
    ).toHaveLength(2);
    expect(ballotBoxShape([...good, column('sealed_ballots', 'member_id')])).toHaveLength(1);
    expect(ballotBoxShape([...good, column('ballot_counters', 'count', 'integer')])).toHaveLength(
      1,
    );
  });

  test('a sealed ballot naming a member or holding a choice in clear is reported; a ciphertext that happens to spell one is not', () => {
    const row = (ballot: unknown) => ({
      source: 'db sealed_ballots #0',
      text: JSON.stringify({ vote_id: 'vote-3', tracker: 'ab12', ballot }),
    });
    const sealed = { choices: [{ ciphertext: { a: 'xyesx', b: 'nono' } }], sum: { c: 'abstain1' } };
    expect(sealedBallotsOpaque([row(sealed)], [question], voters)).toEqual([]);
    expect(sealedBallotsOpaque([row({ ...sealed, member: ana })], [question], voters)).toHaveLength(
      1,
    );
    expect(
      sealedBallotsOpaque([row({ ...sealed, choice: 'no' })], [question], voters),
    ).toHaveLength(1);
    expect(
      sealedBallotsOpaque([row(JSON.stringify({ [bram]: sealed }))], [question], voters),
    ).toHaveLength(1);
  });

  test('receipts compare without their trackers, whole or shortened, and nothing else is taken out', () => {
    const tracker = 'c0ffee12'.repeat(8);
    const other = '0123abcd'.repeat(8);
    expect(withoutTrackers(`Tracker ${tracker}.`, [tracker, other])).toBe('Tracker <tracker>.');
    expect(withoutTrackers('Tracker 0123abcd…', [tracker, other])).toBe('Tracker <tracker>…');
    expect(withoutTrackers('Recorded: yes, c0ffee', [tracker])).toBe('Recorded: yes, c0ffee');
  });
});
