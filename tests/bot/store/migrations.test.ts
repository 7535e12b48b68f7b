import { randomUUID } from 'node:crypto';
import { migrate, migrations, openMeetingStore } from '../../../bot/src/store';
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
});
