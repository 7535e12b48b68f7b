/**
 * Preloaded into the service by the ballot burst: how long each stage of each command took, as
 * the service publishes it (bot/src/meetings/stage-timing.ts, whose channel name this repeats),
 * appended to BENCH_STAGES_FILE as `[command type, stage, start on the wall clock in ms,
 * duration ms]` lines. Written in batches at most 100 ms after the first line waiting, so that
 * the probe costs the service's event loop one write now and then, not one per stage. Plain
 * JavaScript, main thread only, as gc-probe.mjs is, for the same reason.
 */
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_STAGES_FILE;
if (file && isMainThread) {
  let lines = [];
  const write = () => {
    appendFileSync(file, lines.join(''));
    lines = [];
  };
  // It listens from the bench's SIGUSR2 on, before the paced vote: what it costs (some 0.5 ms of
  // CPU per API ballot) then stays out of the burst's throughput.
  process.once('SIGUSR2', () => {
    subscribe('council:command-stages', ({ command, stage, start, ms }) => {
      if (lines.length === 0) setTimeout(write, 100).unref();
      lines.push(`${JSON.stringify([command, stage, start, ms])}\n`);
    });
  });
  process.on('exit', () => {
    if (lines.length > 0) write();
  });
}
