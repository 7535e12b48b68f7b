/**
 * A worker thread of the proof checker (proof-checker.ts): it checks sealed ballots' proofs off the
 * event loop. It sees only what the board will show (ciphertexts and proofs), never a choice.
 * Bundled as dist/proof-worker.js beside dist/main.js (bot/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { loadSealed } from '@council/shared/sealed';
import { proofHolds, type ProofJob, type ProofVerdict } from './proof-checker';

const port = parentPort;
if (!port) throw new Error('the proof worker runs in a worker thread');
const sealed = await loadSealed();

// Messages posted before the loader is done wait in the port until this listener starts it.
port.on('message', (job: ProofJob) => {
  port.postMessage({ id: job.id, valid: proofHolds(sealed, job) } satisfies ProofVerdict);
});
