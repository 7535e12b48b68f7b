import { randomUUID } from 'node:crypto';
import {
  VersionConflict,
  openMeetingStore,
  type Db,
  type MeetingStore,
  type NewEvent,
} from '../../../bot/src/store';
import { freshPostgres, testDatabases, type TestDatabase } from './databases';

const at = '2025-03-17T19:30:00.000Z';
const floorRequested: NewEvent = { type: 'FloorRequested', data: { memberId: 'ana' }, at };

interface Notice {
  meetingId: string;
  seq: number;
}

/** Collects what a subscription hears, and waits for what it expects to hear. */
function hearing() {
  const heard: Notice[] = [];
  const waiting = new Set<() => void>();
  return {
    heard,
    listener: (meetingId: string, seq: number) => {
      heard.push({ meetingId, seq });
      for (const wake of waiting) wake();
    },
    until: async (predicate: (notice: Notice) => boolean, timeoutMs = 10_000): Promise<Notice> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = heard.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('nothing heard in time');
        await new Promise<void>((resolve) => {
          waiting.add(resolve);
          setTimeout(() => {
            waiting.delete(resolve);
            resolve();
          }, 50);
        });
      }
    },
  };
}

describe.each(testDatabases())('notifications on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let store: MeetingStore;

  beforeAll(async () => {
    database = await fresh();
    store = await openMeetingStore(await database.connect());
  });
  afterAll(() => database.drop());

  async function newMeeting(): Promise<string> {
    return (await store.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' })).id;
  }

  test('the database port delivers a notification to its listeners', async () => {
    const db = await database.connect();
    const payloads: string[] = [];
    const unlisten = await db.listen('store_test_channel', (payload) => payloads.push(payload));
    await db.notify('store_test_channel', 'hello');
    for (const deadline = Date.now() + 10_000; payloads.length === 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(payloads).toEqual(['hello']);
    await unlisten();
  });

  test('a subscriber hears of each commit: its meeting and the seq of its last event', async () => {
    const ear = hearing();
    const unsubscribe = await store.subscribe(ear.listener);
    const meetingId = await newMeeting();

    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [floorRequested, floorRequested],
      result: null,
    });
    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c2',
      expectedVersion: 2,
      events: [floorRequested],
      result: null,
    });

    await ear.until((notice) => notice.meetingId === meetingId && notice.seq === 3);
    expect(ear.heard.filter((notice) => notice.meetingId === meetingId)).toEqual([
      { meetingId, seq: 2 },
      { meetingId, seq: 3 },
    ]);
    await unsubscribe();
  });

  test('an event committed through one store reaches a subscriber of another store on the same database', async () => {
    const other = await openMeetingStore(await database.connect());
    const ear = hearing();
    const unsubscribe = await other.subscribe(ear.listener);
    const meetingId = await newMeeting();

    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [floorRequested],
      result: null,
    });

    await expect(ear.until((notice) => notice.meetingId === meetingId)).resolves.toEqual({
      meetingId,
      seq: 1,
    });
    await unsubscribe();
    await other.close();
  });

  test('a refused commit notifies nobody', async () => {
    const ear = hearing();
    const unsubscribe = await store.subscribe(ear.listener);
    const meetingId = await newMeeting();
    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [floorRequested],
      result: null,
    });
    await expect(
      store.commit({
        meetingId,
        issuedBy: 'ana',
        commandId: 'c2',
        expectedVersion: 0,
        events: [floorRequested],
        result: null,
      }),
    ).rejects.toThrow(VersionConflict);
    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c3',
      expectedVersion: 1,
      events: [floorRequested],
      result: null,
    });

    await ear.until((notice) => notice.meetingId === meetingId && notice.seq === 2);
    expect(ear.heard.filter((notice) => notice.meetingId === meetingId)).toEqual([
      { meetingId, seq: 1 },
      { meetingId, seq: 2 },
    ]);
    await unsubscribe();
  });

  test('an unsubscribed listener hears nothing more, and others still do', async () => {
    const [gone, staying] = [hearing(), hearing()];
    const unsubscribe = await store.subscribe(gone.listener);
    const unsubscribeStaying = await store.subscribe(staying.listener);
    await unsubscribe();
    const meetingId = await newMeeting();

    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [floorRequested],
      result: null,
    });

    await staying.until((notice) => notice.meetingId === meetingId);
    expect(gone.heard).toEqual([]);
    await unsubscribeStaying();
  });
});

const postgres = freshPostgres();
if (postgres) {
  describe('notifications on PostgreSQL, across a lost connection', () => {
    let database: TestDatabase;
    let admin: Db;
    let store: MeetingStore;

    beforeAll(async () => {
      database = await postgres();
      admin = await database.connect();
      store = await openMeetingStore(await database.connect());
    });
    afterAll(() => database.drop());

    test('a subscriber reconnects when its connection drops, and is told to catch up', async () => {
      const ear = hearing();
      let reconnected = 0;
      const unsubscribe = await store.subscribe(ear.listener, () => {
        reconnected++;
      });

      const killed = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [`${database.schema ?? ''}:listen`],
      );
      expect(killed.length).toBeGreaterThan(0);
      const meetingId = (await store.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' })).id;
      for (const deadline = Date.now() + 10_000; reconnected === 0 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(reconnected).toBe(1);

      await store.commit({
        meetingId,
        issuedBy: 'ana',
        commandId: 'c1',
        expectedVersion: 0,
        events: [floorRequested],
        result: null,
      });
      await expect(ear.until((notice) => notice.meetingId === meetingId)).resolves.toEqual({
        meetingId,
        seq: 1,
      });
      await unsubscribe();
    });
  });
}
