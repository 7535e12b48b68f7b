import type { BurstResult } from './scenarios/ballot-burst';

/**
 * What each burst's figures say about its goals, in words: with every ballot sent at once, the
 * queue alone sets a floor under the 99th percentile, so a p99 above 100 ms is read against it.
 */
export function burstNotes(bursts: readonly BurstResult[]): string[] {
  return bursts.map((r) => {
    const where = `${r.voters} voters, ${r.channel}, ${r.db}`;
    const cpu =
      r.serviceCpuMsPerBallot === null
        ? ''
        : `; the service spent ${r.serviceCpuMsPerBallot} ms of CPU per ballot`;
    const goal =
      r.p99Ms <= 100
        ? 'p99 within 100 ms'
        : `p99 ${r.p99Ms} ms against a floor of ${r.p99FloorMs} ms (99% of ${r.voters} ballots at ${r.ballotsPerSec}/s): ${Math.ceil((0.99 * r.voters * 1000) / 100)} ballots/s would be needed for 100 ms`;
    return `${where}: ${goal}${cpu}; ratioToLimit ${r.ratioToLimit}.`;
  });
}
