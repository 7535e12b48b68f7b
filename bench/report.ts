import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STAGES, type Stage } from '../bot/src/meetings/stage-timing';
import type { StagesMet } from './lib/ballot-stages';
import type { Engine } from './lib/databases';
import type { BurstResult } from './scenarios/ballot-burst';
import type { FanoutResult } from './scenarios/fanout';
import type { MeetingsResult } from './scenarios/meetings';
import {
  tenMeetingsGoal,
  twoInstancesGoal,
  type TenMeetingsRow,
  type TwoInstancesRow,
} from './scale-goals';

export interface Results {
  readonly generatedAt: string;
  readonly quick: boolean;
  readonly ballotBurst: readonly BurstResult[];
  readonly fanout: readonly FanoutResult[];
  /** 500 meetings on the embedded database; `meetingsByDb` has every database measured. */
  readonly meetings: MeetingsResult | null;
  readonly meetingsByDb: readonly MeetingsResult[];
  /** A restart on the embedded database; `coldStarts` has every case measured. */
  readonly coldStartMs: number | null;
  readonly coldStarts: readonly { db: Engine; data: 'existing' | 'new'; ms: number }[];
  /** Issue 18, goal 3: ten meetings voting at once, per channel and database. */
  readonly tenMeetings: readonly TenMeetingsRow[];
  /** Issue 18, goal 4: two instances on one PostgreSQL (none without DATABASE_URL). */
  readonly twoInstances: readonly TwoInstancesRow[];
  /** The tab's numbers (JavaScript per view, time to first render) come with the tab. */
  readonly tab: null;
  /** What the figures say against the goals; bench/analysis.md says what limits them. */
  readonly notes: readonly string[];
  /** By section not run this time (`--only`), when the figures shown for it were measured. */
  readonly carried?: Readonly<Partial<Record<Section, string>>>;
}

/** The sections of `bench/run.ts`, as `--only` names them. */
export const sections = [
  'burst',
  'fanout',
  'meetings',
  'cold-start',
  'ten-meetings',
  'two-instances',
] as const;
export type Section = (typeof sections)[number];

/** Where each section's figures are in the results. */
const fieldsOf: Readonly<Record<Section, readonly (keyof Results)[]>> = {
  burst: ['ballotBurst'],
  fanout: ['fanout'],
  meetings: ['meetings', 'meetingsByDb'],
  'cold-start': ['coldStartMs', 'coldStarts'],
  'ten-meetings': ['tenMeetings'],
  'two-instances': ['twoInstances'],
};

/**
 * A run of some sections only (`--only`) keeps, for the others, the figures latest.json held (of a
 * run as quick as this one), marked with when they were measured, rather than empty tables.
 */
export async function carryOver(results: Results, ran: (section: Section) => boolean) {
  const previous = await readFile(join(folder, 'latest.json'), 'utf8')
    .then((text) => JSON.parse(text) as Results)
    .catch(() => undefined);
  if (!previous || previous.quick !== results.quick) return results;
  const carried: Partial<Record<Section, string>> = {};
  const merged: Record<string, unknown> = { ...results };
  for (const section of sections) {
    if (ran(section)) continue;
    for (const field of fieldsOf[section]) merged[field] = previous[field];
    carried[section] = previous.carried?.[section] ?? previous.generatedAt;
  }
  // What bench/tab.ts and bench/sealed.ts added stays; the sealed goals are drawn from the bursts,
  // so they stay only while the bursts they were drawn from do.
  const added = previous as unknown as Record<string, unknown>;
  for (const key of ['tab', 'sealed']) if (added[key] != null) merged[key] = added[key];
  if (!ran('burst') && added.sealedGoals !== undefined) merged.sealedGoals = added.sealedGoals;
  return { ...(merged as unknown as Results), carried };
}

const folder = join(process.cwd(), 'bench', 'results');

