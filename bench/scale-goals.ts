/**
 * Issue 18's goals 3 and 4, each against the single meeting on a single instance of the same run:
 * many meetings voting at once on one service, and one meeting's voters split over two services on
 * one PostgreSQL.
 */
import type { Engine } from './lib/databases';
import type { BurstResult } from './scenarios/ballot-burst';
import type { MeetingFigures, TogetherResult } from './scenarios/voting-together';
import { round } from './lib/stats';

export const tenMeetingsGoal =
  "Ten meetings voting at once (10 × 100 voters): total throughput ≥ 0.8 of the single meeting's; no meeting's p99 more than 2× another's";
export const twoInstancesGoal =
  "Two service instances on one PostgreSQL, the voters split between them: throughput ≥ 1.5× one instance's, nothing lost or doubled, every stream sees every event once";

/** What the director's live stream on one instance received of the burst's events. */
export interface StreamFigures {
  readonly instance: number;
  /** Events the meeting's log holds from just before the burst to the vote's count. */
  readonly events: number;
  readonly missing: number;
  readonly duplicated: number;
}

/** The log's events against what one stream received, by sequence number. */
export function streamFigures(
  instance: number,
  logged: readonly number[],
  seen: readonly number[],
): StreamFigures {
  const times = new Map<number, number>();
  for (const seq of seen) times.set(seq, (times.get(seq) ?? 0) + 1);
  return {
    instance,
    events: logged.length,
    missing: logged.filter((seq) => !times.has(seq)).length,
    duplicated: [...times.values()].reduce((sum, n) => sum + n - 1, 0),
  };
}

/** The same number of ballots in one meeting on one instance, and where the figure comes from. */
export interface SingleFigure {
  readonly ballotsPerSec: number;
  /** `burst`: the ballot burst of the same run, same voters, channel and database. */
  readonly from: 'burst' | 'measured';
}

/** The ballot burst of this run with `voters` voters on this channel and database, if it ran. */
export function burstFigure(
  bursts: readonly BurstResult[],
  channel: BurstResult['channel'],
  db: Engine,
  voters: number,
): SingleFigure | undefined {
  const burst = bursts.find((r) => r.channel === channel && r.db === db && r.voters === voters);
  return burst && { ballotsPerSec: burst.ballotsPerSec, from: 'burst' };
}

interface Checked {
  readonly goal: string;
  readonly channel: TogetherResult['channel'];
  readonly db: Engine;
  readonly ballotsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly unacknowledged: number;
  readonly miscounted: number;
  readonly serviceCpuMsPerBallot: number | null;
  readonly setupMs: number;
  /** The same ballots in one meeting on one instance, in this run. */
  readonly single: SingleFigure;
  /** ballotsPerSec over the single figure. */
  readonly ratio: number;
  readonly met: boolean;
}

export interface TenMeetingsRow extends Checked {
  readonly meetings: number;
  readonly votersPerMeeting: number;
  /** The slowest meeting's p99 over the fastest's: how far one meeting's wait exceeds another's. */
  readonly p99Spread: number;
  readonly perMeeting: readonly MeetingFigures[];
}

export interface TwoInstancesRow extends Checked {
  readonly instances: number;
  readonly voters: number;
  readonly streams: readonly StreamFigures[];
}

/** Every ballot acknowledged, there once, and counted: the condition under every throughput goal. */
const intact = (r: TogetherResult) =>
  r.lost === 0 && r.duplicated === 0 && r.unacknowledged === 0 && r.miscounted === 0;

function checked(goal: string, r: TogetherResult, single: SingleFigure, least: number): Checked {
  const ratio = single.ballotsPerSec > 0 ? round(r.ballotsPerSec / single.ballotsPerSec, 2) : 0;
  return {
    goal,
    channel: r.channel,
    db: r.db,
    ballotsPerSec: r.ballotsPerSec,
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    lost: r.lost,
    duplicated: r.duplicated,
    unacknowledged: r.unacknowledged,
    miscounted: r.miscounted,
    serviceCpuMsPerBallot: r.serviceCpuMsPerBallot,
    setupMs: r.setupMs,
    single,
    ratio,
    met: intact(r) && ratio >= least,
  };
}

export function tenMeetingsRow(r: TogetherResult, single: SingleFigure): TenMeetingsRow {
  const p99s = r.perMeeting.map((m) => m.p99Ms);
  const fastest = Math.min(...p99s);
  const p99Spread = fastest > 0 ? round(Math.max(...p99s) / fastest, 2) : 0;
  const row = checked(tenMeetingsGoal, r, single, 0.8);
  return {
    ...row,
    meetings: r.meetings,
    votersPerMeeting: r.votersPerMeeting,
    p99Spread,
    perMeeting: r.perMeeting,
    met: row.met && p99s.length > 0 && p99Spread <= 2,
  };
}

export function twoInstancesRow(r: TogetherResult, single: SingleFigure): TwoInstancesRow {
  const row = checked(twoInstancesGoal, r, single, 1.5);
  const everyEventOnce = r.streams.every(
    (s) => s.events > 0 && s.missing === 0 && s.duplicated === 0,
  );
  return {
    ...row,
    instances: r.instances,
    voters: r.meetings * r.votersPerMeeting,
    streams: r.streams,
    met: row.met && r.streams.length === r.instances && everyEventOnce,
  };
}

/** What each row says against its goal, in words, for the notes. */
export function scaleNotes(
  tenMeetings: readonly TenMeetingsRow[],
  twoInstances: readonly TwoInstancesRow[],
): string[] {
  const intactNote = (r: Checked) =>
    r.lost + r.duplicated + r.unacknowledged + r.miscounted === 0
      ? 'nothing lost, doubled or miscounted'
      : `lost ${r.lost}, duplicated ${r.duplicated}, unacknowledged ${r.unacknowledged}, miscounted meetings ${r.miscounted}`;
  return [
    ...tenMeetings.map(
      (r) =>
        `${r.meetings} meetings × ${r.votersPerMeeting} voters at once, ${r.channel}, ${r.db}: ${r.ballotsPerSec} ballots/s, ${r.ratio} of one meeting's ${r.single.ballotsPerSec} (goal ≥ 0.8); slowest meeting's p99 ${r.p99Spread}× the fastest's (goal ≤ 2); ${intactNote(r)}: goal ${r.met ? 'met' : 'missed'}.`,
    ),
    ...twoInstances.map((r) => {
      const streams = r.streams
        .map(
          (s) =>
            `instance ${s.instance + 1}: ${s.events} events, ${s.missing} missing, ${s.duplicated} twice`,
        )
        .join('; ');
      return `${r.instances} instances, ${r.voters} voters, ${r.channel}, ${r.db}: ${r.ballotsPerSec} ballots/s, ${r.ratio}× one instance's ${r.single.ballotsPerSec} (goal ≥ 1.5); ${intactNote(r)}; streams: ${streams}: goal ${r.met ? 'met' : 'missed'}.`;
    }),
  ];
}
