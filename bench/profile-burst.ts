/**
 * One ballot burst on one channel, with the service under `node --cpu-prof`, for finding where a
 * ballot's CPU goes: `npx tsx bench/profile-burst.ts [--voters 1000] [--channel bot] [--plain]
 * [--vote paced]`. Writes the profile into a fresh folder and prints, for one vote's own window
 * (first ballot sent to last answer: the burst's, or with `--vote paced` the paced vote's), CPU per
 * ballot by stage of the pipeline, then the functions with the most self time and the most total
 * time on the main thread. The proof workers' threads are summed as one stage.
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
    /** Whose window: the burst's, or the paced vote's that follows it. */
    vote: { type: 'string', default: 'burst' },
  },
});
const voters = Number(values.voters);
const base = values.channel === 'api' ? apiChannel : botChannel;

/** Microseconds on the monotonic clock, as V8 stamps a profile's samples on Linux. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

// The first vote is the burst, the second the paced one: a window runs from the vote's first ballot
// to its last answer.
if (values.vote !== 'burst' && values.vote !== 'paced') {
  throw new Error(`--vote is burst or paced, not ${values.vote}`);
}
const profiled = values.vote === 'paced' ? 2 : 1;
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
        const inWindow = votesOpened === profiled;
        if (inWindow && window.start === 0) window.start = nowUs();
        const ok = await door.cast(ballot);
        if (inWindow) window.end = nowUs();
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
    // Node names each thread's profile CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: 0 is main.
    const files = await readdir(profileDir);
    const main = files.find((file) => file.split('.')[4] === '0');
    if (!main) throw new Error('no profile of the main thread written');
    const read = async (file: string) =>
      JSON.parse(await readFile(join(profileDir, file), 'utf8')) as Profile;
    const workers = await Promise.all(files.filter((file) => file !== main).map(read));
    const workersUs = workers.reduce((sum, profile) => sum + busyInWindow(profile), 0);
    summarise(await read(main), Number(values.top), workersUs);
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

/**
 * The stage of the pipeline a sample belongs to: the first stage, in this order, of which a frame
 * is on its stack (the card drawn calls the domain's visibility filter: drawing, not deciding).
 */
function stageOf(stack: readonly ProfileNode['callFrame'][]): string {
  const stages: readonly (readonly [string, (frame: ProfileNode['callFrame']) => boolean])[] = [
    ['seal/verify', ({ url }) => url.includes('/shared/src/sealed/') || url.includes('libsodium')],
    [
      'draw the answer card',
      ({ url, functionName }) =>
        url.includes('/bot/src/teams/cards/') ||
        url.includes('/bot/src/teams/views.ts') ||
        url.includes('i18next') ||
        functionName === 'cardResponse',
    ],
    [
      'commit',
      ({ url }) =>
        url.includes('/bot/src/store/') ||
        url.includes('pglite') ||
        url.includes('/node_modules/pg'),
    ],
    [
      'decide',
      ({ url, functionName }) =>
        url.includes('/shared/src/') ||
        functionName === 'planned' ||
        functionName === 'settle' ||
        functionName === 'turn',
    ],
    [
      'authorise',
      ({ url, functionName }) =>
        url.includes('jsonwebtoken') ||
        url.includes('jose') ||
        url.includes('/bot/src/auth/') ||
        /refusedOnSight|meetingOfTenant|speaker|learnSpeaker|authenticate/i.test(functionName),
    ],
    [
      'parse',
      ({ url, functionName }) =>
        url.includes('restify') ||
        url.includes('botbuilder') ||
        url.includes('botframework') ||
        url.includes('zod') ||
        functionName === 'parse',
    ],
    ['live streams and logs', ({ url }) => url.includes('/bot/src/live/') || url.includes('pino')],
    ['garbage collection', ({ functionName }) => functionName === '(garbage collector)'],
  ];
  return stages.find(([, holds]) => stack.some(holds))?.[0] ?? 'other';
}

/** A worker's time in the window spent on the sealed box's cryptography (not waiting for jobs). */
function busyInWindow(profile: Profile): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const crypto = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)?.callFrame.url ?? '';
      if (url.includes('/shared/src/sealed/') || url.includes('libsodium')) return true;
    }
    return false;
  };
  let time = profile.startTime;
  let busy = 0;
  profile.samples.forEach((sample, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time < window.start || time > window.end) return;
    if (crypto(sample)) busy += delta;
  });
  return busy;
}

function summarise(profile: Profile, top: number, workersUs: number) {
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
  const byStage = new Map<string, number>();
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
    const stack: ProfileNode['callFrame'][] = [];
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      stack.push((byId.get(id) as ProfileNode).callFrame);
    }
    const stage = stageOf(stack);
    byStage.set(stage, (byStage.get(stage) ?? 0) + delta);
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
    `${values.vote} window: ${ms(window.end - window.start)} ms, busy ${ms(inWindow)} ms, idle ${ms(idle)} ms\n`,
  );
  const perBallot = (us: number) => `${(us / 1000 / voters).toFixed(2).padStart(6)} ms/ballot`;
  process.stdout.write('\nby stage (main thread, then the proof workers)\n');
  for (const [stage, us] of [...byStage].sort((a, b) => b[1] - a[1])) {
    process.stdout.write(`${perBallot(us)} ${pct(us)}  ${stage}\n`);
  }
  process.stdout.write(`${perBallot(workersUs)}         seal/verify in the proof workers\n`);
  print('self time', self);
  print('total time', total);
}
