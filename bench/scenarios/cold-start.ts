import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchDatabase } from '../lib/databases';
import { spawnService } from '../lib/processes';
import { quantile, round } from '../lib/stats';

/**
 * From spawning `node --import tsx bot/src/main.ts` to `/readyz` answering 200, on a database that
 * already holds the schema (a restart): the median of `runs` starts, after one that migrates.
 */
export async function coldStartMs(database: BenchDatabase, workDir: string, runs = 3) {
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const service = await spawnService({
      env: database.env,
      logFile: join(workDir, `service-cold-start-${database.engine}.log`),
    });
    await service.stop();
    if (run > 0) times.push(service.readyAfterMs);
  }
  return round(quantile(times, 0.5), 0);
}

/** The same, on an empty PGlite folder: the first start of a new installation runs initdb. */
export async function coldStartNewDataMs(workDir: string) {
  const dataDir = await mkdtemp(join(workDir, 'pglite-new-'));
  try {
    const service = await spawnService({
      env: { DATA_DIR: dataDir },
      logFile: join(workDir, 'service-cold-start-new.log'),
    });
    await service.stop();
    return round(service.readyAfterMs, 0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
