import { randomUUID } from 'node:crypto';
import {
  GENESIS_HASH,
  MeetingNotFound,
  VersionConflict,
  checkChain,
  issuedKey,
  openMeetingStore,
  type Db,
  type MeetingStore,
  type NewEvent,
} from '../../../bot/src/store';
import { freshPostgres, testDatabases, type TestDatabase } from './databases';

const at = '2025-03-17T19:30:00.000Z';

function floorRequested(memberId: string): NewEvent {
  return { type: 'FloorRequested', data: { memberId, kind: 'contribution' }, at };
}

describe.each(testDatabases())('the event log on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let db: Db;
  let store: MeetingStore;

  beforeAll(async () => {
    database = await fresh();
    db = await database.connect();
    store = await openMeetingStore(db);
  });
  afterAll(() => database.drop());

  async function newMeeting(): Promise<string> {
    return (await store.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' })).id;
  }

  test("a meeting's events come back in order, numbered from 1", async () => {
    const meetingId = await newMeeting();
    const first = await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [floorRequested('ana'), floorRequested('bram')],
      result: { ok: true },
    });
    const second = await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c2',
      expectedVersion: 2,
      events: [{ type: 'FloorGiven', data: { memberId: 'ana' }, at }],
      result: null,
    });

    expect(first).toMatchObject({ duplicate: false, version: 2 });
    expect(second).toMatchObject({ duplicate: false, version: 3 });
    const events = await store.readEvents(meetingId);
    expect(events.map(({ seq, type }) => [seq, type])).toEqual([
      [1, 'FloorRequested'],
      [2, 'FloorRequested'],
      [3, 'FloorGiven'],
    ]);
    expect(events[0]).toEqual({
      meetingId,
      seq: 1,
      type: 'FloorRequested',
      data: { memberId: 'ana', kind: 'contribution' },
      at,
      prevHash: GENESIS_HASH,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
    expect(
      !first.duplicate && [...first.events, ...(second.duplicate ? [] : second.events)],
    ).toEqual(events);
    expect((await store.findMeeting(meetingId))?.version).toBe(3);
  });

  test('reading after a sequence number returns only the later events', async () => {
    const meetingId = await newMeeting();
    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: ['a', 'b', 'c', 'd'].map(floorRequested),
      result: null,
    });

    expect((await store.readEvents(meetingId, 2)).map((event) => event.seq)).toEqual([3, 4]);
    expect(await store.readEvents(meetingId, 4)).toEqual([]);
  });

  test('an event time is stored in UTC to the millisecond, as it was hashed', async () => {
    const meetingId = await newMeeting();
    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [
        { type: 'SessionOpened', data: {}, at: '2025-03-17T20:30:00+01:00' },
        { type: 'SessionClosed', data: {}, at: new Date(Date.UTC(2025, 2, 17, 23, 59, 59, 999)) },
      ],
      result: null,
    });

    const events = await store.readEvents(meetingId);
    expect(events.map((event) => event.at)).toEqual([
      '2025-03-17T19:30:00.000Z',
      '2025-03-17T23:59:59.999Z',
    ]);
    expect(checkChain(events)).toEqual({ intact: true });
  });

  test('appending at a stale expected version fails with VersionConflict and changes nothing', async () => {
    const meetingId = await newMeeting();
    const commit = (commandId: string, expectedVersion: number) =>
      store.commit({
        meetingId,
        issuedBy: 'ana',
        commandId,
        expectedVersion,
        events: [floorRequested(commandId)],
        result: null,
      });
    await commit('c1', 0);

    await expect(commit('c2', 0)).rejects.toThrow(VersionConflict);
    await expect(commit('c3', 5)).rejects.toThrow(VersionConflict);
    expect(await store.readEvents(meetingId)).toHaveLength(1);
    // The refused commands were not recorded as handled: they can be decided again and retried.
    await expect(commit('c2', 1)).resolves.toMatchObject({ duplicate: false, version: 2 });
  });

  test('two commits racing on one expected version cannot both win', async () => {
    const meetingId = await newMeeting();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        store.commit({
          meetingId,
          issuedBy: 'ana',
          commandId: `racer-${i}`,
          expectedVersion: 0,
          events: [floorRequested(`member-${i}`), floorRequested(`member-${i}-again`)],
          result: null,
        }),
      ),
    );

    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const reason of lost) expect(reason).toBeInstanceOf(VersionConflict);
    const events = await store.readEvents(meetingId);
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
    expect(checkChain(events)).toEqual({ intact: true });
  });

  test('two instances racing on one expected version cannot both win', async () => {
    const other = await openMeetingStore(await database.connect());
    const meetingId = await newMeeting();
    const outcomes = await Promise.allSettled(
      [store, other, store, other].map((racer, i) =>
        racer.commit({
          meetingId,
          issuedBy: 'ana',
          commandId: `racer-${i}`,
          expectedVersion: 0,
          events: [floorRequested(`member-${i}`)],
          result: null,
        }),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(await store.readEvents(meetingId)).toHaveLength(1);
    await other.close();
  });

  test('the primary key refuses a second event at one sequence number', async () => {
    const meetingId = await newMeeting();
    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [floorRequested('ana')],
      result: null,
    });

    await expect(
      db.query(
        `INSERT INTO events (meeting_id, seq, type, data, at, prev_hash, hash)
         VALUES ($1, 1, 'FloorRequested', '{}', now(), '', '')`,
        [meetingId],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  test('retrying a command id never applies it twice (50 concurrent retries)', async () => {
    const meetingId = await newMeeting();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        store.commit({
          meetingId,
          issuedBy: 'ana',
          commandId: 'request-floor-ana',
          expectedVersion: 0,
          events: [floorRequested('ana')],
          result: { position: 1 },
        }),
      ),
    );

    expect(outcomes.filter((outcome) => !outcome.duplicate)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.duplicate)).toHaveLength(49);
    for (const outcome of outcomes) {
      if (outcome.duplicate) expect(outcome.result).toEqual({ position: 1 });
    }
    expect(await store.readEvents(meetingId)).toHaveLength(1);
  });

  test('a retry returns the first result even after later commands moved the log on', async () => {
    const meetingId = await newMeeting();
    const requestFloor = {
      meetingId,
      issuedBy: 'ana',
      commandId: 'request-floor-ana',
      expectedVersion: 0,
      events: [floorRequested('ana')],
      result: { position: 1 },
    };
    await store.commit(requestFloor);
    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'request-floor-bram',
      expectedVersion: 1,
      events: [floorRequested('bram')],
      result: { position: 2 },
    });

    expect(await store.commit(requestFloor)).toEqual({ duplicate: true, result: { position: 1 } });
    expect(await store.readEvents(meetingId)).toHaveLength(2);
  });

  test('a command id is scoped to its meeting', async () => {
    const [first, second] = [await newMeeting(), await newMeeting()];
    for (const meetingId of [first, second]) {
      const outcome = await store.commit({
        meetingId,
        issuedBy: 'ana',
        commandId: 'same-id',
        expectedVersion: 0,
        events: [floorRequested('ana')],
        result: null,
      });
      expect(outcome.duplicate).toBe(false);
    }
  });

  test('a command id is its issuer’s own: the same id from another member is another command', async () => {
    const meetingId = await newMeeting();
    const requestFloor = (issuedBy: string, expectedVersion: number) =>
      store.commit({
        meetingId,
        issuedBy,
        commandId: 'request-floor',
        expectedVersion,
        events: [floorRequested(issuedBy)],
        result: { by: issuedBy },
      });

    expect(await requestFloor('ana', 0)).toMatchObject({ duplicate: false, version: 1 });
    expect(await requestFloor('bram', 1)).toMatchObject({ duplicate: false, version: 2 });
    expect(await requestFloor('ana', 2)).toEqual({ duplicate: true, result: { by: 'ana' } });
    expect(
      await store.commandResults(meetingId, [
        { issuedBy: 'bram', commandId: 'request-floor' },
        { issuedBy: 'chloe', commandId: 'request-floor' },
      ]),
    ).toEqual(
      new Map([[issuedKey({ issuedBy: 'bram', commandId: 'request-floor' }), { by: 'bram' }]]),
    );
  });

  test('in one group commit, one id from two issuers is two commands, and from one issuer one', async () => {
    const meetingId = await newMeeting();
    const commit = (issuedBy: string, expectedVersion: number) => ({
      meetingId,
      issuedBy,
      commandId: 'same-id',
      expectedVersion,
      events: [floorRequested(issuedBy)],
      result: { by: issuedBy },
    });

    const outcomes = await store.commitMany([
      commit('ana', 0),
      commit('bram', 1),
      commit('ana', 2),
    ]);

    expect(outcomes).toMatchObject([
      { duplicate: false, version: 1 },
      { duplicate: false, version: 2 },
      { duplicate: true, result: { by: 'ana' } },
    ]);
    expect(await store.readEvents(meetingId)).toHaveLength(2);
  });

  test('a commit to an unknown meeting fails with MeetingNotFound', async () => {
    await expect(
      store.commit({
        meetingId: randomUUID(),
        issuedBy: 'ana',
        commandId: 'c1',
        expectedVersion: 0,
        events: [floorRequested('ana')],
        result: null,
      }),
    ).rejects.toThrow(MeetingNotFound);
  });

  test('the hash chain links every event and a changed byte breaks it', async () => {
    const meetingId = await newMeeting();
    for (const [version, memberId] of ['ana', 'bram', 'chloé', 'dirk'].entries()) {
      await store.commit({
        meetingId,
        issuedBy: 'ana',
        commandId: `c${version}`,
        expectedVersion: version,
        events: [floorRequested(memberId)],
        result: null,
      });
    }
    const events = await store.readEvents(meetingId);
    expect(checkChain(events)).toEqual({ intact: true });
    events.slice(1).forEach((event, i) => {
      expect(event.prevHash).toBe(events[i]?.hash);
    });

    // An export, one byte changed: "chloé" becomes "chloe".
    const exported = JSON.stringify(events);
    const tampered = JSON.parse(exported.replace('chloé', 'chloe')) as typeof events;
    expect(checkChain(tampered)).toMatchObject({ intact: false, seq: 3 });

    // The database itself, changed behind the store's back.
    await db.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
    await db.query(
      `UPDATE events SET data = jsonb_set(data, '{memberId}', '"bramm"')
       WHERE meeting_id = $1 AND seq = 2`,
      [meetingId],
    );
    await db.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
    expect(checkChain(await store.readEvents(meetingId))).toMatchObject({ intact: false, seq: 2 });
  });

  test('the event log refuses updates and deletes', async () => {
    const meetingId = await newMeeting();
    await store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [floorRequested('ana')],
      result: null,
    });

    await expect(
      db.query(`UPDATE events SET type = 'FloorGiven' WHERE meeting_id = $1`, [meetingId]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM events WHERE meeting_id = $1', [meetingId])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('TRUNCATE events CASCADE')).rejects.toThrow(/append-only/);
    expect(await store.readEvents(meetingId)).toHaveLength(1);
  });
});

