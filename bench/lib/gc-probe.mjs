/**
 * Preloaded into the service by the ballot burst: every garbage collection pause of its main
 * thread, appended to BENCH_GC_FILE as `[start on the wall clock in ms, duration ms]` lines, so that
 * the paced vote's slowest ballots can be set against the pauses they met. Plain JavaScript: the
 * proof workers inherit the preload without the parent's TypeScript loader, and a worker that
 * cannot load it cannot start.
 */
import { appendFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_GC_FILE;
if (file && isMainThread) {
  new PerformanceObserver((list) => {
    const lines = list
      .getEntries()
      .map((entry) => JSON.stringify([performance.timeOrigin + entry.startTime, entry.duration]));
    appendFileSync(file, `${lines.join('\n')}\n`);
  }).observe({ entryTypes: ['gc'] });
}
