import { databases, overHttp } from './support/over-http';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { pdfText } from './support/pdf';
import { demo, startService, type Person, type RunningService } from './support/service';

// The minutes are typeset in a worker and read back with poppler: slow on a busy machine.
jest.setTimeout(90_000);

/** The demo council (Wallonia) cut to 9 members in office: quorum is 5. */
const nineMembers = { ...demo, members: demo.members.slice(0, 9) };

describe.each(databases)('conflict of interest over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;

  beforeAll(async () => {
    running = await startService(databaseUrl);
  });
  afterAll(() => running.close());

  const { meeting, ok } = overHttp(() => sitting.meetingId);
  const member = (n: number) => sitting.members[n] as Person;

  test('Wallonia CDLD L1122-19: the member in conflict leaves the room for the item, may not vote, and returns after', async () => {
    sitting = await openDemoMeeting(running, 9, nineMembers);
    const { chair } = sitting;
    const [, budget, next] = (await meeting(chair)).setup.agenda;
    const interested = member(2);
    await ok(interested, { type: 'DeclareConflict', itemId: budget?.id });
    expect((await meeting(sitting.observer)).conflicts?.[budget?.id ?? '']).toMatchObject([
      { member: interested.id, declaredBy: interested.id, leftAt: null },
    ]);

    await ok(chair, { type: 'NextItem' });
    const during = await meeting(chair);
    expect(during.attendance[interested.id]?.status).toBe('absent');
    await ok(chair, { type: 'OpenVote', secret: false });
    const voteId = (await meeting(chair)).openVoteId ?? '';
    expect((await meeting(chair)).votes[voteId]?.eligible).toHaveLength(8);

    const refused = await interested.command(sitting.meetingId, {
      type: 'CastBallot',
      voteId,
      choice: 'yes',
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'CONFLICT_OF_INTEREST' } });
    expect(refused.body.message).toContain('CDLD L1122-19');
    const back = await interested.command(sitting.meetingId, { type: 'CheckIn' });
    expect(back).toMatchObject({ status: 403, body: { code: 'CONFLICT_LEFT_ROOM' } });
    expect((await meeting(chair)).votes[voteId]?.participants).toEqual([]);

    await ok(chair, { type: 'CloseVote', voteId });
    await ok(chair, { type: 'NextItem' });
    const after = await meeting(chair);
    expect(after.currentItemId).toBe(next?.id);
    expect(after.attendance[interested.id]?.status).toBe('present');
    expect(after.conflicts?.[budget?.id ?? '']?.[0]?.returnedAt).toEqual(expect.any(String));

    // The minutes, in the meeting's French, say who left the sitting for the item.
    const token = await running.tokenFor(sitting.director.id);
    const response = await fetch(`${running.url}/api/meetings/${sitting.meetingId}/minutes.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const minutes = (await pdfText(Buffer.from(await response.arrayBuffer()))).replace(/\s+/g, ' ');
    const name = demo.members[2]?.name ?? '';
    expect(minutes).toContain(
      `${name}, ayant un intérêt personnel, a quitté la séance pour ce point (CDLD L1122-19).`,
    );
  });

  test('the chair records a conflict for a member and lifts it before the item; a wrong one is a 4xx that changes nothing', async () => {
    sitting = await openDemoMeeting(running, 9, nineMembers);
    const { chair } = sitting;
    const [, budget] = (await meeting(chair)).setup.agenda;
    const itemId = budget?.id ?? '';
    const before = await meeting(chair);
    const refusals: [Person, unknown, number, string][] = [
      [member(3), { type: 'DeclareConflict', itemId, member: member(4).id }, 403, 'NOT_AUTHORIZED'],
      [chair, { type: 'DeclareConflict', itemId: 'no-such-item' }, 404, 'ITEM_NOT_FOUND'],
      [chair, { type: 'DeclareConflict', itemId, member: 'nobody' }, 404, 'NOT_A_MEMBER'],
      [chair, { type: 'DeclareConflict', itemId: 7 }, 400, 'INVALID_COMMAND'],
      [chair, { type: 'LiftConflict', itemId, member: member(4).id }, 404, 'CONFLICT_NOT_FOUND'],
      [sitting.director, { type: 'DeclareConflict', itemId }, 403, 'NOT_AUTHORIZED'],
    ];
    for (const [person, command, status, code] of refusals) {
      const reply = await person.command(sitting.meetingId, command);
      expect({ command, reply }).toMatchObject({ reply: { status, body: { code } } });
    }
    expect((await meeting(chair)).conflicts).toEqual(before.conflicts);

    await ok(chair, { type: 'DeclareConflict', itemId, member: member(4).id });
    expect((await meeting(chair)).conflicts?.[itemId]).toMatchObject([
      { member: member(4).id, declaredBy: chair.id },
    ]);
    await ok(chair, { type: 'LiftConflict', itemId, member: member(4).id });
    expect((await meeting(chair)).conflicts?.[itemId]).toEqual([]);
    await ok(chair, { type: 'DeclareConflict', itemId, member: member(4).id });
    await ok(chair, { type: 'NextItem' });
    const stands = await chair.command(sitting.meetingId, {
      type: 'LiftConflict',
      itemId,
      member: member(4).id,
    });
    expect(stands).toMatchObject({ status: 409, body: { code: 'CONFLICT_ITEM_TAKEN_UP' } });
  });
});
