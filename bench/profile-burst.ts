/**
 * One ballot burst on one channel, with the service under `node --cpu-prof`, for finding where a
 * ballot's CPU goes: `npx tsx bench/profile-burst.ts [--voters 1000] [--channel bot] [--plain]`. Writes the
 * profile into a fresh folder and prints, for the burst's own window (first ballot sent to last
 * answer), the functions with the most self time and the most total time.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pgliteDatabase, pgliteTemplate } from './lib/databases';
import { apiChannel, ballotBurst, type BallotChannel } from './scenarios/ballot-burst';
import { botChannel } from './scenarios/bot-channel';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '1000' },
    channel: { type: 'string', default: 'bot' },
    top: { type: 'string', default: '30' },
    /** No profiler: the CPU per ballot as `npm run bench` measures it. */
    plain: { type: 'boolean', default: false },
  },
});
const voters = Number(values.voters);
const base = values.channel === 'api' ? apiChannel : botChannel;

/** Microseconds on the monotonic clock, as V8 stamps a profile's samples on Linux. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

// The first vote is the burst: its window runs from its first ballot to its last answer.
const window = { start: 0, end: 0 };
let votesOpened = 0;
const channel: BallotChannel = {
  name: base.name,
  async open(client, session) {
    const door = await base.open(client, session);
    return {
      ...door,
      async voteOpened(voteId) {
        await door.voteOpened?.(voteId);
        votesOpened += 1;
      },
      async cast(ballot) {
        const burst = votesOpened <= 1;
        if (burst && window.start === 0) window.start = nowUs();
        const ok = await door.cast(ballot);
        if (burst) window.end = nowUs();
        return ok;
      },
    };
  },
};

const workDir = await mkdtemp(join(tmpdir(), 'council-profile-'));
const profileDir = join(workDir, 'profile');
try {
  const database = await pgliteDatabase(await pgliteTemplate(workDir), workDir);
  const result = await ballotBurst({
    channel,
    voters,
    database,
    workDir,
    nodeFlags: values.plain ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    baselines: () => Promise.resolve({ httpRps: 1, dbCommitsPerSec: 1 }),
  });
  process.stdout.write(
    `${JSON.stringify({ voters, channel: result.channel, ballotsPerSec: result.ballotsPerSec, p99Ms: result.p99Ms, serviceCpuMsPerBallot: result.serviceCpuMsPerBallot, lost: result.lost, duplicated: result.duplicated, unacknowledged: result.unacknowledged, paced: result.paced })}\n`,
  );
  if (!values.plain) {
    const [file] = await readdir(profileDir);
    if (!file) throw new Error('no profile written');
    summarise(
      JSON.parse(await readFile(join(profileDir, file), 'utf8')) as Profile,
      Number(values.top),
    );
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function summarise(profile: Profile, top: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*\/(node_modules\/)/, '$1').replace(/^.*\/wt-perf\//, '');
    return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let time = profile.startTime;
  let inWindow = 0;
  let idle = 0;
  profile.samples.forEach((sample, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time < window.start || time > window.end) return;
    const node = byId.get(sample);
    if (!node) return;
    if (node.callFrame.functionName === '(idle)') {
      idle += delta;
      return;
    }
    inWindow += delta;
    const name = label(node);
    self.set(name, (self.get(name) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const frame = label(byId.get(id) as ProfileNode);
      if (seen.has(frame)) continue;
      seen.add(frame);
      total.set(frame, (total.get(frame) ?? 0) + delta);
    }
  });
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
  const pct = (us: number) => `${((100 * us) / inWindow).toFixed(1).padStart(5)}%`;
  const print = (title: string, table: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [name, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(`${ms(us)} ms ${pct(us)}  ${name}\n`);
    }
  };
  process.stdout.write(
    `burst window: ${ms(window.end - window.start)} ms, busy ${ms(inWindow)} ms, idle ${ms(idle)} ms\n`,
  );
  print('self time', self);
  print('total time', total);
}
