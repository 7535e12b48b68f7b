import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type RunningService,
} from './support/service';

/** The demo council (51 people on its roster, 8 items) inside limits set just above it. */
const limits = { MAX_ROSTER: '52', MAX_AGENDA_ITEMS: '10', MAX_MEETINGS_PER_TENANT: '3' };
let running: RunningService;

beforeAll(async () => {
  running = await startService(undefined, { env: limits });
});
afterAll(() => running.close());

const director = () => personOf(running, demo.director.aadObjectId);
const create = (council: unknown) =>
  director().call('POST', '/api/meetings', { commandId: nextCommandId(), council });
const meetingCount = async () =>
  ((await director().get('/api/meetings')).body.meetings as unknown[]).length;

const newcomers = (count: number) =>
  Array.from({ length: count }, (_, n) => ({
    aadObjectId: `newcomer-${String(n)}`,
    name: `Newcomer ${String(n)}`,
    role: 'councillor',
  }));

describe('what one tenant may ask the service to hold', () => {
  test('a roster past MAX_ROSTER is refused with 400 and no meeting is made', async () => {
    const before = await meetingCount();
    const reply = await create({ ...demo, members: [...demo.members, ...newcomers(2)] });
    expect(reply).toMatchObject({
      status: 400,
      body: { code: 'INVALID_SETUP', message: expect.stringContaining('at most 52') as string },
    });
    expect(await meetingCount()).toBe(before);
  });

  test('a revised agenda or roster past the limits is refused and changes nothing', async () => {
    const created = await create(demo);
    expect(created.status).toBe(201);
    const meetingId = created.body.meetingId as string;
    const version = created.body.version;
    const item = (n: number) => ({
      id: `item-${String(n)}`,
      title: { fr: 'Point', nl: 'Punt', de: 'Punkt', en: 'Item' },
      session: 'public',
    });
    const agenda = await director().command(meetingId, {
      type: 'ReviseAgenda',
      agenda: Array.from({ length: 11 }, (_, n) => item(n)),
    });
    expect(agenda).toMatchObject({
      status: 400,
      body: { code: 'INVALID_SETUP', message: expect.stringContaining('at most 10') as string },
    });
    const roster = await director().command(meetingId, {
      type: 'ReviseRoster',
      roster: Array.from({ length: 53 }, (_, n) => ({
        id: `m-${String(n)}`,
        name: `Member ${String(n)}`,
        role: n === 0 ? 'chair' : 'councillor',
      })),
    });
    expect(roster).toMatchObject({
      status: 400,
      body: { code: 'INVALID_SETUP', message: expect.stringContaining('at most 52') as string },
    });
    const within = await director().command(meetingId, {
      type: 'ReviseAgenda',
      agenda: Array.from({ length: 10 }, (_, n) => item(n)),
    });
    expect(within.status).toBe(200);
    expect((await director().get(`/api/meetings/${meetingId}`)).body.version).toBe(
      (version as number) + 1,
    );
  });

  test('past MAX_MEETINGS_PER_TENANT a new meeting is refused with 403; other tenants are not held back', async () => {
    while ((await meetingCount()) < 3) expect((await create(demo)).status).toBe(201);
    const refused = await create(demo);
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'MEETING_LIMIT_REACHED', message: expect.stringContaining('3') as string },
    });
    expect(await meetingCount()).toBe(3);
    const elsewhere = personOf(running, demo.director.aadObjectId, 'another-tenant');
    const theirs = await elsewhere.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: { ...demo, tenantId: 'another-tenant' },
    });
    expect(theirs.status).toBe(201);
  });
});
