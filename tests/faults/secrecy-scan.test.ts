import fc from 'fast-check';
import { createLogger } from '../../bot/src/log';
import type { Meeting } from '../../shared/src';
import { testDatabases } from '../bot/store/databases';
import { startBot, type RunningBot } from '../bot/teams/bot';
import { personOf, type Person } from '../bot/support/service';
import { textOf, viewOf, type ChatPerson } from '../bot/support/teams';
import { FUZZ_SEED, fuzzed, sendRaw } from './support/fuzz';
import { scanForLinks, type Ballot, type SourceRecord } from './support/secrecy';

jest.setTimeout(180_000);

const SECRET_VOTES = 3;

/** The data of every event a reader's stream sends from the start, until it has been quiet a while. */
async function wholeStream(url: string, token: string): Promise<string[]> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const quiet = new Promise<null>((resolve) => {
      setTimeout(() => {
        resolve(null);
      }, 500);
    });
    const chunk = await Promise.race([reader?.read(), quiet]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  controller.abort();
  return [...text.matchAll(/^data: (.*)$/gm)].map((match) => match[1] ?? '');
}
const VOTERS = 24;

describe('the scan finds a link wherever one is planted', () => {
  const ballot: Ballot = { voteId: 'v-1', member: 'member-ana', choice: 'no' };
  const leaks: [string, string][] = [
    [
      'a row with the member and the choice',
      '{"vote_id":"v-1","member_id":"member-ana","choice":"no"}',
    ],
    [
      'an event with the choice',
      '{"type":"BallotRecorded","data":{"member":"member-ana","choice":"no"}}',
    ],
    ['a map from member to choice', '{"ballots":{"member-ana":"no"}}'],
    ['a map from choice to members', '{"no":["member-bram","member-ana"]}'],
    ['a log line in plain text', 'ballot of member-ana: no (vote v-1)'],
    [
      'another vote’s object, with this vote’s id',
      '{"voteId":"v-1","ballots":{"member-ana":"no"}}',
    ],
    ['a log line in JSON', '{"level":30,"msg":"cast","by":"member-ana","choice":"no"}'],
  ];
  test.each(leaks)('%s', (_name, text) => {
    expect(scanForLinks([{ source: 'planted', text }], [ballot])).toHaveLength(1);
  });

  test.each([
    ['the participation register', '{"vote_id":"v-1","member_id":"member-ana"}'],
    ['the counters', '{"vote_id":"v-1","choice":"no","count":3}'],
    [
      'the vote, with its choices and who took part',
      '{"choices":["yes","no"],"participants":["member-ana"]}',
    ],
    [
      'another vote’s public ballots',
      '{"id":"v-2","choices":["yes","no"],"ballots":{"member-ana":"no"}}',
    ],
    ['a word that only contains the choice', 'member-ana notes the result'],
  ])('and none in %s', (_name, text) => {
    expect(scanForLinks([{ source: 'clean', text }], [ballot])).toEqual([]);
  });
});

