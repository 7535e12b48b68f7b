import { testDatabases, type TestDatabase } from './store/databases';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { startEntraService } from './support/entra-service';
import { demo, personOf, startService, type RunningService } from './support/service';
import { startBot, type RunningBot } from './teams/bot';

/**
 * The service behind one trusted proxy, as on Azure App Service (with Entra sign-in: dev sign-in
 * refuses forwarded requests): each test speaks from an address of its own (X-Forwarded-For), so
 * one test's counts do not spend another's budget.
 */
const behindProxy = { TRUSTED_PROXY_HOPS: '1' };
let lastAddress = 0;
const newAddress = () => `198.51.100.${String(++lastAddress)}`;

const get = (running: RunningService, path: string, headers: Record<string, string>) =>
  fetch(`${running.url}${path}`, { headers });

async function expectRateLimited(reply: Response): Promise<void> {
  expect(reply.status).toBe(429);
  expect(await reply.json()).toMatchObject({ code: 'RATE_LIMITED' });
  const seconds = Number(reply.headers.get('retry-after'));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
}

describe('requests per address, before sign-in', () => {
  let running: RunningService;
  beforeAll(async () => {
    running = await startEntraService({
      env: { ...behindProxy, RATE_LIMIT_ADDRESS_REQUESTS: '20' },
    });
  });
  afterAll(() => running.close());

  test('an address past its budget gets 429 with Retry-After, even without a token', async () => {
    const from = { 'x-forwarded-for': newAddress() };
    for (let n = 0; n < 20; n++)
      expect((await get(running, '/api/meetings', from)).status).toBe(401);
    await expectRateLimited(await get(running, '/api/meetings', from));
    await expectRateLimited(
      await fetch(`${running.url}/api/meetings`, {
        method: 'POST',
        headers: { ...from, 'content-type': 'application/json' },
        body: JSON.stringify({ commandId: 'x', council: demo }),
      }),
    );
  });

  test('another address, and the health probes of a throttled one, are still answered', async () => {
    const from = { 'x-forwarded-for': newAddress() };
    for (let n = 0; n < 21; n++) await get(running, '/healthz', from);
    expect((await get(running, '/readyz', from)).status).toBe(200);
    expect((await get(running, '/api/config', { 'x-forwarded-for': newAddress() })).status).toBe(
      200,
    );
  });

  test('only the proxy’s own entry is believed: a client cannot pick its address', async () => {
    const real = newAddress();
    for (let n = 0; n < 20; n++) {
      const forged = { 'x-forwarded-for': `203.0.113.${String(n)}, ${real}` };
      expect((await get(running, '/api/config', forged)).status).toBe(200);
    }
    // As Azure's front end writes it, with the client's port: the same address all the same.
    await expectRateLimited(
      await get(running, '/api/config', { 'x-forwarded-for': `203.0.113.99, ${real}:51234` }),
    );
  });
});

describe('requests and commands per person, after sign-in', () => {
  let running: RunningService;
  let council: DemoMeeting;
  beforeAll(async () => {
    running = await startEntraService({
      env: { ...behindProxy, RATE_LIMIT_USER_REQUESTS: '40', RATE_LIMIT_USER_COMMANDS: '6' },
    });
    council = await openDemoMeeting(running);
  });
  afterAll(() => running.close());

  const meetingPath = () => `/api/meetings/${council.meetingId}`;
  const versionOf = async () => (await council.chair.get(meetingPath())).body.version;

  test('a member past the command budget gets 429, and the refused command changes nothing', async () => {
    const member = personOf(running, demo.members[5]?.aadObjectId ?? '');
    const from = { 'x-forwarded-for': newAddress() };
    const floor = { type: 'RequestFloor', kind: 'contribution' };
    // Checking in, when the meeting opened, was the first of six.
    for (let n = 0; n < 5; n++) {
      const reply = await member.command(council.meetingId, floor, undefined, from);
      expect(reply.status).not.toBe(429);
    }
    const before = await versionOf();
    const refused = await member.command(council.meetingId, floor, undefined, from);
    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(await versionOf()).toBe(before);
    // Another member behind the same office address is not held back.
    const neighbour = personOf(running, demo.members[6]?.aadObjectId ?? '');
    expect((await neighbour.command(council.meetingId, floor, undefined, from)).status).toBe(200);
  });

  test('a member past the request budget gets 429 with Retry-After; reading is counted too', async () => {
    const token = await running.tokenFor(demo.observer.aadObjectId);
    const headers = { authorization: `Bearer ${token}` };
    for (let n = 0; n < 40; n++) {
      const from = { ...headers, 'x-forwarded-for': newAddress() };
      expect((await get(running, meetingPath(), from)).status).toBe(200);
    }
    // From a fresh address: the person's budget, not the address's, is spent.
    await expectRateLimited(
      await get(running, meetingPath(), { ...headers, 'x-forwarded-for': newAddress() }),
    );
  });
});

