import { databases, overHttp } from './support/over-http';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, startService, type Person, type RunningService } from './support/service';

/** The demo council cut to 9 members in office: quorum is 5. */
const nineMembers = { ...demo, members: demo.members.slice(0, 9) };

describe.each(databases)('quorum and presence at a vote, over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;

  beforeAll(async () => {
    running = await startService(databaseUrl);
  });
  afterAll(() => running.close());

  const { meeting, ok } = overHttp(() => sitting.meetingId);
  const nine = () => sitting.members.slice(0, 9);

  test('a vote closed after quorum is lost is void, and the chair saw quorum lost as it happened', async () => {
    sitting = await openDemoMeeting(running, 9, nineMembers);
    const { chair, director } = sitting;
    await ok(chair, { type: 'OpenVote', secret: false });
    const voteId = (await meeting(chair)).openVoteId ?? '';
    for (const member of nine().slice(0, 4)) {
      await ok(member, { type: 'CastBallot', voteId, choice: 'yes' });
    }
    for (const member of nine().slice(4, 8)) await ok(member, { type: 'CheckOut' });
    expect((await meeting(chair)).quorumLost).toBeNull();
    await ok(nine()[8] as Person, { type: 'CheckOut' });
    expect((await meeting(chair)).quorumLost).toEqual({ present: 4, needed: 5 });

    await ok(chair, { type: 'CloseVote', voteId });
    const void_ = { kind: 'void', reason: 'quorumLost', present: 4, needed: 5 };
    expect((await meeting(director)).votes[voteId]).toMatchObject({
      status: 'counted',
      quorumLost: { present: 4, needed: 5 },
      result: { outcome: void_ },
    });
    await ok(director, { type: 'PublishResult', voteId });
    const seen = await meeting(chair);
    expect(seen.votes[voteId]?.result?.outcome).toEqual(void_);
    expect(seen.quorumLost).toBeNull();
  });

  test('a member who checked out is refused a ballot, and may cast it on returning', async () => {
    const secretAnywhere = { ...nineMembers, rulesOverrides: { secretOtherwise: true } };
    sitting = await openDemoMeeting(running, 9, secretAnywhere, { tellers: {} });
    const { chair } = sitting;
    const leaver = nine()[2] as Person;
    await ok(chair, { type: 'OpenVote', secret: true });
    const voteId = (await meeting(chair)).openVoteId ?? '';
    await ok(leaver, { type: 'CheckOut' });
    const refused = await leaver.command(sitting.meetingId, {
      type: 'CastBallot',
      voteId,
      choice: 'no',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_PRESENT_TO_VOTE');
    expect(JSON.stringify(refused.body)).not.toContain('"no"');
    expect((await meeting(chair)).votes[voteId]?.participants).toEqual([]);
    await ok(leaver, { type: 'CheckIn' });
    await ok(leaver, { type: 'CastBallot', voteId, choice: 'no' });
    expect((await meeting(chair)).votes[voteId]?.participants).toEqual([leaver.id]);
  });
});
