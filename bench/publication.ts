// `npx tsx bench/publication.ts` (not a test): what one GET of a sitting's decision list costs the
// service (issue 17), for a closed sitting of 30 items each decided by a published named vote. The
// service runs in this process; the figures are its CPU time and the requests served per second over
// `requests` sequential GETs after a first one (which renders and records the register's entries).
import { municipalitySlug } from '../bot/src/public/address';
import { openDemoMeeting } from '../tests/bot/support/meeting';
import { demo, startService } from '../tests/bot/support/service';

const ITEMS = 30;
const MEMBERS = 9;
const requests = Number(process.argv[2] ?? 300);

const [template] = demo.agenda;
if (!template) throw new Error('the demo council has no agenda');
const council = {
  ...demo,
  members: demo.members.slice(0, MEMBERS),
  agenda: Array.from({ length: ITEMS }, (_, i) => ({
    ...template,
    n: i + 1,
    subject: undefined,
    previousSitting: undefined,
  })),
};

const running = await startService(undefined, {
  env: { PUBLIC_URL: 'https://council.example.be' },
});
try {
  const sitting = await openDemoMeeting(running, MEMBERS, council);
  const { chair, director, members, meetingId } = sitting;
  const must = async (person: typeof chair, command: unknown) => {
    const reply = await person.command(meetingId, command);
    if (reply.status !== 200) throw new Error(`${JSON.stringify(command)}: ${reply.status}`);
  };
  for (let item = 1; item <= ITEMS; item += 1) {
    await must(chair, { type: 'OpenVote' });
    const read = await chair.call('GET', `/api/meetings/${meetingId}`);
    const voteId = (read.body.meeting as { openVoteId?: string }).openVoteId ?? '';
    for (const member of members.slice(0, MEMBERS)) {
      await must(member, { type: 'CastBallot', voteId, choice: 'yes' });
    }
    await must(director, { type: 'PublishResult', voteId });
    if (item < ITEMS) await must(chair, { type: 'NextItem' });
  }
  await must(chair, { type: 'CloseMeeting' });
  const url = `${running.url}/public/${municipalitySlug(demo.municipality.name)}/${meetingId}/decisions`;
  const first = await fetch(url);
  if (first.status !== 200) throw new Error(`decisions answered ${first.status}`);
  const bytes = (await first.arrayBuffer()).byteLength;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < requests; i += 1) {
    const response = await fetch(url);
    await response.arrayBuffer();
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      items: ITEMS,
      requests,
      bytes,
      requestsPerSecond: Math.round(requests / seconds),
      cpuMsPerGet: Number(((used.user + used.system) / 1000 / requests).toFixed(2)),
    }),
  );
} finally {
  await running.close();
}
