import { STAGES, type Stage, type StageTiming } from '../../bot/src/meetings/stage-timing';
import { flightsOf, slowestOf, spanOf, type Casting, type Flight } from './voting';
import { probeLines } from './probe-lines';
import { quantile, round } from './stats';

export interface Spread {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Where a slow ballot's time went: a stage of its command in the service; `http`, the rest of its
 * HTTP request in the service (sign-in, parsing, the answer; the API's alone); or `outside` (the
 * client and the network, and on the bot's channel all that is not its command).
 */
export type Part = Exclude<Stage, 'total' | 'request'> | 'http' | 'outside';

/** The stages in the service of a paced vote's ballots, and where its slowest spent most time. */
export interface StagesMet {
  /** The ballots the service timed while the vote's ballots were in flight. */
  readonly ballots: number;
  /** Each stage the service timed (`request` only through the API). */
  readonly stages: Readonly<Partial<Record<Stage, Spread>>>;
  /** The slowest ballots: latency at or over the p99. */
  readonly tailBallots: number;
  /** Those of them matched to their stages, by the part that took most of their time. */
  readonly tailSpentMostIn: Readonly<Partial<Record<Part, number>>>;
}

export async function readStages(file: string): Promise<StageTiming[]> {
  const lines = await probeLines<[StageTiming['command'], Stage, number, number]>(file);
  return lines.map(([command, stage, start, ms]) => ({ command, stage, start, ms }));
}

const end = (timing: StageTiming) => timing.start + timing.ms;

const within = (outer: { from: number; to: number }, timing: StageTiming) =>
  timing.start >= outer.from && end(timing) <= outer.to;

/** The longest of `stage` within `outer`. */
function longest(
  timings: readonly StageTiming[],
  stage: Stage,
  outer: { from: number; to: number },
): StageTiming | undefined {
  return timings
    .filter((timing) => timing.stage === stage && within(outer, timing))
    .reduce<StageTiming | undefined>(
      (most, timing) => (timing.ms > (most?.ms ?? -1) ? timing : most),
      undefined,
    );
}

const spanOfStage = (timing: StageTiming) => ({ from: timing.start, to: end(timing) });

function spread(timings: readonly StageTiming[]): Spread {
  const ms = timings.map((timing) => timing.ms);
  return {
    p50Ms: round(quantile(ms, 0.5)),
    p99Ms: round(quantile(ms, 0.99)),
    maxMs: round(Math.max(0, ...ms)),
  };
}

/**
 * The part of one slow ballot's time that took most. Its stages carry no id, so they are found by
 * time: its HTTP request is the longest inside its flight (a ballot cast before it or answered
 * after it is not inside; one cast after and answered before it is shorter, unless this one's
 * time went outside the service, which the longest found says as well), its whole in the service
 * the longest inside that, its turn the last to end within the whole, its check the first to
 * start in it; it waited from the check's end to the turn.
 */
function spentMostIn(flight: Flight, timings: readonly StageTiming[]): Part | undefined {
  const request = longest(timings, 'request', flight);
  const whole = longest(timings, 'total', request ? spanOfStage(request) : flight);
  if (!whole) return undefined;
  const inWhole = timings.filter((t) => within(spanOfStage(whole), t));
  const [turn] = inWhole.filter((t) => t.stage === 'turn').sort((a, b) => end(b) - end(a));
  const [check] = inWhole.filter((t) => t.stage === 'check').sort((a, b) => a.start - b.start);
  const waitFrom = check ? end(check) : whole.start;
  const parts: [Part, number][] = [
    ['check', check?.ms ?? 0],
    ['wait', (turn?.start ?? end(whole)) - waitFrom],
    ['turn', turn?.ms ?? 0],
    ['http', request ? request.ms - whole.ms : 0],
    ['outside', flight.to - flight.from - (request ?? whole).ms],
  ];
  return parts.reduce((most, part) => (part[1] > most[1] ? part : most))[0];
}

/** The service's CastBallot stages from the first ballot of `casting` cast to its last answer. */
export function stagesMet(casting: Casting, timings: readonly StageTiming[]): StagesMet {
  const flights = flightsOf(casting);
  const { from, to } = spanOf(flights);
  const ballots = timings.filter(
    (timing) => timing.command === 'CastBallot' && within({ from, to }, timing),
  );
  const of = (stage: Stage) => ballots.filter((timing) => timing.stage === stage);
  const spreads = STAGES.flatMap((stage) => {
    const timed = of(stage);
    return timed.length > 0 ? [[stage, spread(timed)] as const] : [];
  });
  const tail = slowestOf(flights);
  const tailSpentMostIn: Partial<Record<Part, number>> = {};
  for (const flight of tail) {
    const part = spentMostIn(flight, ballots);
    if (part) tailSpentMostIn[part] = (tailSpentMostIn[part] ?? 0) + 1;
  }
  return {
    ballots: of('total').length,
    stages: Object.fromEntries(spreads),
    tailBallots: tail.length,
    tailSpentMostIn,
  };
}
