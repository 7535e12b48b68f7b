import type { Meeting } from '../../shared/src';
import { databases, overHttp } from './support/over-http';
import { openDemoMeeting } from './support/meeting';
import { readStream } from './support/sse';
import { nameTellers } from './support/tellers';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type Person,
  type RunningService,
} from './support/service';

describe.each(databases)('a whole meeting over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let director: Person;
  let chair: Person;
  let observer: Person;
  let members: Person[];
  let meetingId: string;

  beforeAll(async () => {
    running = await startService(databaseUrl);
    director = personOf(running, demo.director.aadObjectId);
    observer = personOf(running, demo.observer.aadObjectId);
    members = demo.members.map((m) => personOf(running, m.aadObjectId));
    chair = members[0] as Person;
  });
  afterAll(() => running.close());

  const { meeting, ok } = overHttp(() => meetingId);

  test('the director creates the meeting from the council file and convenes it', async () => {
    const created = await director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: demo,
    });
    expect(created.status).toBe(201);
    meetingId = created.body.meetingId as string;
    await ok(director, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    });
    const list = await chair.get('/api/meetings');
    // On PostgreSQL other test files share the database, and may hold meetings of the same tenant.
    expect(list.body.meetings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: meetingId, status: 'convened', role: 'chair' }),
      ]),
    );
  });

  test('the chair opens the meeting and a roll call finds a quorum', async () => {
    await ok(chair, { type: 'OpenMeeting' });
    await ok(chair, { type: 'OpenRollCall' });
    for (const member of members.slice(0, 30)) await ok(member, { type: 'AnswerRollCall' });
    await ok(chair, { type: 'CloseRollCall' });
    const seen = await meeting(chair);
    expect(Object.values(seen.attendance).filter((a) => a.status === 'present')).toHaveLength(30);
  });

  test('the speaking queue puts a point of order first and the chair gives the floor', async () => {
    await ok(chair, { type: 'NextItem' });
    await ok(members[3] as Person, { type: 'RequestFloor', kind: 'contribution' });
    await ok(members[4] as Person, { type: 'RequestFloor', kind: 'pointOfOrder' });
    const queue = (await meeting(observer)).queues['item-1'];
    expect(queue?.requests.map((r) => r.member)).toEqual([members[4]?.id, members[3]?.id]);
    await ok(chair, { type: 'GiveFloor' });
    await ok(chair, { type: 'EndSpeech' });
  });

  test('a motion with a second and an amendment; the amendment is voted first, by name', async () => {
    await ok(chair, { type: 'NextItem' });
    await ok(members[5] as Person, { type: 'ProposeMotion', text: 'Adopt budget amendment no. 2' });
    const motionId = Object.keys((await meeting(chair)).motions)[0] ?? '';
    await ok(members[6] as Person, { type: 'SecondMotion', motionId });
    await ok(members[7] as Person, {
      type: 'ProposeAmendment',
      motionId,
      text: 'Adopt it without line 12',
    });
    const refused = await chair.command(meetingId, { type: 'OpenVote', motionId });
    expect(refused.body.code).toBe('AMENDMENTS_PENDING');
    const amendmentId =
      Object.values((await meeting(chair)).motions).find((m) => m.amends)?.id ?? '';
    await ok(chair, { type: 'OpenVote', motionId: amendmentId });
    const voteId = (await meeting(chair)).openVoteId ?? '';
    for (const [i, member] of members.slice(0, 30).entries()) {
      await ok(member, { type: 'CastBallot', voteId, choice: i < 20 ? 'yes' : 'no' });
    }
    const forDirector = (await meeting(director)).votes[voteId];
    expect(forDirector).toMatchObject({
      status: 'counted',
      result: { outcome: { kind: 'adopted' }, tally: { yes: 20, no: 10 } },
    });
    const forChair = (await meeting(chair)).votes[voteId];
    expect(forChair).toMatchObject({ status: 'closed', result: null });
    await ok(director, { type: 'PublishResult', voteId });
    expect((await meeting(chair)).votes[voteId]?.result?.outcome).toEqual({ kind: 'adopted' });
    expect((await meeting(chair)).motions[motionId]?.text).toBe('Adopt it without line 12');
  });

  test('a secret appointment: the director alone sees the count, and no response links a member to a choice', async () => {
    for (let i = 0; i < 3; i++) await ok(chair, { type: 'NextItem' });
    const named = await chair.command(meetingId, { type: 'OpenVote', secret: false });
    expect(named.body.code).toBe('SECRET_VOTE_REQUIRED');
    const tellers = await nameTellers(running, meetingId, chair);
    await ok(chair, { type: 'OpenVote' });
    const vote = Object.values((await meeting(chair)).votes).find((v) => v.secret);
    expect(vote?.choices).toHaveLength(3);
    const [first, second] = vote?.choices ?? [];
    for (const [i, member] of members.slice(0, 30).entries()) {
      const reply = await member.command(meetingId, {
        type: 'CastBallot',
        voteId: vote?.id,
        choice: i < 18 ? first : second,
      });
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).not.toContain(String(first));
    }
    const again = await (members[0] as Person).command(meetingId, {
      type: 'CastBallot',
      voteId: vote?.id,
      choice: second,
    });
    expect(again.status).toBe(409);
    await tellers.counted(vote?.id ?? '');
    const directorView = (await meeting(director)).votes[vote?.id ?? ''];
    expect(directorView?.result?.tally).toEqual({
      [String(first)]: 18,
      [String(second)]: 12,
      abstain: 0,
    });
    expect(directorView?.result?.outcome).toEqual({
      kind: 'elected',
      candidateId: first,
      byAge: false,
    });
    expect(directorView?.ballots).toEqual({});
    for (const person of [chair, observer, members[10] as Person]) {
      const body = JSON.stringify(await meeting(person));
      expect(body).not.toContain(`"${String(first)}":18`);
      expect((await meeting(person)).votes[vote?.id ?? '']?.result).toBeNull();
    }
    await ok(director, { type: 'PublishResult', voteId: vote?.id });
    expect((await meeting(observer)).votes[vote?.id ?? '']?.result?.outcome).toMatchObject({
      kind: 'elected',
    });
    await tellers.stop();
  });

  test('observers never see the closed-session item', async () => {
    const seen = await meeting(observer);
    expect(seen.setup.agenda.map((i) => i.id)).not.toContain('item-8');
    expect((await meeting(chair)).setup.agenda.map((i) => i.id)).toContain('item-8');
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  describe('two service instances on one PostgreSQL', () => {
    test('an event committed through one reaches a live stream of the other', async () => {
      const [first, second] = await Promise.all([
        startService(postgresUrl),
        startService(postgresUrl),
      ]);
      try {
        const council = await openDemoMeeting(first, 26);
        const token = await second.tokenFor(council.chair.id);
        const version = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body
          .version as number;
        const reading = readStream(
          `${second.url}/api/meetings/${council.meetingId}/stream`,
          token,
          {
            lastEventId: version,
            until: (events) => events.length > 0,
          },
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        await council.members[2]?.command(council.meetingId, {
          type: 'RequestFloor',
          kind: 'pointOfOrder',
        });
        expect(await reading).toEqual([{ id: version + 1, type: 'FloorRequested' }]);
        const onSecond = personOf(second, council.chair.id);
        const seen = (await onSecond.get(`/api/meetings/${council.meetingId}`)).body
          .meeting as Meeting;
        expect(seen.queues['item-1']?.requests).toHaveLength(1);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    });
  });
}