/** latest.json, a dated copy of it, and latest.md: the tables, then the analysis in analysis.md. */
export async function writeResults(
  results: Results,
  machine: Record<string, unknown> = thisMachine(),
): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const json = `${JSON.stringify({ ...results, machine }, null, 2)}\n`;
  const stamp = results.generatedAt.replace(/:\d\d\.\d+Z$/, '').replace(':', '-');
  const dated = join(folder, `${stamp}${results.quick ? '-quick' : ''}.json`);
  const files = [join(folder, 'latest.json'), dated, join(folder, 'latest.md')];
  await writeFile(files[0] as string, json);
  await writeFile(dated, json);
  const analysis = await readFile(join(process.cwd(), 'bench', 'analysis.md'), 'utf8').catch(
    () => '',
  );
  await writeFile(files[2] as string, `${markdown(results, machine)}\n${analysis}`);
  return files;
}

function thisMachine(): Record<string, unknown> {
  return {
    /** The machine may be shared: its load when the results were written. */
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

function carriedLine(results: Results, section: Section): string[] {
  const at = results.carried?.[section];
  return at ? [`Not run this time: the figures of ${at}.`, ''] : [];
}

function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const stageLabels: Readonly<Record<Stage, string>> = {
  check: 'proof check or sealing',
  wait: 'wait for the turn',
  turn: 'turn',
  total: 'in the service',
  request: 'HTTP request in the service (API)',
};

const stageColumns = [
  ...STAGES.map((stage) => `paced: ${stageLabels[stage]}, p50 / p99 / max ms`),
  'paced: slowest 1%, where most of their time went',
];

/** The paced ballots' stages in the service (see bench/lib/ballot-stages.ts). */
function stageCells(met: StagesMet | undefined): string[] {
  if (!met) return stageColumns.map(() => '');
  const spreads = STAGES.map((stage) => {
    const spread = met.stages[stage];
    return spread ? `${spread.p50Ms} / ${spread.p99Ms} / ${spread.maxMs}` : 'not timed';
  });
  const most = Object.entries(met.tailSpentMostIn)
    .sort(([, a], [, b]) => b - a)
    .map(([part, ballots]) => `${part} ${ballots}`)
    .join(', ');
  return [...spreads, `${most || 'none matched'} of ${met.tailBallots}`];
}

function markdown(results: Results, machine: Record<string, unknown>): string {
  const parts = [
    `# Benchmark results${results.quick ? ' (quick)' : ''}`,
    '',
    `${results.generatedAt} · ${String(machine.cpus)} × ${String(machine.cpu)} · ${String(machine.memoryGB)} GB · Node ${String(machine.node)} · load average ${JSON.stringify(machine.loadAverage)}`,
    '',
    '## Ballot burst (one secret vote, every ballot sent at once)',
    '',
    ...carriedLine(results, 'burst'),
    table(
      [
        'voters',
        'channel',
        'db',
        'ballots/s',
        'p50 ms',
        'p99 ms',
        'bare HTTP req/s',
        'DB commits/s',
        'ratioToLimit',
        'proof checks/s',
        'ratio to sealed limit',
        'lost',
        'duplicated',
        'p99 floor ms',
        'CPU ms/ballot',
        'paced ballots/s',
        'paced p50 ms',
        'paced p99 ms',
        'paced: GC pauses (service main thread), p50 / max ms',
        'paced: client GC pauses, max ms',
        'paced: ballots meeting a pause',
        'paced: slowest 1% meeting a pause',
        ...stageColumns,
        'aggregated after close ms',
        'totals after last share ms',
      ],
      results.ballotBurst.map((r) => [
        r.voters,
        r.channel,
        r.db,
        r.ballotsPerSec,
        r.p50Ms,
        r.p99Ms,
        r.baselineHttpRps,
        r.baselineDbCommitsPerSec,
        r.ratioToLimit,
        r.baselineProofChecksPerSec ?? '',
        r.ratioToSealedLimit ?? '',
        r.lost,
        r.duplicated,
        r.p99FloorMs,
        r.serviceCpuMsPerBallot ?? '',
        r.paced.ballotsPerSec,
        r.paced.p50Ms,
        r.paced.p99Ms,
        r.paced.gc
          ? `${r.paced.gc.mainPauses}, ${r.paced.gc.mainPauseP50Ms} / ${r.paced.gc.mainPauseMaxMs}`
          : '',
        r.paced.gc ? `${r.paced.gc.clientPauses}, ${r.paced.gc.clientPauseMaxMs}` : '',
        r.paced.gc ? `${r.paced.gc.ballotsMeetingPausePct} %` : '',
        r.paced.gc ? `${r.paced.gc.tailMeetingPause} of ${r.paced.gc.tailBallots}` : '',
        ...stageCells(r.paced.stages),
        r.count.aggregatedAfterCloseMs,
        r.count.totalsAfterLastShareMs,
      ]),
    ),
    '',
    '## Live fan-out (one event, every stream of one meeting)',
    '',
    ...carriedLine(results, 'fanout'),
    table(
      ['subscribers', 'db', 'p50 ms', 'p99 ms', 'events', 'missing'],
      results.fanout.map((r) => [r.subscribers, r.db, r.p50Ms, r.p99Ms, r.events, r.missing]),
    ),
    '',
  ];
  if (results.meetingsByDb.length > 0) {
    parts.push(
      '## Meetings at once (49 members each, in session, idle)',
      '',
      ...carriedLine(results, 'meetings'),
      table(
        ['meetings', 'db', 'RSS KB per meeting', 'JS heap KB per meeting', 'setup s'],
        results.meetingsByDb.map((r) => [
          r.count,
          r.db,
          r.rssPerMeetingKB,
          r.heapPerMeetingKB,
          r.setupSeconds,
        ]),
      ),
      '',
    );
  }
  parts.push(
    '## Cold start (process start to /readyz answering)',
    '',
    ...carriedLine(results, 'cold-start'),
    table(
      ['db', 'data', 'ms'],
      results.coldStarts.map((r) => [r.db, r.data, r.ms]),
    ),
    '',
  );
  parts.push(...scaleSections(results));
  if (results.notes.length > 0) {
    parts.push('## Notes', '', ...results.notes.map((note) => `- ${note}`), '');
  }
  return parts.join('\n');
}

/** Issue 18's goals 3 and 4: the goal, the figures, whether it is met. */
function scaleSections(results: Results): string[] {
  const ten = results.tenMeetings;
  const two = results.twoInstances;
  const single = (r: TenMeetingsRow | TwoInstancesRow) =>
    `${r.single.ballotsPerSec} (${r.single.from})`;
  return [
    '## Meetings voting at once (every ballot of every meeting sent at once)',
    '',
    ...carriedLine(results, 'ten-meetings'),
    `Goal: ${tenMeetingsGoal}.`,
    '',
    table(
      [
        'meetings × voters',
        'channel',
        'db',
        'ballots/s',
        'one meeting ballots/s',
        'ratio',
        'p99 per meeting ms (min–max)',
        'p99 spread',
        'lost',
        'duplicated',
        'unacknowledged',
        'miscounted',
        'CPU ms/ballot',
        'met',
      ],
      ten.map((r) => [
        `${r.meetings} × ${r.votersPerMeeting}`,
        r.channel,
        r.db,
        r.ballotsPerSec,
        single(r),
        r.ratio,
        `${Math.min(...r.perMeeting.map((m) => m.p99Ms))}–${Math.max(...r.perMeeting.map((m) => m.p99Ms))}`,
        r.p99Spread,
        r.lost,
        r.duplicated,
        r.unacknowledged,
        r.miscounted,
        r.serviceCpuMsPerBallot ?? '',
        r.met,
      ]),
    ),
    '',
    '## Two instances on one PostgreSQL (one meeting, voters split between them)',
    '',
    ...carriedLine(results, 'two-instances'),
    `Goal: ${twoInstancesGoal}.${two.length === 0 ? ' Measured only with PostgreSQL (DATABASE_URL or TEST_DATABASE_URL).' : ''}`,
    '',
    table(
      [
        'instances',
        'voters',
        'channel',
        'db',
        'ballots/s',
        'one instance ballots/s',
        'ratio',
        'p50 ms',
        'p99 ms',
        'lost',
        'duplicated',
        'unacknowledged',
        'miscounted',
        'stream events (missing, twice) per instance',
        'met',
      ],
      two.map((r) => [
        r.instances,
        r.voters,
        r.channel,
        r.db,
        r.ballotsPerSec,
        single(r),
        r.ratio,
        r.p50Ms,
        r.p99Ms,
        r.lost,
        r.duplicated,
        r.unacknowledged,
        r.miscounted,
        r.streams.map((s) => `${s.events} (${s.missing}, ${s.duplicated})`).join('; '),
        r.met,
      ]),
    ),
    '',
  ];
}
