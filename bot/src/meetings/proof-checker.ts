import { Worker } from 'node:worker_threads';
import type { Point, Sealed, SealedBallot, VoteContext } from '@council/shared/sealed';
import type { PreparedBallots } from './prepared-ballots';

/** A tab's ballot to check against its vote's key: only what the board will show, no choice. */
export interface BallotProof {
  readonly key: Point;
  readonly context: VoteContext;
  readonly ballot: SealedBallot;
  readonly choices: number;
}

/** A card's clear choice to seal under its vote's key: the one job that carries a choice. */
export interface SealOrder {
  readonly key: Point;
  readonly context: VoteContext;
  readonly choice: number;
  readonly choices: number;
}

/** Ballots to prepare for a vote just opened, before any choice is known (prepared-ballots.ts). */
export interface PrepareOrder {
  readonly key: Point;
  readonly choices: number;
  readonly count: number;
}

export type WorkerJob = { readonly id: number } & (
  ({ readonly kind: 'verify' } & BallotProof) | ({ readonly kind: 'seal' } & SealOrder)
);

/** What the checker posts to a worker: a job to answer, or ballots to prepare meanwhile. */
export type WorkerMessage = WorkerJob | ({ readonly kind: 'prepare' } & PrepareOrder);

/** A verdict on a ballot's proofs, or the sealed ballot (null if the order could not be sealed). */
export type WorkerAnswer =
  | { readonly id: number; readonly valid: boolean }
  | { readonly id: number; readonly ballot: SealedBallot | null };

export function proofHolds(
  sealed: Sealed,
  { key, context, ballot, choices }: BallotProof,
): boolean {
  return sealed.verifyBallot(key, context, ballot, choices);
}

/**
 * What a worker answers to a job; the choice it sealed leaves only as the ballot, sealed from a
 * ballot prepared ahead where there is one.
 */
export function workerAnswer(
  sealed: Sealed,
  job: WorkerJob,
  ahead?: Pick<PreparedBallots, 'take'>,
): WorkerAnswer {
  if (job.kind === 'verify') return { id: job.id, valid: proofHolds(sealed, job) };
  try {
    const { key, context, choice, choices } = job;
    const prepared = ahead?.take(key, choices);
    return { id: job.id, ballot: sealed.encryptBallot(key, context, choice, choices, prepared) };
  } catch {
    return { id: job.id, ballot: null };
  }
}

/**
 * From TypeScript source (tsx in `npm start`, jest) the worker is proof-worker.ts, which
 * proof-worker-from-source.mjs loads through tsx; in the bundle it is dist/proof-worker.js.
 */
export function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Worker(
    new URL(fromSource ? './proof-worker-from-source.mjs' : './proof-worker.js', import.meta.url),
  );
}

/**
 * Checking a ballot's proofs costs milliseconds of CPU (about 40 scalar multiplications for three
 * choices), and so does sealing a card's choice (encrypting it and proving it): a burst of a
 * thousand ballots would hold the event loop, and with it every meeting's turn, for seconds.
 * Worker threads do both beside it, each taking jobs as they come. The ballots a failing worker
 * held are checked by `fallback` on this thread; the choices it held are not sealed (the voter
 * sends again: no copy of a choice waits here for a retry); the worker is replaced. `failed` hears
 * of each worker that fails or stops unasked: one that cannot even start (a deployment missing its
 * file, a preload it cannot load) would otherwise show only as every card's choice refused.
 */
export function createProofChecker(
  workers: number,
  fallback: (proof: BallotProof) => boolean,
  start: () => Worker = startWorker,
  failed: (error: Error) => void = () => undefined,
) {
  const pool: Worker[] = [];
  const pending = new Map<
    number,
    { worker: Worker; settle: (answer: WorkerAnswer) => void; failed: () => WorkerAnswer }
  >();
  let next = 0;
  let ids = 0;
  let closing = false;

  function spawn(): Worker {
    const worker = start();
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      waiting?.settle(answer);
    });
    let reported = false;
    const gone = (error: Error) => {
      if (!closing && !reported) failed(error);
      reported = true;
      const index = pool.indexOf(worker);
      if (index >= 0) pool.splice(index, 1);
      for (const [id, waiting] of pending) {
        if (waiting.worker !== worker) continue;
        pending.delete(id);
        waiting.settle(waiting.failed());
      }
    };
    worker.on('error', gone);
    worker.on('exit', (code) => {
      gone(new Error(`the proof worker stopped (exit code ${code})`));
    });
    return worker;
  }

  /** The job's answer from a worker; `failed()` if there is none or it fails first. */
  function run(job: WorkerJob, failed: () => WorkerAnswer): Promise<WorkerAnswer> {
    if (pool.length < workers) pool.push(spawn());
    const worker = pool[next++ % pool.length];
    if (!worker) return Promise.resolve(failed());
    return new Promise((settle) => {
      pending.set(job.id, { worker, settle, failed });
      worker.postMessage(job);
    });
  }

  return {
    /** Whether the ballot's proofs hold for its vote's key, context and number of choices. */
    async check(proof: BallotProof): Promise<boolean> {
      const id = ++ids;
      const answer = await run({ ...proof, kind: 'verify', id }, () => ({
        id,
        valid: fallback(proof),
      }));
      return 'valid' in answer && answer.valid;
    },

    /** The choice sealed by a worker; undefined if the worker failed before it answered. */
    async seal(order: SealOrder): Promise<SealedBallot | undefined> {
      const id = ++ids;
      const answer = await run({ ...order, kind: 'seal', id }, () => ({ id, ballot: null }));
      return ('ballot' in answer && answer.ballot) || undefined;
    },

    /** Has every worker prepare its share of `count` ballots for a vote just opened. */
    prepare(order: PrepareOrder): void {
      while (pool.length < workers) pool.push(spawn());
      const count = Math.ceil(order.count / pool.length);
      const message: WorkerMessage = { kind: 'prepare', ...order, count };
      for (const worker of pool) worker.postMessage(message);
    },

    /** Ballots sent to the workers and not answered yet. */
    waiting: (): number => pending.size,

    /** Stops the workers; what they still held is checked on this thread. */
    async close(): Promise<void> {
      closing = true;
      await Promise.all(pool.splice(0).map((worker) => worker.terminate()));
    },
  };
}

export type ProofChecker = ReturnType<typeof createProofChecker>;
