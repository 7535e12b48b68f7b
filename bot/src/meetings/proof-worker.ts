/**
 * A worker thread of the proof checker (proof-checker.ts): it checks sealed ballots' proofs and
 * seals cards' choices off the event loop. A choice it seals leaves it only as the sealed ballot;
 * between jobs it keeps only ballots prepared ahead (randomness, no choice: prepared-ballots.ts),
 * and it logs nothing.
 * Bundled as dist/proof-worker.js beside dist/main.js (bot/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { loadSealed } from '@council/shared/sealed';
import { workerAnswer, type WorkerMessage } from './proof-checker';
import { createPreparedBallots } from './prepared-ballots';

const port = parentPort;
if (!port) throw new Error('the proof worker runs in a worker thread');
const sealed = await loadSealed();
const ahead = createPreparedBallots(sealed);

// Messages posted before the loader is done wait in the port until this listener starts it.
port.on('message', (message: WorkerMessage) => {
  if (message.kind === 'prepare') ahead.want(message.key, message.choices, message.count);
  else port.postMessage(workerAnswer(sealed, message, ahead));
});
