import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { parseConfig } from '../../../bot/src/config';
import { municipalitySlug } from '../../../bot/src/public/address';
import { openMeetingStore, openServiceStore, type MeetingStore } from '../../../bot/src/store';
import { openDemoMeeting } from '../support/meeting';
import { demo, startService, type RunningService } from '../support/service';
import { testDatabases } from './databases';

const insufficientPrivilege = '42501';

describe('who migrates the database', () => {
  test('an owner connection that logs in as the service role is refused at boot', () => {
    expect(() =>
      parseConfig({
        DATABASE_URL: 'postgres://council_app:x@db.example:5432/council',
        DATABASE_MIGRATION_URL: 'postgres://council_app:y@db.example:5432/council',
      }),
    ).toThrow(/DATABASE_MIGRATION_URL: must log in as the owner/);
    expect(() =>
      parseConfig({ DATABASE_MIGRATION_URL: 'postgres://owner:y@db.example:5432/council' }),
    ).toThrow(/DATABASE_MIGRATION_URL: needs DATABASE_URL/);
  });
});

describe.each(testDatabases())('a service that may not migrate, on %s', (_engine, fresh) => {
  test('it refuses to start on a database the owner has not migrated, and creates nothing', async () => {
    const database = await fresh();
    try {
      const db = await database.connect();
      await expect(openMeetingStore(db, { migrations: 'expect' })).rejects.toThrow(
        /schema is at version 0.*run the migrations as the owner/,
      );
      const tables = await db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      expect(tables).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});

const url = process.env.TEST_DATABASE_URL;
if (url) {
  describe('the service role on PostgreSQL, migrated by the owner', () => {
    const suffix = randomBytes(5).toString('hex');
    const schema = `least_privilege_${suffix}`;
    const role = `council_app_${suffix}`;
    const password = randomBytes(12).toString('hex');
    const admin = new pg.Client({ connectionString: url });
    let asService: pg.Client;
    let running: RunningService;
    let store: MeetingStore;

    const inSchema = (connectionString: string) => {
      const withPath = new URL(connectionString);
      withPath.searchParams.set('options', `-c search_path=${schema}`);
      return withPath.toString();
    };
    const serviceUrl = () => {
      const asRole = new URL(inSchema(url));
      asRole.username = role;
      asRole.password = password;
      return asRole.toString();
    };

    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      await admin.query(`CREATE SCHEMA ${schema}`);
      const opened = await openServiceStore({
        databaseUrl: serviceUrl(),
        migrationUrl: inSchema(url),
      });
      store = opened.store;
      running = await startService(undefined, opened);
      asService = new pg.Client({ connectionString: serviceUrl() });
      await asService.connect();
    });

    afterAll(async () => {
      await asService.end();
      await running.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.query(`DROP ROLE ${role}`);
      await admin.end();
    });

    const refusal = (sql: string) =>
      asService.query(sql).then(
        () => 'allowed',
        (error: unknown) => {
          const { code, message } = error as { code?: string; message: string };
          return `${code ?? ''} ${message}`;
        },
      );

    test('a whole sitting runs over HTTP: roll call, a secret ballot closed and published', async () => {
      const council = await openDemoMeeting(running, 30, demo, { tellers: {} });
      for (let i = 0; i < 4; i++) {
        expect((await council.chair.command(council.meetingId, { type: 'NextItem' })).status).toBe(
          200,
        );
      }
      expect((await council.chair.command(council.meetingId, { type: 'OpenVote' })).status).toBe(
        200,
      );
      const meeting = await council.chair.get(`/api/meetings/${council.meetingId}`);
      const voteId = (meeting.body.meeting as { openVoteId: string }).openVoteId;
      const candidate = demo.agenda[4]?.candidates?.[0];
      const choice = candidate && 'aadObjectId' in candidate ? candidate.aadObjectId : '';
      const ballots = await Promise.all(
        council.members
          .slice(0, 20)
          .map((member) =>
            member.command(council.meetingId, { type: 'CastBallot', voteId, choice }),
          ),
      );
      expect(ballots.map((reply) => reply.status)).toEqual(ballots.map(() => 200));
      const again = await council.members[0]?.command(council.meetingId, {
        type: 'CastBallot',
        voteId,
        choice,
      });
      expect(again?.status).toBe(409);
      expect(
        (await council.chair.command(council.meetingId, { type: 'CloseVote', voteId })).status,
      ).toBe(200);
      await council.tellers?.counted(voteId);
      expect(
        (await council.director.command(council.meetingId, { type: 'PublishResult', voteId }))
          .status,
      ).toBe(200);
      expect(await store.board(voteId)).toHaveLength(20);
    });

    test('the bot remembers, claims, leases and forgets in its chat memory', async () => {
      const memory = store.chatMemory;
      await memory.remember('conversation', { id: 'a' });
      await memory.merge('conversation', { card: 'b' });
      expect(await memory.recall('conversation')).toEqual({ id: 'a', card: 'b' });
      expect(await memory.claim('claimed', true)).toBe(true);
      expect(await memory.lease('lease', 'instance-1', 60_000)).toBe(true);
      expect(await memory.lease('lease', 'instance-2', 60_000)).toBe(false);
      await memory.forget('conversation');
      expect(await memory.recall('conversation')).toBeUndefined();
    });

    test('a page the public reads is kept on the shelf of published pages by the service role', async () => {
      const council = await openDemoMeeting(running, 9, {
        ...demo,
        members: demo.members.slice(0, 9),
      });
      const agenda = await fetch(
        `${running.url}/public/${municipalitySlug(demo.municipality.name)}/${council.meetingId}/agenda`,
      );
      expect(agenda.status).toBe(200);
      const page = Buffer.from(await agenda.arrayBuffer());
      const hash = createHash('sha256').update(page).digest('hex');
      expect((await store.publishedPages.find(council.meetingId, hash))?.equals(page)).toBe(true);
    });

    test.each(['events', 'commands', 'ballot_participation', 'sealed_ballots', 'published_pages'])(
      'the service role may not rewrite, delete or empty %s: the privilege is refused, not only the trigger',
      async (table) => {
        for (const sql of [
          `UPDATE ${table} SET meeting_id = meeting_id`,
          `DELETE FROM ${table}`,
          `TRUNCATE ${table}`,
        ].map((statement) =>
          table === 'ballot_participation'
            ? statement.replace('meeting_id = meeting_id', 'member_id = member_id')
            : statement,
        )) {
          expect(await refusal(sql)).toMatch(
            new RegExp(`^${insufficientPrivilege} permission denied for table ${table}`),
          );
        }
        const [count] = (await admin.query(`SELECT count(*)::int AS n FROM ${schema}.${table}`))
          .rows as { n: number }[];
        expect(count?.n).toBeGreaterThan(0);
      },
    );

    test('the service role may not create, alter or drop anything', async () => {
      expect(await refusal('CREATE TABLE rewritten (id int)')).toMatch(
        new RegExp(`^${insufficientPrivilege} permission denied for schema ${schema}`),
      );
      expect(await refusal('ALTER TABLE events DISABLE TRIGGER events_append_only')).toMatch(
        new RegExp(`^${insufficientPrivilege} must be owner of table events`),
      );
      expect(await refusal('DROP TABLE events')).toMatch(
        new RegExp(`^${insufficientPrivilege} must be owner of table events`),
      );
      expect(await refusal(`UPDATE sealed_ballots SET tracker = tracker`)).toMatch(
        new RegExp(`^${insufficientPrivilege} permission denied for table sealed_ballots`),
      );
    });

    test('on a first deployment the owner makes the service role, and only a SCRAM verifier of its password reaches the server', async () => {
      const newRole = `council_new_${suffix}`;
      const newSchema = `${schema}_new`;
      const newPassword = `pw-${randomBytes(9).toString('hex')}`;
      await admin.query(`CREATE SCHEMA ${newSchema}`);
      try {
        const asNew = new URL(url);
        asNew.searchParams.set('options', `-c search_path=${newSchema}`);
        const ownerUrl = asNew.toString();
        asNew.username = newRole;
        asNew.password = newPassword;
        const opened = await openServiceStore({
          databaseUrl: asNew.toString(),
          migrationUrl: ownerUrl,
        });
        await opened.store.close();
        const { rows } = await admin.query<{ rolcanlogin: boolean; rolpassword: string }>(
          'SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = $1',
          [newRole],
        );
        expect(rows[0]?.rolcanlogin).toBe(true);
        expect(rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
        expect(rows[0]?.rolpassword).not.toContain(newPassword);
      } finally {
        await admin.query(`DROP SCHEMA ${newSchema} CASCADE`);
        await admin.query(`DROP ROLE IF EXISTS ${newRole}`);
      }
    });

    test('the owner holds every table, and the service role owns nothing', async () => {
      const { rows } = await admin.query<{ owner: string }>(
        `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = $1`,
        [schema],
      );
      expect(rows.map((row) => row.owner)).toEqual([new URL(url).username]);
    });
  });
}
