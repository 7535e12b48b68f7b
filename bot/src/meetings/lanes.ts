/** One lane per key: work on a key runs after the work before it on that key, other keys in parallel. */
export function lanes() {
  const tails = new Map<string, Promise<unknown>>();
  return function inLane<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
