import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { largeCouncil } from '../lib/council';
import type { BenchDatabase } from '../lib/databases';
import { httpClient, inPool } from '../lib/http';
import { sleep, spawnService, type ServiceProcess } from '../lib/processes';
import { openSession, signInCouncil } from '../lib/session';
import { round } from '../lib/stats';

export interface MeetingsResult {
  readonly count: number;
  readonly db: BenchDatabase['engine'];
  /** Resident memory of the service per meeting in session and idle, garbage collected. */
  readonly rssPerMeetingKB: number;
  /** Of which JavaScript objects (the meetings' states). */
  readonly heapPerMeetingKB: number;
  readonly setupSeconds: number;
}

/**
 * `count` meetings of the 49-member demo council in session at once (convened, opened, everyone
 * checked in, an item taken up), then idle: the service's memory before and after, per meeting.
 */
export async function concurrentMeetings(options: {
  count: number;
  database: BenchDatabase;
  workDir: string;
}): Promise<MeetingsResult> {
  const memoryFile = join(options.workDir, 'memory.json');
  const service = await spawnService({
    env: { ...options.database.env, BENCH_MEMORY_FILE: memoryFile },
    nodeFlags: ['--expose-gc'],
    preload: ['./bench/lib/memory-probe.ts'],
    logFile: join(options.workDir, 'service-meetings.log'),
  });
  const client = httpClient(service.url, 64);
  try {
    const council = largeCouncil(49);
    const people = await signInCouncil(client, council);
    // One meeting first, so that what every meeting shares (code, caches) is in the baseline.
    await openSession(client, council, { people, concurrency: 16 });
    const before = await memory(service, memoryFile);
    const started = performance.now();
    await inPool(Array.from({ length: options.count }), 8, () =>
      openSession(client, council, { people, concurrency: 16, commandId: randomUUID() }),
    );
    const setupSeconds = (performance.now() - started) / 1000;
    await sleep(2_000);
    const after = await memory(service, memoryFile);
    return {
      count: options.count,
      db: options.database.engine,
      rssPerMeetingKB: round((after.rss - before.rss) / options.count / 1024),
      heapPerMeetingKB: round((after.heapUsed - before.heapUsed) / options.count / 1024),
      setupSeconds: round(setupSeconds),
    };
  } finally {
    client.close();
    await service.stop();
  }
}

export async function memory(service: ServiceProcess, file: string): Promise<NodeJS.MemoryUsage> {
  const asked = Date.now();
  service.child.kill('SIGUSR2');
  for (let i = 0; i < 500; i++) {
    await sleep(20);
    try {
      const usage = JSON.parse(await readFile(file, 'utf8')) as NodeJS.MemoryUsage & {
        at?: number;
      };
      if ((usage.at ?? 0) >= asked) return usage;
    } catch {
      // not written yet
    }
  }
  throw new Error('the service did not report its memory');
}
