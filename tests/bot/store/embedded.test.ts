import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDb, openMeetingStore, pgliteDb } from '../../../bot/src/store';
import { pgliteTemplate } from './databases';

test('the embedded database keeps its meetings in its data folder across restarts', async () => {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'council-store-')), 'data');
  try {
    // A fresh folder would take a run of initdb; start it from the tests' template instead.
    const first = await openMeetingStore(
      pgliteDb(await PGlite.create(dataDir, { loadDataDir: await pgliteTemplate() })),
    );
    const meeting = await first.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' });
    await first.commit({
      meetingId: meeting.id,
      issuedBy: 'ana',
      commandId: 'c1',
      expectedVersion: 0,
      events: [{ type: 'SessionOpened', data: {}, at: '2025-03-17T19:30:00.000Z' }],
      result: null,
    });
    await first.close();

    const db = await openDb({ dataDir });
    expect(db.engine).toBe('pglite');
    const again = await openMeetingStore(db);
    expect(await again.findMeeting(meeting.id)).toEqual({ ...meeting, version: 1 });
    expect(await again.readEvents(meeting.id)).toHaveLength(1);
    await again.close();
  } finally {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  }
});

const databaseUrl = process.env.TEST_DATABASE_URL;
if (databaseUrl) {
  test('a database URL opens PostgreSQL', async () => {
    const db = await openDb({ databaseUrl, dataDir: '/nonexistent' });
    expect(db.engine).toBe('postgres');
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
  });
}
