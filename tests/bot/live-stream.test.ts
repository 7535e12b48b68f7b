import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, startService, type RunningService } from './support/service';
import { readStream } from './support/sse';

let running: RunningService;
let council: DemoMeeting;
const streamUrl = () => `${running.url}/api/meetings/${council.meetingId}/stream`;

beforeAll(async () => {
  running = await startService();
  // A secret question on item 1 needs house rules that allow one (CDLD L1122-27 does not).
  council = await openDemoMeeting(
    running,
    25,
    { ...demo, rulesOverrides: { secretOtherwise: true } },
    { tellers: {} },
  );
});
afterAll(() => running.close());

test('an open stream receives each new event, numbered by its place in the log', async () => {
  const token = await running.tokenFor(council.chair.id);
  const version = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body
    .version as number;
  const reading = readStream(streamUrl(), token, {
    lastEventId: version,
    until: (events) => events.some((e) => e.type === 'FloorRequested'),
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  await council.members[3]?.command(council.meetingId, {
    type: 'RequestFloor',
    kind: 'contribution',
  });
  const events = await reading;
  expect(events).toEqual([{ id: version + 1, type: 'FloorRequested' }]);
});

test('a client that reconnects with Last-Event-ID misses nothing', async () => {
  const token = await running.tokenFor(council.chair.id);
  const before = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body
    .version as number;
  for (const member of council.members.slice(5, 10)) {
    await member.command(council.meetingId, { type: 'RequestFloor', kind: 'contribution' });
  }
  const events = await readStream(streamUrl(), token, {
    lastEventId: before,
    until: (received) => received.length >= 5,
  });
  expect(events.map((e) => e.id)).toEqual([
    before + 1,
    before + 2,
    before + 3,
    before + 4,
    before + 5,
  ]);
});

test('an unpublished count reaches the director’s stream only', async () => {
  const start = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body
    .version as number;
  await council.chair.command(council.meetingId, { type: 'OpenVote', secret: true });
  const voteId = (
    (await council.chair.get(`/api/meetings/${council.meetingId}`)).body.meeting as {
      openVoteId: string;
    }
  ).openVoteId;
  await council.chair.command(council.meetingId, { type: 'CloseVote', voteId });
  const forDirector = await readStream(streamUrl(), await running.tokenFor(council.director.id), {
    lastEventId: start,
    until: (received) => received.some((e) => e.type === 'VoteCounted'),
  });
  const forChair = await readStream(streamUrl(), await running.tokenFor(council.chair.id), {
    lastEventId: start,
    until: () => false,
    timeoutMs: 1_500,
  });
  expect(forDirector.map((e) => e.type)).toContain('VoteCounted');
  expect(forChair.map((e) => e.type)).toContain('VoteClosed');
  expect(forChair.map((e) => e.type)).not.toContain('VoteCounted');
  // The trustees close their tabs: the tests below count the streams left open.
  await council.tellers?.stop();
});

test('a stream whose reader went away is let go of, with its heartbeat, even when the request named a content type (found by fuzzing)', async () => {
  const token = await running.tokenFor(council.chair.id);
  const controller = new AbortController();
  const reply = await fetch(streamUrl(), {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/jsonp' },
    signal: controller.signal,
  });
  await reply.body?.getReader().read();
  controller.abort();
  const until = Date.now() + 5_000;
  while (running.service.hub.streams > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(running.service.hub.streams).toBe(0);
});

test.each([['99999999999'], ['2147483648'], ['1e3'], ['-1'], ['abc']])(
  'a Last-Event-ID of %s, which is no sequence number, is a 400 and starts no stream (found by fuzzing)',
  async (lastEventId) => {
    const token = await running.tokenFor(council.chair.id);
    const reply = await fetch(streamUrl(), {
      headers: { authorization: `Bearer ${token}`, 'last-event-id': lastEventId },
    });
    expect(reply.status).toBe(400);
    expect(await reply.json()).toMatchObject({ code: 'INVALID_COMMAND' });
    expect(running.service.hub.streams).toBe(0);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  },
);