describe.each(testDatabases())(
  'secret ballots leave no link between a member and a choice, on %s',
  (_engine, fresh) => {
    const logLines: string[] = [];
    const service = fuzzed(
      fresh,
      (db) =>
        startBot({
          db,
          log: createLogger('trace', { write: (line: string) => void logLines.push(line) }),
        }),
      (bot) => bot.running,
    );
    const records: SourceRecord[] = [];
    const secret: Ballot[] = [];
    const named: Ballot[] = [];
    /** Each distinct receipt, with the choices of those who got it. */
    const receipts = { tab: new Map<string, Set<string>>(), card: new Map<string, Set<string>>() };
    const receive = (kind: 'tab' | 'card', receipt: string, choice: string) => {
      receipts[kind].set(receipt, (receipts[kind].get(receipt) ?? new Set()).add(choice));
    };
    let sseFrames = 0;
    let bot: RunningBot;
    let people: { tab: Person; chat: ChatPerson }[];
    let chair: Person;
    let director: Person;

    const keep = (source: string, body: unknown) =>
      records.push({ source, text: typeof body === 'string' ? body : JSON.stringify(body) });
    const must = async (person: Person, command: unknown) => {
      const reply = await person.command(bot.meetingId, command);
      keep('API answer', reply.body);
      if (reply.status !== 200)
        throw new Error(`${JSON.stringify(command)}: ${JSON.stringify(reply.body)}`);
    };
    const view = async (person: Person) => {
      const reply = await person.get(`/api/meetings/${bot.meetingId}`);
      keep(`API meeting for ${person.id}`, reply.body);
      return reply.body.meeting as Meeting;
    };

    /** One vote: every voter's choice at random, half by the tab, half by the card. */
    async function vote(
      secretVote: boolean,
      choiceOf: (index: number, choices: readonly string[]) => string,
    ) {
      await must(chair, { type: 'OpenVote', secret: secretVote });
      const opened = await view(chair);
      const voteId = opened.openVoteId ?? '';
      const choices = opened.votes[voteId]?.choices ?? [];
      for (const [index, voter] of people.entries()) {
        const choice = choiceOf(index, choices);
        (secretVote ? secret : named).push({ voteId, member: voter.tab.id, choice });
        const before = secretVote ? await view(director) : undefined;
        if (index % 2 === 0) {
          const reply = await voter.tab.command(bot.meetingId, {
            type: 'CastBallot',
            voteId,
            choice,
          });
          expect(reply.status).toBe(200);
          keep('API answer', reply.body);
          if (secretVote) receive('tab', Object.keys(reply.body).join(), choice);
        } else {
          const answer = await bot.send(
            bot.chat.press(voter.chat, {
              verb: 'vote.cast',
              data: {
                meetingId: bot.meetingId,
                card: { kind: 'vote', id: voteId },
                voteId,
                choice,
              },
            }),
          );
          expect(answer.status).toBe(200);
          keep('invoke answer', answer.body);
          // The same receipt for all, but for the participation (“2 of 30 have voted”).
          const receipt = textOf(viewOf(answer))
            .replaceAll(voter.chat.name, '<name>')
            .replace(/\d+ of \d+ have voted/, '# of # have voted');
          if (secretVote) receive('card', receipt, choice);
        }
        if (before) {
          // While the vote is open, a ballot changes only who took part, even for the director.
          const after = await view(director);
          const withoutParticipants = (m: Meeting) =>
            JSON.stringify({
              ...m,
              votes: { ...m.votes, [voteId]: { ...m.votes[voteId], participants: [] } },
            });
          expect(withoutParticipants(after)).toBe(withoutParticipants(before));
          expect(after.votes[voteId]?.participants).toContain(voter.tab.id);
        }
      }
      await must(chair, { type: 'CloseVote', voteId });
      await must(director, { type: 'PublishResult', voteId });
      return voteId;
    }

    beforeAll(async () => {
      bot = service.it;
      chair = personOf(bot.running, bot.chair.aadObjectId);
      director = personOf(bot.running, bot.director.aadObjectId);
      people = bot.members
        .slice(0, VOTERS)
        .map((chat) => ({ tab: personOf(bot.running, chat.aadObjectId), chat }));
      // The chat linked to the meeting, so that the bot posts its cards there.
      keep(
        'invoke answer',
        (await bot.send(bot.chat.message(bot.director, `link ${bot.meetingId}`))).body,
      );
      await must(chair, { type: 'OpenMeeting' });
      for (const member of bot.members.slice(0, 30))
        await must(personOf(bot.running, member.aadObjectId), { type: 'CheckIn' });
      await must(chair, { type: 'NextItem' });

      const random =
        fc.sample(
          fc.array(fc.nat({ max: 99 }), {
            minLength: VOTERS * SECRET_VOTES,
            maxLength: VOTERS * SECRET_VOTES,
          }),
          { seed: FUZZ_SEED, numRuns: 1 },
        )[0] ?? [];
      for (let round = 0; round < SECRET_VOTES; round++) {
        await vote(
          true,
          (index, choices) => choices[(random[round * VOTERS + index] ?? 0) % choices.length] ?? '',
        );
      }
      // A named vote, whose ballots are public: the scan must find them, or it sees nothing.
      await vote(false, (index, choices) => choices[index % choices.length] ?? '');

      for (const person of [
        chair,
        director,
        personOf(bot.running, bot.observer.aadObjectId),
        people[1]?.tab as Person,
      ]) {
        await view(person);
        keep(`meeting list for ${person.id}`, (await person.get('/api/meetings')).body);
        const frames = await wholeStream(
          `${bot.running.url}/api/meetings/${bot.meetingId}/stream`,
          await service.token(person.id),
        );
        for (const frame of frames) keep(`SSE for ${person.id}`, frame);
        sseFrames += frames.length;
      }
      const tables = await bot.running.db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      for (const { table_name: table } of tables) {
        for (const row of await bot.running.db.query(
          `SELECT row_to_json(t)::text AS row FROM ${String(table)} t`,
        )) {
          keep(`table ${String(table)}`, String(row.row));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const call of bot.connector.calls) keep(`connector ${call.kind}`, call.body);
      for (const line of logLines) keep('log', line);
    });

    test('every kind of record was collected', () => {
      const sources = new Set(records.map((r) => r.source.split(' ')[0]));
      for (const kind of ['API', 'invoke', 'SSE', 'table', 'connector', 'log', 'meeting'])
        expect(sources).toContain(kind);
      expect(records.filter((r) => r.source === 'table ballot_participation')).toHaveLength(
        VOTERS * SECRET_VOTES,
      );
      expect(logLines.length).toBeGreaterThan(100);
      // Each reader's stream, from the start: at least every ballot's event.
      expect(sseFrames).toBeGreaterThan(4 * VOTERS * SECRET_VOTES);
    });

    test('no record links a member to their secret choice', () => {
      expect(scanForLinks(records, secret)).toEqual([]);
    });

    test('the same scan finds the named vote’s ballots, which are public', () => {
      const found = scanForLinks(records, named);
      expect(new Set(found.map((f) => f.ballot.member)).size).toBe(VOTERS);
      expect(found.some((f) => f.source === 'table events')).toBe(true);
    });

    test('the ballot box has no member column, the participation register no choice', async () => {
      const columns = await bot.running.db.query(
        `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name LIKE 'ballot_%' ORDER BY table_name, ordinal_position`,
      );
      const of = (table: string) =>
        columns.filter((c) => c.table_name === table).map((c) => c.column_name);
      expect(of('ballot_counters')).toEqual(['vote_id', 'choice', 'count']);
      expect(of('ballot_boxes')).toEqual(['vote_id', 'meeting_id', 'closed']);
      expect(of('ballot_participation')).toEqual(['vote_id', 'member_id']);
    });

    test('a yes-voter’s receipt is the same as a no-voter’s, by the tab and by the card', () => {
      for (const kind of ['tab', 'card'] as const) {
        expect([...receipts[kind].keys()]).toHaveLength(1);
        expect([...receipts[kind].values()][0]?.size).toBeGreaterThan(1);
      }
      expect([...receipts.tab.keys()]).toEqual(['version']);
    });

    test('every secret vote was closed, counted and published with all its voters, and the service is still up', async () => {
      const meeting = await view(director);
      const votes = [...new Set(secret.map((b) => b.voteId))];
      expect(votes).toHaveLength(SECRET_VOTES);
      for (const voteId of votes) {
        expect(meeting.votes[voteId]).toMatchObject({ secret: true, status: 'published' });
        expect(meeting.votes[voteId]?.participants).toHaveLength(VOTERS);
      }
      expect((await sendRaw(bot.running.url, { method: 'GET', path: '/healthz' })).status).toBe(
        200,
      );
    });
  },
);
