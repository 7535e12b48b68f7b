import { Worker } from 'node:worker_threads';
import { refusal } from '../http/problems';
import type { MinutesOrder, Typeset } from './typeset';
import type { PressReply } from './worker';

export interface PressOptions {
  /** Worker threads laying out PDFs at once. */
  readonly workers: number;
  /** Minutes waiting for a worker at most; one more is refused with MINUTES_BUSY (429). */
  readonly queue: number;
  /** A render that takes longer is abandoned and its worker replaced. */
  readonly timeoutMs?: number;
}

interface Job {
  readonly input: MinutesOrder;
  resolve(done: Typeset | null): void;
  reject(error: unknown): void;
}

/**
 * From TypeScript source (tsx in `npm start`, jest) the worker is worker.ts, which
 * worker-from-source.mjs loads through tsx; in the bundle (bot/dist/main.js) it is its own entry,
 * dist/minutes-worker.js.
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Worker(
    new URL(fromSource ? './worker-from-source.mjs' : './minutes-worker.js', import.meta.url),
  );
}

/**
 * The minutes press: a fixed number of worker threads typeset the PDFs off the event loop, and a
 * bounded queue waits for them. When the queue is full a request is refused at once (429): a burst
 * of downloads must neither stall the meeting nor pile up without end.
 */
export function createMinutesPress({ workers, queue, timeoutMs = 60_000 }: PressOptions) {
  const waiting: Job[] = [];
  const idle: Worker[] = [];
  const running = new Set<Worker>();
  let started = 0;
  let closed = false;

  function release(worker: Worker): void {
    const next = waiting.shift();
    if (next) run(worker, next);
    else {
      idle.push(worker);
      // An idle worker does not keep the process alive.
      worker.unref();
    }
  }

  function replace(worker: Worker): void {
    running.delete(worker);
    started -= 1;
    void worker.terminate();
    const next = waiting.shift();
    if (next && !closed) run(spawn(), next);
  }

  function spawn(): Worker {
    started += 1;
    return startWorker();
  }

  function run(worker: Worker, job: Job): void {
    running.add(worker);
    worker.ref();
    const finish = (settle: () => void, healthy: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      settle();
      if (closed) return;
      if (healthy) {
        running.delete(worker);
        release(worker);
      } else replace(worker);
    };
    const onMessage = (reply: PressReply) => {
      if ('typeset' in reply) {
        finish(() => {
          job.resolve(reply.typeset);
        }, true);
      } else {
        finish(() => {
          job.reject(new Error(`the minutes could not be typeset: ${reply.failed}`));
        }, true);
      }
    };
    const onError = (error: Error) => {
      finish(() => {
        job.reject(error);
      }, false);
    };
    const onExit = (code: number) => {
      finish(() => {
        job.reject(new Error(`the minutes worker stopped (${String(code)})`));
      }, false);
    };
    const timer = setTimeout(() => {
      onError(new Error(`the minutes took longer than ${String(timeoutMs)} ms to typeset`));
    }, timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job.input);
  }

  return {
    /** These minutes drawn and typeset by a worker; refused with MINUTES_BUSY when the queue is full. */
    print(input: MinutesOrder): Promise<Typeset | null> {
      if (closed) return Promise.reject(new Error('the minutes press is closed'));
      return new Promise<Typeset | null>((resolve, reject) => {
        const job: Job = { input, resolve, reject };
        const worker = idle.pop() ?? (started < workers ? spawn() : undefined);
        if (worker) run(worker, job);
        else if (waiting.length < queue) waiting.push(job);
        else reject(refusal('MINUTES_BUSY'));
      });
    },

    async close(): Promise<void> {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('the minutes press is closed'));
      await Promise.all([...idle.splice(0), ...running].map((worker) => worker.terminate()));
      running.clear();
    },
  };
}

export type MinutesPress = ReturnType<typeof createMinutesPress>;
