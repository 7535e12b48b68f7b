import { databases, overHttp } from './support/over-http';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, startService, type Person, type RunningService } from './support/service';
import { readStream } from './support/sse';

/** The demo council cut to 9 members in office, all present, on item 1. */
const nineMembers = { ...demo, members: demo.members.slice(0, 9) };
const itemTitle = (n: number) => demo.agenda[n - 1]?.title.fr ?? '';

describe.each(databases)('agenda control over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;

  beforeAll(async () => {
    running = await startService(databaseUrl);
  });
  afterAll(() => running.close());
  beforeEach(async () => {
    sitting = await openDemoMeeting(running, 9, nineMembers);
  });

  const { ok, read } = overHttp(() => sitting.meetingId);

  test('a withdrawn item cannot be taken up: a 409 with its code, and nothing changes', async () => {
    const { chair } = sitting;
    await ok(chair, { type: 'WithdrawItem', itemId: 'item-2', reason: 'Dossier incomplet' });
    const before = await read(chair);
    expect(before.meeting.agendaProgress.setAside['item-2']).toMatchObject({
      how: 'withdrawn',
      by: chair.id,
      reason: 'Dossier incomplet',
    });
    const refused = await chair.command(sitting.meetingId, {
      type: 'TakeUpItem',
      itemId: 'item-2',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ITEM_SET_ASIDE');
    expect((await read(chair)).version).toBe(before.version);
    await ok(chair, { type: 'NextItem' });
    expect((await read(chair)).meeting.currentItemId).toBe('item-3');
  });

  test('the chair jumps to an item; an unknown item is a 404 and a councillor is refused', async () => {
    const { chair, members } = sitting;
    await ok(chair, { type: 'TakeUpItem', itemId: 'item-6' });
    expect((await read(chair)).meeting.currentItemId).toBe('item-6');
    const unknown = await chair.command(sitting.meetingId, {
      type: 'TakeUpItem',
      itemId: 'item-99',
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ITEM_NOT_FOUND']);
    const councillor = members[3] as Person;
    const refused = await councillor.command(sitting.meetingId, {
      type: 'PostponeItem',
      itemId: 'item-7',
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_AUTHORIZED']);
  });

  test('once the council votes an item behind closed doors, the observer’s view and stream get nothing of it', async () => {
    const { chair, observer, members } = sitting;
    const { version: start } = await read(observer);
    await ok(chair, { type: 'MoveToClosedSession' });
    const voteId = (await read(chair)).meeting.openVoteId ?? '';
    const nine = members.slice(0, 9);
    for (const [i, member] of nine.entries()) {
      await ok(member, { type: 'CastBallot', voteId, choice: i < 7 ? 'yes' : 'no' });
    }
    await ok(members[2] as Person, { type: 'RequestFloor', kind: 'contribution' });

    const seen = (await read(observer)).meeting;
    expect(seen.behindClosedDoors).toBe(true);
    expect(seen.currentItemId).toBeNull();
    expect(seen.setup.agenda.map((item) => item.id)).not.toContain('item-1');
    expect(seen.votes).toEqual({});
    expect(JSON.stringify(seen)).not.toContain(itemTitle(1));
    expect((await read(chair)).meeting.agendaProgress.closedInSitting['item-1']).toMatchObject({
      reason: 'vote',
      voteId,
    });

    await ok(chair, { type: 'NextItem' });
    const data: string[] = [];
    const events = await readStream(
      `${running.url}/api/meetings/${sitting.meetingId}/stream`,
      await running.tokenFor(demo.observer.aadObjectId),
      {
        lastEventId: start,
        until: (received) => received.some((e) => e.type === 'ItemTakenUp'),
        onData: (_id, text) => data.push(text),
      },
    );
    const types = events.map((e) => e.type);
    expect(types).toContain('SessionClosed');
    for (const hidden of ['VoteOpened', 'BallotCast', 'VoteClosed', 'FloorRequested']) {
      expect(types).not.toContain(hidden);
    }
    for (const text of data) expect(text).not.toContain(itemTitle(1));
    expect((await read(observer)).meeting.currentItemId).toBe('item-2');
  });

  test('closed session pronounced for persons; closing it again is a 409 that changes nothing', async () => {
    const { chair } = sitting;
    await ok(chair, { type: 'MoveToClosedSession', because: 'person' });
    const before = await read(chair);
    expect(before.meeting.behindClosedDoors).toBe(true);
    const again = await chair.command(sitting.meetingId, { type: 'MoveToClosedSession' });
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_CLOSED_SESSION']);
    expect((await read(chair)).version).toBe(before.version);
  });

  test('an urgent item declared by two thirds is appended to the agenda, marked urgent', async () => {
    const { chair, members } = sitting;
    await ok(chair, { type: 'ProposeUrgentItem', title: 'Dégâts de la tempête' });
    const voteId = (await read(chair)).meeting.openVoteId ?? '';
    for (const member of members.slice(0, 9)) {
      await ok(member, { type: 'CastBallot', voteId, choice: 'yes' });
    }
    const { meeting } = await read(chair);
    const added = meeting.setup.agenda.at(-1);
    expect(added).toMatchObject({ title: { fr: 'Dégâts de la tempête' }, session: 'public' });
    expect(meeting.agendaProgress.urgent[added?.id ?? '']).toBe(voteId);
  });

  test('bad input is a 400 with a code from the catalogue', async () => {
    const reply = await sitting.chair.command(sitting.meetingId, {
      type: 'WithdrawItem',
      itemId: '../item 2',
    });
    expect([reply.status, reply.body.code]).toEqual([400, 'INVALID_COMMAND']);
  });
});
