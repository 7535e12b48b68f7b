import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { databases, overHttp } from './support/over-http';
import { pdfText } from './support/pdf';
import { startService, type Person, type RunningService } from './support/service';
import { readStream } from './support/sse';

// The minutes render in a child process and poppler reads them: slow on a busy machine.
jest.setTimeout(90_000);

/** Issue 14, point 1: the chair suspends the sitting and resumes it through the tab's API. */
describe.each(databases)('a suspended sitting over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let council: DemoMeeting;
  let chair: Person;
  const { meeting, ok } = overHttp(() => council.meetingId);
  const councillor = (i: number) => council.members[i] as Person;

  beforeAll(async () => {
    running = await startService(databaseUrl);
    council = await openDemoMeeting(running, 30);
    chair = council.chair;
  });
  afterAll(() => running.close());

  test('a councillor may not suspend the sitting (403), and a sitting in progress is not resumed (409)', async () => {
    const byCouncillor = await councillor(2).command(council.meetingId, {
      type: 'SuspendSitting',
    });
    expect(byCouncillor).toMatchObject({ status: 403, body: { code: 'NOT_AUTHORIZED' } });
    const notSuspended = await chair.command(council.meetingId, { type: 'ResumeSitting' });
    expect(notSuspended).toMatchObject({ status: 409, body: { code: 'SITTING_NOT_SUSPENDED' } });
  });

  test('the chair suspends the sitting: the speaker stops, every reader sees it suspended live', async () => {
    await ok(councillor(3), { type: 'RequestFloor', kind: 'contribution' });
    await ok(chair, { type: 'GiveFloor' });
    const { version } = await overHttp(() => council.meetingId).read(chair);
    const token = await running.tokenFor(council.observer.id);
    const heard = readStream(`${running.url}/api/meetings/${council.meetingId}/stream`, token, {
      lastEventId: version,
      until: (events) => events.some((e) => e.type === 'SittingSuspended'),
    });
    await ok(chair, { type: 'SuspendSitting' });
    expect((await heard).map((e) => e.type)).toEqual(['SpeechEnded', 'SittingSuspended']);
    const seen = await meeting(council.observer);
    expect(seen.suspendedAt).toEqual(expect.any(String));
    expect(seen.status).toBe('open');
    expect(seen.queues['item-1']?.status).toBe('idle');
  });

  test('while suspended the floor and votes are refused (409) in the reader’s language; attendance still moves', async () => {
    await ok(councillor(4), { type: 'RequestFloor', kind: 'contribution' });
    const floor = await chair.command(council.meetingId, { type: 'GiveFloor' }, undefined, {
      'accept-language': 'nl-BE',
    });
    expect(floor).toMatchObject({
      status: 409,
      body: {
        code: 'SITTING_SUSPENDED',
        message: 'De zitting is geschorst: de voorzitter moet ze eerst hervatten.',
      },
    });
    const vote = await chair.command(council.meetingId, { type: 'OpenVote' }, undefined, {
      'accept-language': 'fr-BE',
    });
    expect(vote).toMatchObject({
      status: 409,
      body: {
        code: 'SITTING_SUSPENDED',
        message: 'La séance est suspendue : la présidence doit d’abord la reprendre.',
      },
    });
    await ok(councillor(35), { type: 'CheckIn' });
    expect((await meeting(chair)).attendance[councillor(35).id]?.status).toBe('present');
  });

  test('the chair resumes: the floor is given again, and the minutes record both times', async () => {
    await ok(chair, { type: 'ResumeSitting' });
    expect((await meeting(chair)).suspendedAt).toBeNull();
    await ok(chair, { type: 'GiveFloor' });
    const token = await running.tokenFor(council.director.id);
    const response = await fetch(`${running.url}/api/meetings/${council.meetingId}/minutes.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const text = (await pdfText(Buffer.from(await response.arrayBuffer()))).replace(/\s+/g, ' ');
    expect(text).toContain('Suspensions de séance');
    expect(text).toMatch(/\d\d:\d\d — la séance est suspendue \(point 1\)/);
    expect(text).toMatch(/\d\d:\d\d — la séance est reprise \(point 1\)/);
  });
});
