import { testDatabases, type TestDatabase } from './store/databases';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type Person,
  type RunningService,
} from './support/service';

/** The demo council with another director, as someone copying the real roster would file it. */
const councilDirectedBy = (aadObjectId: string) => ({
  ...demo,
  director: { ...demo.director, aadObjectId },
  members: demo.members.filter((m) => m.aadObjectId !== aadObjectId),
});

/** A smaller body of the same tenant: its chair and four councillors, not the others. */
const committee = {
  ...demo,
  meeting: { ...demo.meeting, title: 'Commission des finances' },
  members: demo.members.slice(0, 5),
};

const titles = async (person: Person) => {
  const reply = await person.get('/api/meetings');
  expect(reply.status).toBe(200);
  return (reply.body.meetings as { title: string; role: string | null }[]).map(
    (m) => `${m.title} (${m.role ?? 'no role'})`,
  );
};

const CLERK = 'clerk-of-the-council';

describe.each(testDatabases())(
  'who creates meeting records, and who sees them, on %s',
  (_engine, fresh) => {
    let database: TestDatabase;
    let running: RunningService;
    let director: Person;
    let chair: Person;
    let councillor: Person;
    let outsider: Person;
    let stranger: Person;
    let councilId: string;

    beforeAll(async () => {
      database = await fresh();
      running = await startService(undefined, {
        db: await database.connect(),
        env: { MEETING_CREATORS: `someone-else, ${CLERK}` },
      });
      director = personOf(running, demo.director.aadObjectId);
      chair = personOf(running, demo.members[0]?.aadObjectId ?? '');
      councillor = personOf(running, demo.members[1]?.aadObjectId ?? '');
      outsider = personOf(running, demo.members[10]?.aadObjectId ?? '');
      stranger = personOf(running, 'someone-of-the-tenant');
    });
    afterAll(async () => {
      await running.close();
      await database.drop();
    });

    test('a councillor without the secretariat role cannot create a meeting record, even as its director', async () => {
      const reply = await councillor.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: councilDirectedBy(councillor.id),
      });
      expect(reply).toMatchObject({
        status: 403,
        body: {
          code: 'NOT_MEETING_CREATOR',
          message: 'Only the council secretariat may create a meeting.',
        },
      });
      expect(await running.db.query('SELECT id FROM meetings')).toEqual([]);
    });

    test('the director holding the secretariat role creates the council’s meeting', async () => {
      const created = await director.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: demo,
      });
      expect(created.status).toBe(201);
      councilId = created.body.meetingId as string;
      expect(
        (
          await director.command(councilId, {
            type: 'ConveneMeeting',
            place: 'Council chamber',
            reason: 'Chamber under renovation',
          })
        ).status,
      ).toBe(200);
      expect(await titles(director)).toEqual([`${demo.meeting.title} (director)`]);
    });

    test('someone named in MEETING_CREATORS creates meeting records without the role', async () => {
      const clerk = personOf(running, CLERK);
      const created = await clerk.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: { ...committee, director: { ...demo.director, aadObjectId: CLERK } },
      });
      expect(created.status).toBe(201);
      expect(await titles(clerk)).toEqual(['Commission des finances (director)']);
    });

    test('each member’s list holds only the meetings whose roster holds them', async () => {
      expect(await titles(chair)).toEqual([
        `${demo.meeting.title} (chair)`,
        'Commission des finances (chair)',
      ]);
      expect(await titles(outsider)).toEqual([`${demo.meeting.title} (councillor)`]);
      expect(await titles(stranger)).toEqual([]);
    });

    test('a tenant that lists convened meetings to everyone shows them, without a role, and never a draft', async () => {
      const open = await startService(undefined, {
        db: await database.connect(),
        env: { LIST_CONVENED_MEETINGS: 'true' },
      });
      try {
        expect(await titles(personOf(open, stranger.id))).toEqual([
          `${demo.meeting.title} (no role)`,
        ]);
        expect(await titles(personOf(open, outsider.id))).toEqual([
          `${demo.meeting.title} (councillor)`,
        ]);
      } finally {
        await open.close();
      }
    });

    test('a meeting stored before its summary was kept is listed again once the service starts', async () => {
      await running.db.query('DELETE FROM meeting_summaries WHERE meeting_id = $1', [councilId]);
      expect(await titles(outsider)).toEqual([]);
      const restarted = await startService(undefined, { db: await database.connect() });
      try {
        expect(await titles(personOf(restarted, outsider.id))).toEqual([
          `${demo.meeting.title} (councillor)`,
        ]);
      } finally {
        await restarted.close();
      }
    });
  },
);
