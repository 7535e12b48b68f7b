import { Worker } from 'node:worker_threads';
import type { Point, Sealed, SealedBallot, VoteContext } from '@council/shared/sealed';

/** A tab's ballot to check against its vote's key: only what the board will show, no choice. */
export interface BallotProof {
  readonly key: Point;
  readonly context: VoteContext;
  readonly ballot: SealedBallot;
  readonly choices: number;
}

export interface ProofJob extends BallotProof {
  readonly id: number;
}

export interface ProofVerdict {
  readonly id: number;
  readonly valid: boolean;
}

export function proofHolds(
  sealed: Sealed,
  { key, context, ballot, choices }: BallotProof,
): boolean {
  return sealed.verifyBallot(key, context, ballot, choices);
}

/**
 * From TypeScript source (tsx in `npm start`, jest) the worker is proof-worker.ts, which
 * proof-worker-from-source.mjs loads through tsx; in the bundle it is dist/proof-worker.js.
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Worker(
    new URL(fromSource ? './proof-worker-from-source.mjs' : './proof-worker.js', import.meta.url),
  );
}

/**
 * Checking a ballot's proofs costs milliseconds of CPU (about 40 scalar multiplications for three
 * choices): a burst of a thousand tab ballots would hold the event loop, and with it every
 * meeting's turn, for seconds. Worker threads check them beside it, each taking jobs as they come.
 * The ballots a failing worker held are checked by `fallback` on this thread, and it is replaced.
 */
export function createProofChecker(workers: number, fallback: (proof: BallotProof) => boolean) {
  const pool: Worker[] = [];
  const pending = new Map<
    number,
    { job: ProofJob; worker: Worker; settle: (valid: boolean) => void }
  >();
  let next = 0;
  let ids = 0;

  function spawn(): Worker {
    const worker = startWorker();
    worker.unref();
    worker.on('message', ({ id, valid }: ProofVerdict) => {
      const waiting = pending.get(id);
      pending.delete(id);
      waiting?.settle(valid);
    });
    const failed = () => {
      const index = pool.indexOf(worker);
      if (index >= 0) pool.splice(index, 1);
      for (const [id, waiting] of pending) {
        if (waiting.worker !== worker) continue;
        pending.delete(id);
        waiting.settle(fallback(waiting.job));
      }
    };
    worker.on('error', failed);
    worker.on('exit', failed);
    return worker;
  }

  return {
    /** Whether the ballot's proofs hold for its vote's key, context and number of choices. */
    check(proof: BallotProof): Promise<boolean> {
      const job: ProofJob = { ...proof, id: ++ids };
      if (pool.length < workers) pool.push(spawn());
      const worker = pool[next++ % pool.length];
      if (!worker) return Promise.resolve(fallback(job));
      return new Promise((settle) => {
        pending.set(job.id, { job, worker, settle });
        worker.postMessage(job);
      });
    },

    /** Ballots sent to the workers and not answered yet. */
    waiting: (): number => pending.size,

    /** Stops the workers; what they still held is checked on this thread. */
    async close(): Promise<void> {
      await Promise.all(pool.splice(0).map((worker) => worker.terminate()));
    },
  };
}

export type ProofChecker = ReturnType<typeof createProofChecker>;
