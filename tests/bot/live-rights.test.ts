import type { Meeting, Member } from '@council/shared';
import { createAuthenticator } from '../../bot/src/auth';
import { testDatabases, type TestDatabase } from './store/databases';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type Person,
  type RunningService,
} from './support/service';
import { readStream, type Received } from './support/sse';

const closedItem = 'item-8';

interface Followed {
  readonly events: Received[];
  readonly data: string[];
  /** Why the service ended each stream it ended. */
  readonly ends: (string | undefined)[];
}

/** Reads a meeting's stream as the tab does: when the service ends it, again from Last-Event-ID. */
async function follow(
  url: string,
  token: string,
  after: number,
  done: (events: Received[]) => boolean,
): Promise<Followed> {
  const followed: Followed = { events: [], data: [], ends: [] };
  for (let attempt = 0; attempt < 3 && !done(followed.events); attempt += 1) {
    const read = await readStream(url, token, {
      lastEventId: followed.events.at(-1)?.id ?? after,
      until: (events) => done([...followed.events, ...events]),
      onData: (_id, data) => followed.data.push(data),
      onEnd: (reason) => followed.ends.push(reason),
    });
    followed.events.push(...read);
  }
  return followed;
}

async function streamsOpen(running: RunningService, count: number): Promise<void> {
  while (running.service.hub.streams < count) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(testDatabases())(
  'a live stream follows the reader’s rights on %s',
  (_name, fresh) => {
    let database: TestDatabase;
    let running: RunningService;
    let director: Person;
    let chair: Person;
    let meetingId: string;
    let convened: number;

    async function must(person: Person, command: unknown): Promise<number> {
      const reply = await person.command(meetingId, command);
      if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
      return reply.body.version as number;
    }

    /** The roster as it stands, with `change` applied to the member with this id. */
    async function rosterWith(id: string, change: (member: Member) => Member | null) {
      const meeting = (await director.get(`/api/meetings/${meetingId}`)).body.meeting as Meeting;
      return meeting.setup.roster.flatMap((member) => {
        const changed = member.id === id ? change(member) : member;
        return changed ? [changed] : [];
      });
    }

    beforeEach(async () => {
      database = await fresh();
      running = await startService(undefined, { db: await database.connect() });
      director = personOf(running, demo.director.aadObjectId);
      chair = personOf(running, demo.members[0]?.aadObjectId ?? '');
      const created = await director.call('POST', '/api/meetings', {
        commandId: nextCommandId(),
        council: demo,
      });
      meetingId = created.body.meetingId as string;
      convened = await must(director, {
        type: 'ConveneMeeting',
        place: 'Council chamber',
        reason: 'Chamber under renovation',
      });
    });
    afterEach(async () => {
      await running.close();
      await database.drop();
    });

    test('a councillor made an observer while their stream is open receives nothing of a closed item', async () => {
      const councillor = demo.members[5]?.aadObjectId ?? '';
      const speaker = personOf(running, demo.members[1]?.aadObjectId ?? '');
      const reading = follow(
        `${running.url}/api/meetings/${meetingId}/stream`,
        await running.tokenFor(councillor),
        convened,
        (events) => events.some((e) => e.type === 'MeetingClosed'),
      );
      await streamsOpen(running, 1);

      await must(director, {
        type: 'ReviseRoster',
        roster: await rosterWith(councillor, (member) => ({ ...member, role: 'observer' })),
      });
      await must(chair, { type: 'OpenMeeting' });
      await must(speaker, { type: 'CheckIn' });
      for (let item = 1; item <= 8; item += 1) await must(chair, { type: 'NextItem' });
      await must(speaker, { type: 'RequestFloor', kind: 'contribution' });
      await must(chair, { type: 'CloseMeeting' });

      const followed = await reading;
      expect(followed.events.map((e) => e.type)).toContain('MeetingOpened');
      expect(followed.events.filter((e) => e.type === 'ItemTakenUp')).toHaveLength(7);
      expect(followed.events.map((e) => e.type)).not.toContain('FloorRequested');
      for (const data of followed.data) expect(data).not.toContain(closedItem);
      expect(followed.ends[0]).toBe('reader-changed');
    });

    test('a member taken off the roster loses the stream they had as a member', async () => {
      const councillor = demo.members[6]?.aadObjectId ?? '';
      const ends: (string | undefined)[] = [];
      const reading = readStream(
        `${running.url}/api/meetings/${meetingId}/stream`,
        await running.tokenFor(councillor),
        { lastEventId: convened, until: () => false, onEnd: (reason) => ends.push(reason) },
      );
      await streamsOpen(running, 1);
      await must(director, {
        type: 'ReviseRoster',
        roster: await rosterWith(councillor, () => null),
      });

      expect(await reading).toEqual([]);
      expect(ends).toEqual(['reader-changed']);
      expect(running.service.hub.streams).toBe(0);
    });
  },
);

test('a stream is closed by the service when the token that opened it expires', async () => {
  const signIn = await createAuthenticator({
    mode: 'dev',
    server: { host: '127.0.0.1', nodeEnv: 'test' },
    dev: { tokenLifetimeSeconds: 2, clockSkewSeconds: 0 },
  });
  const running = await startService(undefined, { signIn });
  try {
    const director = personOf(running, demo.director.aadObjectId);
    const created = await director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: demo,
    });
    const ends: (string | undefined)[] = [];
    const events = await readStream(
      `${running.url}/api/meetings/${created.body.meetingId as string}/stream`,
      await running.tokenFor(demo.director.aadObjectId),
      { until: () => false, timeoutMs: 10_000, onEnd: (reason) => ends.push(reason) },
    );
    expect(events.map((e) => e.type)).toEqual(['MeetingCreated']);
    expect(ends).toEqual(['token-expired']);
  } finally {
    await running.close();
  }
});
