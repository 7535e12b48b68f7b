/**
 * The shelf of published pages: the exact bytes of each page the register of publications records,
 * by their SHA-256, kept once and never changed, even by a statement that goes past the service.
 */
import { createHash, randomUUID } from 'node:crypto';
import { openMeetingStore, type Db, type MeetingStore } from '../../../bot/src/store';
import { testDatabases, type TestDatabase } from './databases';

const page = Buffer.from('<!doctype html><title>Agenda</title><p>Item 1</p>', 'utf8');
const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(testDatabases())('the published pages on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let db: Db;
  let store: MeetingStore;
  let meetingId: string;

  beforeAll(async () => {
    database = await fresh();
    db = await database.connect();
    store = await openMeetingStore(db);
    meetingId = (await store.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' })).id;
  });
  afterAll(() => database.drop());

  test('a page is kept under the SHA-256 of its bytes, once: keeping it again changes nothing', async () => {
    const shelf = store.publishedPages;
    expect(await shelf.keep(meetingId, page)).toBe(hashOf(page));
    expect(await shelf.keep(meetingId, page)).toBe(hashOf(page));
    expect((await shelf.find(meetingId, hashOf(page)))?.equals(page)).toBe(true);
    expect(await shelf.find(meetingId, 'f'.repeat(64))).toBeUndefined();
    const rows = await db.query('SELECT count(*)::int AS n FROM published_pages');
    expect(rows).toEqual([{ n: 1 }]);
  });

  test('a kept page is never changed, deleted or emptied, even by the owner', async () => {
    await store.publishedPages.keep(meetingId, page);
    await expect(
      db.query("UPDATE published_pages SET page = 'x'::bytea WHERE meeting_id = $1", [meetingId]),
    ).rejects.toThrow(/published_pages is append-only/);
    await expect(
      db.query('DELETE FROM published_pages WHERE meeting_id = $1', [meetingId]),
    ).rejects.toThrow(/published_pages is append-only/);
    await expect(db.query('TRUNCATE published_pages')).rejects.toThrow(
      /published_pages is append-only/,
    );
    expect((await store.publishedPages.find(meetingId, hashOf(page)))?.equals(page)).toBe(true);
  });
});
