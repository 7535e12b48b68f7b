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
    // Issue 15's goals for sealed ballots: the tab's pre-sealed ballots, the card's sealed on receipt.
    const floor = r.channel === 'api' ? 1_000 : 500;
    const sealed =
      `${r.ballotsPerSec} sealed ballots/s (goal ≥ ${floor})` +
      `; totals ${r.count.totalsAfterLastShareMs} ms after the last share (goal ≤ 3,000)`;
    const sealedLimit =
      typeof r.ratioToSealedLimit !== 'number'
        ? ''
        : ` (${r.ratioToSealedLimit} of the least of it and the proof checker's ${r.baselineProofChecksPerSec}/s)`;
    return `${where}: ${goal}${cpu}; ${sealed}; ratioToLimit ${r.ratioToLimit}${sealedLimit}.`;
  });
}