const postgres = freshPostgres();
if (postgres) {
  describe('the event log on PostgreSQL, behind the lock', () => {
    let database: TestDatabase;
    let store: MeetingStore;

    beforeAll(async () => {
      database = await postgres();
      store = await openMeetingStore(await database.connect());
    });
    afterAll(() => database.drop());

    test('a writer that skips the meeting lock is still stopped by the primary key', async () => {
      const meetingId = (await store.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' })).id;
      const intruder = await database.connect();
      let inserted!: () => void;
      let finish!: () => void;
      const insertedSeq1 = new Promise<void>((resolve) => (inserted = resolve));
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const intrusion = intruder.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO events (meeting_id, seq, type, data, at, prev_hash, hash)
           VALUES ($1, 1, 'Intruded', '{}', now(), '', '')`,
          [meetingId],
        );
        inserted();
        await finished;
      });
      await insertedSeq1;

      // The store reads version 0 (the intruder has not committed) and waits on the key.
      const commit = store.commit({
        meetingId,
        issuedBy: 'ana',
        commandId: 'c1',
        expectedVersion: 0,
        events: [floorRequested('ana')],
        result: null,
      });
      await waitUntilBlocked(intruder, database.schema ?? '');
      finish();
      await intrusion;

      await expect(commit).rejects.toThrow(VersionConflict);
      expect((await store.readEvents(meetingId)).map((event) => event.type)).toEqual(['Intruded']);
    });
  });
}

async function waitUntilBlocked(db: Db, applicationName: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    const waiting = await db.query(
      `SELECT 1 FROM pg_stat_activity
       WHERE application_name = $1 AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO events%'`,
      [applicationName],
    );
    if (waiting.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the commit never waited on the primary key');
}