describe('commands per address and per person', () => {
  let running: RunningService;
  let council: DemoMeeting;
  beforeAll(async () => {
    running = await startEntraService({
      env: { ...behindProxy, RATE_LIMIT_ADDRESS_COMMANDS: '20', RATE_LIMIT_USER_COMMANDS: '6' },
    });
    // Fourteen commands from the test's own address: the meeting made, convened, opened, ten
    // members checked in, the first item.
    council = await openDemoMeeting(running, 10);
  });
  afterAll(() => running.close());

  test('a command refused for the office’s address spends nothing of the member’s own budget', async () => {
    const floor = { type: 'RequestFloor', kind: 'contribution' };
    const office = { 'x-forwarded-for': newAddress() };
    for (const colleague of demo.members.slice(1, 5)) {
      const person = personOf(running, colleague.aadObjectId);
      for (let n = 0; n < 5; n++) {
        const reply = await person.command(council.meetingId, floor, undefined, office);
        expect(reply.status).not.toBe(429);
      }
    }
    const member = personOf(running, demo.members[8]?.aadObjectId ?? '');
    for (let n = 0; n < 6; n++) {
      const refused = await member.command(council.meetingId, floor, undefined, office);
      expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    }
    // From home: checking in was the first of six, so five are left, as before the office's refusals.
    const home = { 'x-forwarded-for': newAddress() };
    for (let n = 0; n < 5; n++) {
      expect((await member.command(council.meetingId, floor, undefined, home)).status).not.toBe(
        429,
      );
    }
    expect(await member.command(council.meetingId, floor, undefined, home)).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED' },
    });
  });
});

describe('per member on the bot, whatever the Bot Connector’s address', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({
      env: { RATE_LIMIT_USER_REQUESTS: '4', RATE_LIMIT_ADDRESS_REQUESTS: '6' },
    });
  });
  afterAll(() => bot.close());

  test('the member in the activity is counted: past the budget, 429; other members go on', async () => {
    const [first, second] = [bot.members[3], bot.members[4]];
    if (!first || !second) throw new Error('the demo council has members');
    for (let n = 0; n < 4; n++)
      expect((await bot.send(bot.chat.message(first, 'help'))).status).toBe(200);
    expect(await bot.send(bot.chat.message(first, 'help'))).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED' },
    });
    // Nine activities from one address so far: the Connector's address is not throttled.
    for (let n = 0; n < 4; n++) {
      expect((await bot.send(bot.chat.message(second, 'help'))).status).toBe(200);
    }
  });
});

describe.each(testDatabases())('the counts on %s', (engine, fresh) => {
  let database: TestDatabase;
  let instances: RunningService[];
  const budget = { RATE_LIMIT_USER_REQUESTS: '10' };
  beforeAll(async () => {
    database = await fresh();
    instances = [
      await startService(undefined, { db: await database.connect(), env: budget }),
      await startService(undefined, { db: await database.connect(), env: budget }),
    ];
  });
  afterAll(async () => {
    await Promise.all(instances.map((running) => running.close()));
    await database.drop();
  });

  test(
    engine === 'PostgreSQL'
      ? 'two instances share a person’s count: ten requests spread over both spend the budget'
      : 'PGlite is one process: each instance counts in memory',
    async () => {
      const [one, two] = instances as [RunningService, RunningService];
      const shared = engine === 'PostgreSQL';
      // Each instance signs its own dev tokens: the same person, signed in on each.
      const member = demo.members[9]?.aadObjectId ?? '';
      const tokens = new Map([
        [one, await one.tokenFor(member)],
        [two, await two.tokenFor(member)],
      ]);
      const read = (running: RunningService) =>
        get(running, '/api/meetings', { authorization: `Bearer ${tokens.get(running) ?? ''}` });
      for (let n = 0; n < 10; n++)
        expect((await read(shared && n % 2 ? two : one)).status).toBe(200);
      await expectRateLimited(await read(one));
      const onTheOther = await read(two);
      if (shared) await expectRateLimited(onTheOther);
      else expect(onTheOther.status).toBe(200);
      // A person's count is one row; addresses, counted before sign-in, are never written.
      const reader = await database.connect();
      const keys = await reader.query('SELECT key FROM rate_limits');
      await reader.close();
      expect(keys.map((row) => String(row.key).split(':')[0])).toEqual(shared ? ['person'] : []);
    },
  );
});
