import { randomUUID } from 'node:crypto';
import {
  councilFileSchema,
  meetingSetupSchema,
  setupFromCouncilFile,
  type WireCommand,
} from '../../shared/src';
import { createLogger } from '../../bot/src/log';
import { footprintOf } from '../../bot/src/meetings/footprint';
import { createMeetingService, type MeetingService } from '../../bot/src/meetings/service';
import { openMeetingStore, type MeetingStore } from '../../bot/src/store';
import { testDatabases, type TestDatabase } from './store/databases';
import { demo } from './support/service';

/**
 * The service holds a bounded number of meetings in memory: months of meetings must not all stay
 * there. A meeting let go is read again from its log when next asked for, and nothing is lost.
 */
describe.each(testDatabases())('meetings held in memory, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let store: MeetingStore;
  let meetings: MeetingService;
  /** The meetings whose whole log was read (a first load, or again after being let go). */
  const wholeReads: string[] = [];

  const council = councilFileSchema.parse(demo);
  const director = council.director.aadObjectId;
  const members = council.members.map((m) => m.aadObjectId);
  const chair = members[0] as string;

  beforeAll(async () => {
    database = await fresh();
    const real = await openMeetingStore(await database.connect());
    store = new Proxy(real, {
      get(target, key, receiver) {
        if (key !== 'readEvents') return Reflect.get(target, key, receiver) as unknown;
        return (meetingId: string, afterSeq?: number) => {
          if (!afterSeq) wholeReads.push(meetingId);
          return target.readEvents(meetingId, afterSeq);
        };
      },
    });
    meetings = createMeetingService(store, createLogger('silent'), { heldMeetings: 2 });
  });
  afterAll(() => database.drop());

  /** A meeting of the demo council, created by its director: its id. */
  async function createMeeting(service = meetings): Promise<string> {
    const created = await service.create(demo.tenantId, {
      commandId: randomUUID(),
      by: director,
      command: {
        type: 'CreateMeeting',
        setup: meetingSetupSchema.parse(setupFromCouncilFile(council)),
      },
    });
    expect(created.ok).toBe(true);
    return created.meetingId;
  }

  const must = async (meetingId: string, by: string, command: WireCommand) => {
    const answer = await meetings.execute({ meetingId, commandId: randomUUID(), by, command });
    expect({ command: command.type, ok: answer.ok }).toEqual({ command: command.type, ok: true });
  };

  test('three meetings in session with room for two: each is let go and read again, and every command counts once', async () => {
    const ids: string[] = [];
    for (const _ of [1, 2, 3]) {
      ids.push(await createMeeting());
    }
    for (const id of ids)
      await must(id, director, {
        type: 'ConveneMeeting',
        place: 'Council chamber',
        reason: 'Chamber under renovation',
      });
    for (const id of ids) await must(id, chair, { type: 'OpenMeeting' });
    wholeReads.length = 0;

    // Taking turns, so that each meeting has been let go before its next command.
    const arriving = members.slice(0, 20);
    for (const member of arriving) {
      for (const id of ids) await must(id, member, { type: 'CheckIn' });
    }
    for (const id of ids) {
      expect(wholeReads.filter((read) => read === id).length).toBe(arriving.length);
    }

    for (const id of ids) {
      const loaded = await meetings.load(id);
      if (!loaded || loaded.state.status === 'none') throw new Error('meeting not found');
      const present = Object.entries(loaded.state.attendance)
        .filter(([, attendance]) => attendance.status === 'present')
        .map(([member]) => member);
      expect(present.sort()).toEqual([...arriving].sort());
      expect(loaded.version).toBe((await store.findMeeting(id))?.version);
    }
    const again = await meetings.execute({
      meetingId: ids[0] as string,
      commandId: randomUUID(),
      by: arriving[0] as string,
      command: { type: 'CheckIn' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_PRESENT' } });
  });

  test('a meeting used again and again stays held while others come and go', async () => {
    const busy = await createMeeting();
    await must(busy, director, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    });
    wholeReads.length = 0;
    for (const member of members.slice(0, 10)) {
      await must(busy, member, { type: 'CheckIn' });
      await createMeeting();
    }
    expect(wholeReads.filter((read) => read === busy)).toEqual([]);
  });

  test('the memory held is bounded too: meetings past the byte budget are let go, however few', async () => {
    const log = createLogger('silent');
    const roomy = createMeetingService(store, log, { heldMeetings: 100 });
    const ids = [
      await createMeeting(roomy),
      await createMeeting(roomy),
      await createMeeting(roomy),
    ];
    const one = await roomy.load(ids[0] as string);
    if (!one) throw new Error('meeting not found');
    const tight = createMeetingService(store, log, {
      heldMeetings: 100,
      heldBytes: Math.floor(footprintOf(one) * 2.5),
    });
    const wholeReadsOf = async (service: MeetingService) => {
      for (const id of ids) await service.load(id);
      wholeReads.length = 0;
      for (const id of ids) await service.load(id);
      return wholeReads.length;
    };
    expect(await wholeReadsOf(roomy)).toBe(0);
    expect(await wholeReadsOf(tight)).toBe(ids.length);
  });
});
