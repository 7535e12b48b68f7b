/** At most this many commands are decided and committed together. */
const MAX_TURN = 500;

interface Waiting<T, R> {
  readonly item: T;
  /** performance.now() when it was queued. */
  readonly queuedAt: number;
  resolve(answer: R): void;
  reject(error: unknown): void;
}

/**
 * PGlite works in this thread and hardly lets the event loop turn while a transaction runs: wait
 * for the loop to take in the requests that arrived meanwhile, so that they share the next turn.
 */
function nextTurnOfTheLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * One queue per key (a meeting): items wait while a turn is under way, and the next turn takes
 * every item waiting (up to a limit), in the order they came. Other keys run in parallel.
 */
export function meetingQueues<T, R>(
  turn: (key: string, items: readonly T[]) => Promise<R[]>,
  /** Waits, before a turn that is not full, for items known to be on their way to `key`. */
  gather: (key: string) => Promise<void> = () => Promise.resolve(),
  /** After each turn: when each of its items was queued and when the turn ran (performance.now). */
  turnTaken?: (item: T, queuedAt: number, turnFrom: number, turnTo: number) => void,
) {
  const queues = new Map<string, Waiting<T, R>[]>();
  /** Keys owed a turn even with nothing waiting (see `wake`). */
  const woken = new Set<string>();

  function start(key: string, first: Waiting<T, R>[]): void {
    queues.set(key, first);
    setImmediate(() => void drain(key, first));
  }

  async function drain(key: string, queue: Waiting<T, R>[]): Promise<void> {
    while (queue.length > 0 || woken.has(key)) {
      if (queue.length < MAX_TURN) {
        await gather(key);
        await nextTurnOfTheLoop();
      }
      woken.delete(key);
      const taken = queue.splice(0, MAX_TURN);
      const turnFrom = performance.now();
      try {
        const answers = await turn(
          key,
          taken.map((waiting) => waiting.item),
        );
        taken.forEach((waiting, index) => {
          waiting.resolve(answers[index] as R);
        });
      } catch (error) {
        for (const waiting of taken) waiting.reject(error);
      }
      if (turnTaken) {
        const turnTo = performance.now();
        for (const waiting of taken) turnTaken(waiting.item, waiting.queuedAt, turnFrom, turnTo);
      }
    }
    queues.delete(key);
  }

  return {
    enqueue(key: string, item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const waiting = { item, queuedAt: performance.now(), resolve, reject };
        const queue = queues.get(key);
        if (queue) {
          queue.push(waiting);
          return;
        }
        start(key, [waiting]);
      });
    },

    /** A turn for `key` soon, with whatever is waiting then, even nothing. */
    wake(key: string): void {
      woken.add(key);
      if (!queues.has(key)) start(key, []);
    },
  };
}
