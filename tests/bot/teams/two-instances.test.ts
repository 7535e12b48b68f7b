import { startConnector, type Connector } from '../support/connector';
import { personOf, type Person } from '../support/service';
import { cardOf, textOf } from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, startBot, type RunningBot, posted } from './bot';

/**
 * Two instances of the service on one database, as behind a load balancer: each hears every
 * commit of every meeting, and one connector records what both say in the meeting chat. On
 * PGlite the two share the one in-process database (its LISTEN reaches both); on PostgreSQL each
 * has its own pool and listening connection, as two machines would.
 */
test('CI runs the PostgreSQL case: TEST_DATABASE_URL is set wherever CI is', () => {
  if (process.env.CI) expect(process.env.TEST_DATABASE_URL).toEqual(expect.any(String));
});

describe.each(testDatabases())('two instances on one %s', (_engine, fresh) => {
  let database: TestDatabase;
  let connector: Connector;
  let first: RunningBot;
  let second: RunningBot;

  beforeAll(async () => {
    database = await fresh();
    connector = await startConnector();
    first = await startBot({ sharing: { db: await database.connect(), connector } });
    second = await startBot({ sharing: { db: await database.connect(), connector } });
  }, BOT_START_MS);
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await connector.close();
    await database.drop();
  });

  /** Waits until the card Teams shows for `activityId` (its last update) matches. */
  async function shows(activityId: string, match: RegExp): Promise<void> {
    const latest = () =>
      connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1) ??
      connector.calls.find((c) => c.newId === activityId);
    const until = Date.now() + 10_000;
    for (;;) {
      const call = latest();
      if (call && match.test(textOf(cardOf(call)))) return;
      if (Date.now() > until) throw new Error(`the card never showed ${String(match)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  test('a vote and five ballots: one vote card, one update per change, one result to the director', async () => {
    const on = (bot: RunningBot, id: string) => personOf(bot.running, id);
    const chair = on(second, first.chair.aadObjectId);
    const members = first.members.map((m, i) => on(i % 2 ? second : first, m.aadObjectId));
    const must = async (person: Person, command: unknown) => {
      const reply = await person.command(first.meetingId, command);
      expect({ command, status: reply.status }).toEqual({ command, status: 200 });
      return reply;
    };
    expect(
      (await first.send(first.chat.message(first.director, `link ${first.meetingId}`))).status,
    ).toBe(200);
    await must(chair, { type: 'OpenMeeting' });
    await Promise.all(members.slice(0, 30).map((m) => must(m, { type: 'CheckIn' })));
    await must(chair, { type: 'NextItem' });

    await must(chair, { type: 'OpenVote', secret: false });
    const voteCard = await connector.waitFor(
      (c) => posted(c) && /Vote nominatif/.test(textOf(cardOf(c))),
    );
    const snapshot = await chair.get(`/api/meetings/${first.meetingId}`);
    const voteId = (snapshot.body.meeting as { openVoteId: string }).openVoteId;
    for (const [n, member] of members.slice(0, 5).entries()) {
      await must(member, { type: 'CastBallot', voteId, choice: 'yes' });
      // Each ballot's update shows before the next is cast: two followers would each make one.
      const voted = n === 0 ? 'a voté' : 'ont voté';
      await shows(voteCard.newId ?? '', new RegExp(`${String(n + 1)} sur 30 ${voted}`));
    }
    await must(chair, { type: 'CloseVote', voteId });
    await shows(voteCard.newId ?? '', /Le vote est clos/);
    const forDirector = await connector.waitFor(
      (c) => posted(c) && /Oui: 5/.test(textOf(cardOf(c))),
    );
    // Both instances have heard every commit by now; let any second follower have its say.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const voteCards = connector.calls.filter(
      (c) => posted(c) && /Vote nominatif/.test(textOf(cardOf(c))),
    );
    expect(voteCards.length).toBe(1);
    const updates = connector.calls.filter(
      (c) => c.kind === 'update' && c.activityId === voteCard.newId,
    );
    // One per ballot and one for the close.
    expect(updates.length).toBe(6);
    const privateResults = connector.calls.filter(
      (c) => posted(c) && c.conversationId === forDirector.conversationId,
    );
    expect(privateResults.length).toBe(1);
    expect(connector.calls.filter((c) => c.kind === 'create')).toHaveLength(1);
    expect(
      connector.calls.filter((c) => posted(c) && /Ordre du jour/.test(textOf(cardOf(c)))),
    ).toHaveLength(1);
  });
});
