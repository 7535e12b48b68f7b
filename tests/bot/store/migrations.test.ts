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
});
