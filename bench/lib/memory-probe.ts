/**
 * Preloaded into the service by the benchmark (with --expose-gc): on SIGUSR2, collects garbage and
 * writes the process's memory use to BENCH_MEMORY_FILE, so that idle memory is measured, not litter.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
const collect = (globalThis as { gc?: () => void }).gc;
if (file) {
  process.on('SIGUSR2', () => {
    collect?.();
    collect?.();
    writeFileSync(file, JSON.stringify({ ...process.memoryUsage(), at: Date.now() }));
  });
}
