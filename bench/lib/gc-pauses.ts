import { PerformanceObserver } from 'node:perf_hooks';
import { flightsOf, slowestOf, spanOf, type Casting } from './voting';
import { probeLines } from './probe-lines';
import { quantile, round } from './stats';

/** A garbage collection pause of the service's main thread (gc-probe.mjs) or the bench's client. */
export interface Pause {
  /** Wall clock, ms. */
  readonly start: number;
  readonly ms: number;
  /** 0 is the service's main thread; -1 the bench's client. */
  readonly thread: number;
}

/** The service's garbage collection during a paced vote, and how much of its tail it explains. */
export interface PausesMet {
  readonly mainPauses: number;
  readonly mainPauseP50Ms: number;
  readonly mainPauseMaxMs: number;
  /** The bench's own client: its pauses delay the answers it reads. */
  readonly clientPauses: number;
  readonly clientPauseMaxMs: number;
  /** Share of all ballots in flight while some thread paused, in %. */
  readonly ballotsMeetingPausePct: number;
  /** The slowest ballots (latency at or over the p99) and how many of them met a pause. */
  readonly tailBallots: number;
  readonly tailMeetingPause: number;
}

export async function readPauses(file: string): Promise<Pause[]> {
  const lines = await probeLines<[number, number]>(file);
  return lines.map(([start, ms]) => ({ start, ms, thread: 0 }));
}

/** This process's own pauses (the bench's client) from now until `stop`. */
export function watchPauses(): { stop(): Pause[] } {
  const pauses: Pause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      pauses.push({
        start: performance.timeOrigin + entry.startTime,
        ms: entry.duration,
        thread: -1,
      });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return pauses;
    },
  };
}

/**
 * Sets each ballot of `casting` (from cast to answer) against the pauses: a ballot meets a pause
 * when the service's main thread or the client stopped for garbage collection while the ballot was in flight.
 */
export function pausesMet(casting: Casting, pauses: readonly Pause[]): PausesMet {
  const flights = flightsOf(casting);
  const { from, to } = spanOf(flights);
  const during = pauses.filter((p) => p.start + p.ms >= from && p.start <= to);
  const main = during.filter((p) => p.thread === 0).map((p) => p.ms);
  const client = during.filter((p) => p.thread < 0).map((p) => p.ms);
  const meets = (flight: { from: number; to: number }) =>
    during.some((p) => p.start <= flight.to && p.start + p.ms >= flight.from);
  const tail = slowestOf(flights);
  return {
    mainPauses: main.length,
    mainPauseP50Ms: round(quantile(main, 0.5)),
    mainPauseMaxMs: round(Math.max(0, ...main)),
    clientPauses: client.length,
    clientPauseMaxMs: round(Math.max(0, ...client)),
    ballotsMeetingPausePct: round((100 * flights.filter(meets).length) / flights.length),
    tailBallots: tail.length,
    tailMeetingPause: tail.filter(meets).length,
  };
}
