import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { startService, type RunningService } from './support/service';
import { readStream } from './support/sse';

let running: RunningService;
let council: DemoMeeting;
const streamUrl = () => `${running.url}/api/meetings/${council.meetingId}/stream`;

beforeAll(async () => {
  running = await startService();
  council = await openDemoMeeting(running, 25);
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
});
