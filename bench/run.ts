/**
 * `npm run bench [-- --quick]`: the ballot burst, the live fan-out, many meetings at once and the
 * cold start, each against baselines measured in the same run, written to bench/results/.
 * PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  pgliteDatabase,
  pgliteTemplate,
  postgresDatabase,
  type BenchDatabase,
  type Engine,
} from './lib/databases';
import { burstNotes } from './notes';
import { writeResults, type Results } from './report';
import {
  apiChannel,
  ballotBurst,
  type BallotChannel,
  type BurstResult,
} from './scenarios/ballot-burst';
import { bareHttpRps, dbCommitsPerSec } from './scenarios/baselines';
import { botChannel } from './scenarios/bot-channel';
import { coldStartMs, coldStartNewDataMs } from './scenarios/cold-start';
import { fanout, type FanoutResult } from './scenarios/fanout';
import { concurrentMeetings, type MeetingsResult } from './scenarios/meetings';

/** How members vote in the burst: the tab's API and the bot's card actions. */
const channels: readonly BallotChannel[] = [apiChannel, botChannel];

const quick = process.argv.includes('--quick');
const postgresUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const engines: Engine[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
const voterCounts = quick ? [1_000] : [49, 1_000, 10_000];
const subscriberCounts = [1_000];
const maxSockets = 256;

const workDir = await mkdtemp(join(tmpdir(), 'council-bench-'));
const say = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

try {
  const template = await pgliteTemplate(workDir);
  const fresh = (engine: Engine): Promise<BenchDatabase> =>
    engine === 'pglite'
      ? pgliteDatabase(template, workDir)
      : postgresDatabase(postgresUrl as string);
  const withDatabase = async <T>(engine: Engine, work: (db: BenchDatabase) => Promise<T>) => {
    const database = await fresh(engine);
    try {
      return await work(database);
    } finally {
      await database.drop();
    }
  };

  const dbBaselines = new Map<Engine, number>();
  const dbBaseline = async (engine: Engine) => {
    const known = dbBaselines.get(engine);
    if (known !== undefined) return known;
    const measured = await withDatabase(engine, (database) => dbCommitsPerSec(database));
    dbBaselines.set(engine, measured);
    return measured;
  };

  const ballotBursts: BurstResult[] = [];
  for (const engine of engines) {
    for (const voters of voterCounts) {
      for (const channel of channels) {
        say(`ballot burst: ${voters} voters, ${channel.name}, ${engine}`);
        const result = await withDatabase(engine, (database) =>
          ballotBurst({
            channel,
            voters,
            database,
            workDir,
            maxSockets,
            baselines: async (ballot) => ({
              httpRps: await bareHttpRps({ requests: voters, ...ballot, workDir, maxSockets }),
              dbCommitsPerSec: await dbBaseline(engine),
            }),
          }),
        );
        say(`  ${JSON.stringify(result)}`);
        ballotBursts.push(result);
      }
    }
  }

  const fanouts: FanoutResult[] = [];
  for (const engine of engines) {
    for (const subscribers of subscriberCounts) {
      say(`fan-out: ${subscribers} subscribers, ${engine}`);
      const result = await withDatabase(engine, (database) =>
        fanout({ subscribers, database, workDir }),
      );
      say(`  ${JSON.stringify(result)}`);
      fanouts.push(result);
    }
  }

  const meetings: MeetingsResult[] = [];
  if (!quick) {
    for (const engine of engines) {
      say(`500 meetings at once, ${engine}`);
      const result = await withDatabase(engine, (database) =>
        concurrentMeetings({ count: 500, database, workDir }),
      );
      say(`  ${JSON.stringify(result)}`);
      meetings.push(result);
    }
  }

  say('cold start');
  const coldStarts = [];
  for (const engine of engines) {
    coldStarts.push({
      db: engine,
      data: 'existing' as const,
      ms: await withDatabase(engine, (database) => coldStartMs(database, workDir, quick ? 1 : 3)),
    });
  }
  if (!quick)
    coldStarts.push({
      db: 'pglite' as const,
      data: 'new' as const,
      ms: await coldStartNewDataMs(workDir),
    });
  say(`  ${JSON.stringify(coldStarts)}`);

  const results: Results = {
    generatedAt: new Date().toISOString(),
    quick,
    ballotBurst: ballotBursts,
    fanout: fanouts,
    meetings: meetings[0] ?? null,
    meetingsByDb: meetings,
    coldStartMs: coldStarts[0]?.ms ?? null,
    coldStarts,
    tab: null,
    notes: burstNotes(ballotBursts),
  };
  const written = await writeResults(results);
  say(`results: ${written.join(', ')}`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
