import { startConnector, type Call, type Connector } from '../support/connector';
import { personOf, type Person } from '../support/service';
import { cardOf, textOf } from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, startBot, type RunningBot, posted } from './bot';

/**
 * Every instance follows every meeting here: the leader's lease runs out at once, as it does when a
 * leader is slower than the lease (Teams throttling a burst). Each event must still be announced
 * once and each drawing of a shared card sent once, never after a later one. Two instances on
 * PostgreSQL; PGlite is one process, where the one instance must behave the same.
 */
/** The meeting's version a card was drawn at: its buttons and its refresh carry it. */
function versionOf(call: Call): number {
  const refresh = cardOf(call).refresh as { action: { data: { v: number } } } | undefined;
  if (!refresh) throw new Error('a shared card without its refresh');
  return refresh.action.data.v;
}

describe.each(testDatabases())('announcements once on %s', (engine, fresh) => {
  let database: TestDatabase;
  let connector: Connector;
  let bots: RunningBot[];

  beforeAll(async () => {
    database = await fresh();
    connector = await startConnector();
    const instances = engine === 'PostgreSQL' ? 2 : 1;
    bots = [];
    for (let i = 0; i < instances; i++) {
      bots.push(
        await startBot({ leaseMs: 0, sharing: { db: await database.connect(), connector } }),
      );
    }
  }, BOT_START_MS);
  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.close()));
    await connector.close();
    await database.drop();
  });

  test('with every instance following, each announcement is posted once and each card version sent once, the last one last', async () => {
    const [first] = bots;
    if (!first) throw new Error('no instance');
    const on = (i: number, id: string) => personOf((bots[i % bots.length] ?? first).running, id);
    const chair = on(1, first.chair.aadObjectId);
    const members = first.members.map((m, i) => on(i, m.aadObjectId));
    const must = async (person: Person, command: unknown) => {
      const reply = await person.command(first.meetingId, command);
      expect({ command, status: reply.status }).toEqual({ command, status: 200 });
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
    await Promise.all(
      members
        .slice(0, 8)
        .map((m, i) => must(m, { type: 'CastBallot', voteId, choice: i % 3 ? 'yes' : 'no' })),
    );
    await must(chair, { type: 'CloseVote', voteId });
    const forDirector = await connector.waitFor(
      (c) => posted(c) && /Oui: 5/.test(textOf(cardOf(c))),
    );
    const closed = await connector.waitFor(
      (c) =>
        c.kind === 'update' &&
        c.activityId === voteCard.newId &&
        /Le vote est clos/.test(textOf(cardOf(c))),
    );
    // Every instance has heard every commit by now; let a second voice have its say, if any.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const updates = connector.calls.filter(
      (c) => c.kind === 'update' && c.activityId === voteCard.newId,
    );
    const versions = updates.map(versionOf);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    // The last drawing sent is the latest version, and it shows the vote closed: the close may be
    // drawn once or twice (its count follows it as a later version), never overtaken by an older one.
    expect(updates).toContain(closed);
    expect(textOf(cardOf(updates.at(-1) ?? closed))).toMatch(/Le vote est clos/);
    const cards = (match: RegExp) =>
      connector.calls.filter((c) => posted(c) && match.test(textOf(cardOf(c))));
    expect(cards(/Vote nominatif/)).toHaveLength(1);
    expect(cards(/Ordre du jour/)).toHaveLength(1);
    expect(
      connector.calls.filter((c) => posted(c) && c.conversationId === forDirector.conversationId),
    ).toHaveLength(1);
    expect(connector.calls.filter((c) => c.kind === 'notify')).toHaveLength(1);
  });
});
