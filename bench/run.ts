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
import { carryOver, sections, writeResults, type Results } from './report';
import {
  apiChannel,
  ballotBurst,
  type BallotChannel,
  type BurstResult,
} from './scenarios/ballot-burst';
import { bareHttpRps, dbCommitsPerSec, proofCheckBaseline } from './scenarios/baselines';
import { botChannel } from './scenarios/bot-channel';
import { coldStartMs, coldStartNewDataMs } from './scenarios/cold-start';
import { fanout, type FanoutResult } from './scenarios/fanout';
import { concurrentMeetings, type MeetingsResult } from './scenarios/meetings';
import { votingTogether, type TogetherOptions } from './scenarios/voting-together';
import {
  burstFigure,
  scaleNotes,
  tenMeetingsRow,
  twoInstancesRow,
  type SingleFigure,
  type TenMeetingsRow,
  type TwoInstancesRow,
} from './scale-goals';

/** How members vote in the burst: the tab's API and the bot's card actions. */
const channels: readonly BallotChannel[] = [apiChannel, botChannel];

const quick = process.argv.includes('--quick');
const postgresUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const engines: Engine[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];
const voterCounts = quick ? [1_000] : [49, 1_000, 10_000];
const subscriberCounts = [1_000];
const maxSockets = 256;
/** `--only=burst,fanout,meetings,cold-start,ten-meetings,two-instances`: those sections alone. */
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const unknown =
  only?.split(',').filter((section) => !(sections as readonly string[]).includes(section)) ?? [];
if (unknown.length > 0)
  throw new Error(`--only: no section ${unknown.join(', ')} (${sections.join(', ')})`);
const runs = (section: string) => !only || only.split(',').includes(section);
/**
 * Ballots in each of goals 3 and 4 (ten meetings, two instances): 1,000 as the issue says;
 * `--together-voters=100` checks the scenarios at a small scale (10 × 10, 2 × 50).
 */
const togetherArg = process.argv.find((arg) => arg.startsWith('--together-voters='));
const togetherVoters = togetherArg ? Number(togetherArg.slice('--together-voters='.length)) : 1_000;
if (!Number.isInteger(togetherVoters) || togetherVoters < 100 || togetherVoters % 10 !== 0) {
  throw new Error(
    '--together-voters must be a multiple of 10, at least 100 (ten meetings of ten: a sitting needs its tellers and more)',
  );
}

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
  for (const engine of runs('burst') ? engines : []) {
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
            baselines: async (ballot, choices) => ({
              httpRps: await bareHttpRps({ requests: voters, ...ballot, workDir, maxSockets }),
              dbCommitsPerSec: await dbBaseline(engine),
              ...(channel.name === 'api'
                ? { proofChecksPerSec: await proofCheckBaseline(choices) }
                : {}),
            }),
          }),
        );
        say(`  ${JSON.stringify(result)}`);
        ballotBursts.push(result);
      }
    }
  }

  const fanouts: FanoutResult[] = [];
  for (const engine of runs('fanout') ? engines : []) {
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
  if (!quick && runs('meetings')) {
    for (const engine of engines) {
      say(`500 meetings at once, ${engine}`);
      const result = await withDatabase(engine, (database) =>
        concurrentMeetings({ count: 500, database, workDir }),
      );
      say(`  ${JSON.stringify(result)}`);
      meetings.push(result);
    }
  }

  const coldStarts = [];
  if (runs('cold-start')) say('cold start');
  for (const engine of runs('cold-start') ? engines : []) {
    coldStarts.push({
      db: engine,
      data: 'existing' as const,
      ms: await withDatabase(engine, (database) => coldStartMs(database, workDir, quick ? 1 : 3)),
    });
  }
  if (!quick && runs('cold-start'))
    coldStarts.push({
      db: 'pglite' as const,
      data: 'new' as const,
      ms: await coldStartNewDataMs(workDir),
    });
  if (runs('cold-start')) say(`  ${JSON.stringify(coldStarts)}`);

  // One meeting of the same ballots on one instance: the burst's figure where it ran, else measured.
  const singles = new Map<string, SingleFigure>();
  /** Goals 3 and 4: `meetings` meetings on `instances` instances voting at once, logged. */
  const together = async (
    engine: Engine,
    shape: Pick<TogetherOptions, 'channel' | 'instances' | 'meetings' | 'votersPerMeeting'>,
  ) => {
    const result = await withDatabase(engine, (database) =>
      votingTogether({ ...shape, database, workDir, maxSockets }),
    );
    say(`  ${JSON.stringify(result)}`);
    return result;
  };

  const single = async (channel: BallotChannel, engine: Engine): Promise<SingleFigure> => {
    const key = `${channel.name} ${engine}`;
    const known =
      singles.get(key) ?? burstFigure(ballotBursts, channel.name, engine, togetherVoters);
    if (known) return known;
    say(`one meeting of ${togetherVoters} voters, ${channel.name}, ${engine}`);
    const result = await together(engine, {
      channel,
      instances: 1,
      meetings: 1,
      votersPerMeeting: togetherVoters,
    });
    const measured = { ballotsPerSec: result.ballotsPerSec, from: 'measured' as const };
    singles.set(key, measured);
    return measured;
  };

  const tenMeetings: TenMeetingsRow[] = [];
  for (const engine of runs('ten-meetings') ? engines : []) {
    for (const channel of channels) {
      say(`ten meetings of ${togetherVoters / 10} voters at once, ${channel.name}, ${engine}`);
      const result = await together(engine, {
        channel,
        instances: 1,
        meetings: 10,
        votersPerMeeting: togetherVoters / 10,
      });
      tenMeetings.push(tenMeetingsRow(result, await single(channel, engine)));
    }
  }

  const twoInstances: TwoInstancesRow[] = [];
  if (runs('two-instances') && engines.includes('postgres')) {
    say(`two instances, ${togetherVoters} voters, api, postgres`);
    const result = await together('postgres', {
      channel: apiChannel,
      instances: 2,
      meetings: 1,
      votersPerMeeting: togetherVoters,
    });
    twoInstances.push(twoInstancesRow(result, await single(apiChannel, 'postgres')));
  }

  const results: Results = {
    generatedAt: new Date().toISOString(),
    quick,
    ballotBurst: ballotBursts,
    fanout: fanouts,
    meetings: meetings[0] ?? null,
    meetingsByDb: meetings,
    coldStartMs: coldStarts[0]?.ms ?? null,
    coldStarts,
    tenMeetings,
    twoInstances,
    tab: null,
    notes: [...burstNotes(ballotBursts), ...scaleNotes(tenMeetings, twoInstances)],
  };
  const written = await writeResults(only ? await carryOver(results, runs) : results);
  say(`results: ${written.join(', ')}`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
