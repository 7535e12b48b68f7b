/**
 * A worker thread of the proof checker (proof-checker.ts): it checks sealed ballots' proofs and
 * seals cards' choices off the event loop. A choice it seals leaves it only as the sealed ballot;
 * it keeps nothing between jobs and logs nothing.
 * Bundled as dist/proof-worker.js beside dist/main.js (bot/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { loadSealed } from '@council/shared/sealed';
import { workerAnswer, type WorkerJob } from './proof-checker';

const port = parentPort;
if (!port) throw new Error('the proof worker runs in a worker thread');
const sealed = await loadSealed();

// Messages posted before the loader is done wait in the port until this listener starts it.
port.on('message', (job: WorkerJob) => {
  port.postMessage(workerAnswer(sealed, job));
});
