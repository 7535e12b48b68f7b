import type { Casting } from '../../../bench/lib/voting';

/** 100 ballots cast 10 ms apart from t = 1,000 ms, each answered in 5 ms but the slow ones. */
export function casting(slow: Readonly<Record<number, number>>): Casting {
  const sentAt = Array.from({ length: 100 }, (_, i) => 1_000 + 10 * i);
  return {
    outcomes: sentAt.map(() => true),
    sentAt,
    latencies: sentAt.map((_, i) => slow[i] ?? 5),
    elapsedMs: 1_000,
  };
}
