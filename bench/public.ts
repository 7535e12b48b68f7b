// `npm run bench` (not a test): the public follow-along page read by many residents at once
// (issue 17). `readers` public streams of one meeting, held by client processes of their own, while
// the chair gives the floor `rounds` times; from each GiveFloor's commit (the time the service
// stamped on the speech) to each reader receiving the page's update; and the service's memory per
// reader. Figures go to bench/results/public.json and, as `public`, into bench/results/latest.json.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { municipalitySlug } from '../bot/src/public/address';
import { largeCouncil } from './lib/council';
import { pgliteDatabase, pgliteTemplate } from './lib/databases';
import { httpClient } from './lib/http';
import { spawnService } from './lib/processes';
import { command, must, openSession, type Session } from './lib/session';
import { quantile, round } from './lib/stats';
import { memory } from './scenarios/meetings';

const ROOT = path.join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const readers = quick ? 1_000 : 10_000;
/** One client process per 2,500 readers: a process's file descriptors stay well within its limit. */
const processes = Math.ceil(readers / 2_500);
const rounds = quick ? 5 : 10;
const WAIT_MS = 30_000;

interface Report {
  readonly version?: number;
  readonly times?: number[];
  readonly ready?: number;
}

/** Each client process, and what it reported so far. */
function startReaders(url: string, pagePath: string, count: number, since: number) {
  const child: ChildProcess = fork(
    path.join(ROOT, 'bench/lib/public-readers.ts'),
    [url, pagePath, String(count), String(since)],
    { execArgv: ['--import', 'tsx'], cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const arrivals = new Map<number, number[]>();
  let ready = 0;
  child.on('message', (message: Report) => {
    if (message.ready !== undefined) ready = message.ready;
    if (message.version !== undefined && message.times) {
      arrivals.set(message.version, message.times);
    }
  });
  return {
    child,
    arrivals,
    get ready() {
      return ready;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 600_000;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

interface SpeechView {
  readonly currentItemId: string;
  readonly queues: Record<string, { current?: { startedAt: string } }>;
}

/** When the service stamped the speech now under way: the GiveFloor's commit. */
async function speechStamp(client: ReturnType<typeof httpClient>, session: Session) {
  const reply = await must(
    client.get(`/api/meetings/${session.meetingId}`, session.chair.headers),
    'read',
  );
  const meeting = (reply.body as { meeting: SpeechView }).meeting;
  const startedAt = meeting.queues[meeting.currentItemId]?.current?.startedAt;
  if (!startedAt) throw new Error('nobody has the floor');
  return Date.parse(startedAt);
}

const workDir = await mkdtemp(path.join(tmpdir(), 'bench-public-'));
const database = await pgliteDatabase(await pgliteTemplate(workDir), workDir);
const memoryFile = path.join(workDir, 'memory.json');
const service = await spawnService({
  env: {
    ...database.env,
    BENCH_MEMORY_FILE: memoryFile,
    RATE_LIMIT_PUBLIC_REQUESTS: '10000000',
    MAX_PUBLIC_STREAMS_PER_ADDRESS: '1000000',
    MAX_PUBLIC_STREAMS_PER_MEETING: '1000000',
    LOG_LEVEL: 'warn',
  },
  nodeFlags: ['--expose-gc'],
  preload: ['./bench/lib/memory-probe.ts'],
  logFile: path.join(workDir, 'service-public.log'),
});
const client = httpClient(service.url, 16);
const clients: ReturnType<typeof startReaders>[] = [];
try {
  const council = largeCouncil(49);
  const session = await openSession(client, council);
  const pagePath = `/public/${municipalitySlug(council.municipality.name)}/${session.meetingId}`;
  const page = await fetch(`${service.url}${pagePath}`);
  const since = Number(/data-version="(\d+)"/.exec(await page.text())?.[1]);
  if (page.status !== 200 || !Number.isFinite(since)) throw new Error('no public page');

  const before = await memory(service, memoryFile);
  const connectStart = performance.now();
  for (let i = 0; i < processes; i++) {
    const count = Math.min(2_500, readers - i * 2_500);
    clients.push(startReaders(service.url, `${pagePath}/events`, count, since));
  }
  await until(
    () => clients.reduce((sum, c) => sum + c.ready, 0) === readers,
    'every reader connected',
  );
  const connectSeconds = (performance.now() - connectStart) / 1000;
  const after = await memory(service, memoryFile);

  const speakers = session.members.slice(1, 1 + rounds);
  const delays: number[] = [];
  let missing = 0;
  for (const speaker of speakers) {
    await must(
      command(client, speaker, session.meetingId, { type: 'RequestFloor', kind: 'contribution' }),
      'ask for the floor',
    );
    const given = await must(
      command(client, session.chair, session.meetingId, { type: 'GiveFloor' }),
      'give the floor',
    );
    const version = (given.body as { version: number }).version;
    const committed = await speechStamp(client, session);
    const deadline = performance.now() + WAIT_MS;
    while (clients.some((c) => !c.arrivals.has(version)) && performance.now() < deadline) {
      await sleep(5);
    }
    for (const c of clients) {
      const times = c.arrivals.get(version) ?? [];
      delays.push(...times.map((t) => t - committed));
    }
    missing += readers - clients.reduce((n, c) => n + (c.arrivals.get(version)?.length ?? 0), 0);
    await must(
      command(client, session.chair, session.meetingId, { type: 'EndSpeech' }),
      'end the speech',
    );
  }

  const results = {
    readers,
    clientProcesses: processes,
    rounds,
    p50Ms: round(quantile(delays, 0.5)),
    p99Ms: round(quantile(delays, 0.99)),
    maxMs: round(Math.max(...delays)),
    missing,
    rssPerReaderKB: round((after.rss - before.rss) / readers / 1024, 2),
    heapPerReaderKB: round((after.heapUsed - before.heapUsed) / readers / 1024, 2),
    connectSeconds: round(connectSeconds),
    quick,
    cores: availableParallelism(),
    loadAverage: round(loadavg()[0] ?? 0, 2),
    at: new Date().toISOString(),
  };
  writeFileSync(
    path.join(ROOT, 'bench/results/public.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  const latest = path.join(ROOT, 'bench/results/latest.json');
  if (existsSync(latest)) {
    const previous = JSON.parse(readFileSync(latest, 'utf8')) as Record<string, unknown>;
    writeFileSync(latest, `${JSON.stringify({ ...previous, public: results }, null, 2)}\n`);
  }
  process.stdout.write(
    `${JSON.stringify(results, null, 2)}\nWritten to bench/results/public.json\n`,
  );
} finally {
  for (const c of clients) {
    c.child.send('stop');
  }
  client.close();
  await service.stop();
  await database.drop();
  await rm(workDir, { recursive: true, force: true });
}
