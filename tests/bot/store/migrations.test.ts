import { randomUUID } from 'node:crypto';
import { issuedKey, migrate, migrations, openMeetingStore } from '../../../bot/src/store';
import { testDatabases } from './databases';

describe.each(testDatabases())('migrations on %s', (_engine, fresh) => {
  test('two instances starting at once apply each migration once', async () => {
    const database = await fresh();
    try {
      const [first, second] = [await database.connect(), await database.connect()];
      const applied = await Promise.all([migrate(first), migrate(second)]);

      const all = migrations.map((migration) => migration.version);
      expect(applied).toContainEqual(all);
      expect(applied).toContainEqual([]);
      const recorded = await first.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(recorded.map((row) => row.version)).toEqual(all);
    } finally {
      await database.drop();
    }
  });

  test('migrations run twice are harmless', async () => {
    const database = await fresh();
    try {
      const db = await database.connect();
      const store = await openMeetingStore(db);
      const meeting = await store.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' });

      expect(await migrate(db)).toEqual([]);
      expect(await migrate(db)).toEqual([]);
      expect(await store.findMeeting(meeting.id)).toEqual(meeting);
    } finally {
      await database.drop();
    }
  });

  test('results stored before command ids were scoped to their issuer keep answering that issuer only', async () => {
    const database = await fresh();
    try {
      const db = await database.connect();
      await migrate(db, { upTo: 2 });
      const meetingId = randomUUID();
      await db.query("INSERT INTO meetings (id, tenant_id) VALUES ($1, 'tenant-a')", [meetingId]);
      await db.query(
        `INSERT INTO events (meeting_id, seq, type, data, at, prev_hash, hash) VALUES
         ($1, 1, 'FloorRequested', '{"by": "ana"}', now(), '', ''),
         ($1, 2, 'FloorRequested', '{"by": "bram"}', now(), '', '')`,
        [meetingId],
      );
      await db.query(
        `INSERT INTO commands (meeting_id, command_id, result) VALUES
         ($1, 'by-ana', '{"ok": true, "version": 1}'),
         ($1, 'by-bram', '{"ok": true, "version": 2}'),
         ($1, 'unknown', '{"position": "first"}')`,
        [meetingId],
      );

      const store = await openMeetingStore(db);
      const asked = ['ana', 'bram', ''].flatMap((issuedBy) =>
        ['by-ana', 'by-bram', 'unknown'].map((commandId) => ({ issuedBy, commandId })),
      );
      const handled = await store.commandResults(meetingId, asked);

      expect(handled).toEqual(
        new Map([
          [issuedKey({ issuedBy: 'ana', commandId: 'by-ana' }), { ok: true, version: 1 }],
          [issuedKey({ issuedBy: 'bram', commandId: 'by-bram' }), { ok: true, version: 2 }],
          // Kept on record under no one's name: it answers no caller's command.
          [issuedKey({ issuedBy: '', commandId: 'unknown' }), { position: 'first' }],
        ]),
      );
    } finally {
      await database.drop();
    }
  });

  test('the sealed box’s migration refuses to drop the counters of a secret vote not yet counted, naming its meeting', async () => {
    const database = await fresh();
    try {
      const db = await database.connect();
      await migrate(db, { upTo: 6 });
      const [waiting, counted] = [randomUUID(), randomUUID()];
      for (const meetingId of [waiting, counted]) {
        await db.query("INSERT INTO meetings (id, tenant_id) VALUES ($1, 'tenant-a')", [meetingId]);
      }
      await db.query(
        `INSERT INTO ballot_boxes (vote_id, meeting_id, closed) VALUES
         ('vote-open', $1, false), ('vote-closed', $1, true), ('vote-counted', $2, true)`,
        [waiting, counted],
      );
      await db.query(
        `INSERT INTO ballot_counters (vote_id, choice, count) VALUES
         ('vote-open', 'yes', 2), ('vote-closed', 'no', 1), ('vote-counted', 'yes', 3)`,
      );
      await db.query(
        `INSERT INTO events (meeting_id, seq, type, data, at, prev_hash, hash) VALUES
         ($1, 1, 'VoteCounted', '{"type": "VoteCounted", "voteId": "vote-counted"}', now(), '', '')`,
        [counted],
      );

      const refused = migrate(db);
      await expect(refused).rejects.toThrow(`meeting ${waiting} (votes vote-closed, vote-open)`);
      await expect(migrate(db)).rejects.toThrow('close and count them with the previous version');
      await expect(migrate(db)).rejects.not.toThrow(counted);
      const left = await db.query('SELECT sum(count)::int AS ballots FROM ballot_counters');
      expect(left).toEqual([{ ballots: 6 }]);
      const versions = await db.query('SELECT max(version) AS version FROM schema_migrations');
      expect(versions).toEqual([{ version: 6 }]);

      await db.query(
        `INSERT INTO events (meeting_id, seq, type, data, at, prev_hash, hash) VALUES
         ($1, 1, 'VoteCounted', '{"type": "VoteCounted", "voteId": "vote-open"}', now(), '', ''),
         ($1, 2, 'VoteCounted', '{"type": "VoteCounted", "voteId": "vote-closed"}', now(), '', '')`,
        [waiting],
      );
      expect(await migrate(db, { upTo: 7 })).toEqual([7]);
    } finally {
      await database.drop();
    }
  });
});
