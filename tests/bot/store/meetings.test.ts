import { randomUUID } from 'node:crypto';
import {
  MeetingAlreadyExists,
  MeetingNotFound,
  TeamsMeetingAlreadyLinked,
  openMeetingStore,
  type MeetingStore,
} from '../../../bot/src/store';
import { testDatabases, type TestDatabase } from './databases';

describe.each(testDatabases())('meetings on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let store: MeetingStore;

  beforeAll(async () => {
    database = await fresh();
    store = await openMeetingStore(await database.connect());
  });
  afterAll(() => database.drop());

  test('a meeting is found by its id and by its Teams meeting within its tenant', async () => {
    const id = randomUUID();
    const tenantId = randomUUID();
    const created = await store.createMeeting({ id, tenantId, teamsMeetingId: 'teams-1' });

    expect(created).toEqual({
      id,
      tenantId,
      teamsMeetingId: 'teams-1',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as string,
      version: 0,
    });
    expect(await store.findMeeting(id)).toEqual(created);
    expect(await store.findTeamsMeeting(tenantId, 'teams-1')).toEqual(created);
    expect(await store.findTeamsMeeting(randomUUID(), 'teams-1')).toBeUndefined();
    expect(await store.findMeeting(randomUUID())).toBeUndefined();
  });

  test('a tenant counts only its own meetings', async () => {
    const [tenant, other] = [randomUUID(), randomUUID()];
    await store.createMeeting({ id: randomUUID(), tenantId: tenant });
    await store.createMeeting({ id: randomUUID(), tenantId: tenant });
    await store.createMeeting({ id: randomUUID(), tenantId: other });

    expect(await store.meetingCount(tenant)).toBe(2);
    expect(await store.meetingCount(other)).toBe(1);
    expect(await store.meetingCount(randomUUID())).toBe(0);
  });

  test('a meeting id is created once', async () => {
    const id = randomUUID();
    await store.createMeeting({ id, tenantId: randomUUID() });
    await expect(store.createMeeting({ id, tenantId: randomUUID() })).rejects.toThrow(
      MeetingAlreadyExists,
    );
  });

  test('a Teams meeting links to one council meeting per tenant', async () => {
    const tenantId = randomUUID();
    const first = await store.createMeeting({ id: randomUUID(), tenantId });
    const second = await store.createMeeting({ id: randomUUID(), tenantId });
    const elsewhere = await store.createMeeting({ id: randomUUID(), tenantId: randomUUID() });

    const linked = await store.linkTeamsMeeting({ meetingId: first.id, teamsMeetingId: 'teams-2' });
    expect(linked.teamsMeetingId).toBe('teams-2');
    expect((await store.findTeamsMeeting(tenantId, 'teams-2'))?.id).toBe(first.id);

    await expect(
      store.linkTeamsMeeting({ meetingId: second.id, teamsMeetingId: 'teams-2' }),
    ).rejects.toThrow(TeamsMeetingAlreadyLinked);
    await expect(
      store.createMeeting({ id: randomUUID(), tenantId, teamsMeetingId: 'teams-2' }),
    ).rejects.toThrow(TeamsMeetingAlreadyLinked);
    await expect(
      store.linkTeamsMeeting({ meetingId: elsewhere.id, teamsMeetingId: 'teams-2' }),
    ).resolves.toMatchObject({ teamsMeetingId: 'teams-2' });
  });

  test('linking an unknown meeting fails with MeetingNotFound', async () => {
    await expect(
      store.linkTeamsMeeting({ meetingId: randomUUID(), teamsMeetingId: 'teams-3' }),
    ).rejects.toThrow(MeetingNotFound);
  });

  test('the store answers a readiness check', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  test('the chat memory merges entries into a remembered object, keeping the others', async () => {
    const key = `people:${randomUUID()}`;
    await store.chatMemory.merge(key, { ana: '29:ana' });
    await store.chatMemory.merge(key, { bram: '29:bram', ana: '29:ana-2' });
    expect(await store.chatMemory.recall(key)).toEqual({ ana: '29:ana-2', bram: '29:bram' });
    const list = `people:${randomUUID()}`;
    await store.chatMemory.remember(list, ['not', 'an', 'object']);
    await store.chatMemory.merge(list, { ana: '29:ana' });
    expect(await store.chatMemory.recall(list)).toEqual({ ana: '29:ana' });
  });
});
