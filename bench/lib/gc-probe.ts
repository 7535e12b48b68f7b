/**
 * Preloaded into the service by the ballot burst: every garbage collection pause of the thread it
 * runs in (the main thread: the proof workers load no preload), appended to
 * BENCH_GC_FILE as `[start on the wall clock in ms, duration ms, thread]` lines, so that the paced
 * vote's slowest ballots can be set against the pauses they met.
 */
import { appendFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { threadId } from 'node:worker_threads';

const file = process.env.BENCH_GC_FILE;
if (file) {
  new PerformanceObserver((list) => {
    const lines = list
      .getEntries()
      .map((entry) =>
        JSON.stringify([performance.timeOrigin + entry.startTime, entry.duration, threadId]),
      );
    appendFileSync(file, `${lines.join('\n')}\n`);
  }).observe({ entryTypes: ['gc'] });
}
