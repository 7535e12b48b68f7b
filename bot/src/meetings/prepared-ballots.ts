import type { Point, PreparedBallot, Sealed } from '@council/shared/sealed';

/** Prepared ballots a worker holds at most (some 5 MB for three choices). */
const HELD = 4_000;

/**
 * Ballots a proof worker prepares while it waits (prepareBallot: every scalar multiplication,
 * before any choice is known), for a secret vote just opened: a card's choice then costs the
 * worker additions and hashes, about a seventh of sealing it whole. They hold randomness and no
 * choice, stay in the worker's memory, and each seals one ballot at most. One preparation per
 * event-loop turn, so the worker's jobs are never held up by more than one.
 */
export function createPreparedBallots(sealed: Sealed, held = HELD) {
  /** By key and number of choices, oldest vote first. */
  const ready = new Map<string, PreparedBallot[]>();
  /** By key and number of choices, how many more to prepare. */
  const wanted = new Map<string, { key: Point; choices: number; left: number }>();
  let filling = false;
  let total = 0;
  const nameOf = (key: Point, choices: number) => `${choices} ${key}`;

  function fillOne(): void {
    for (const [name, want] of wanted) {
      if (want.left <= 0 || total >= held) {
        wanted.delete(name);
        continue;
      }
      const list = ready.get(name) ?? [];
      list.push(sealed.prepareBallot(want.key, want.choices));
      ready.set(name, list);
      total += 1;
      want.left -= 1;
      setImmediate(fillOne);
      return;
    }
    filling = false;
  }

  return {
    /** Has `count` ballots ready for this key and number of choices, made in the worker's spare turns. */
    want(key: Point, choices: number, count: number): void {
      const name = nameOf(key, choices);
      const needed = Math.max(0, Math.min(count, held) - (ready.get(name)?.length ?? 0));
      // Within the bound, the vote just opened comes before those opened earlier.
      for (const [older, list] of ready) {
        if (total + needed <= held) break;
        if (older === name) continue;
        ready.delete(older);
        wanted.delete(older);
        total -= list.length;
      }
      wanted.set(name, { key, choices, left: needed });
      if (!filling) {
        filling = true;
        setImmediate(fillOne);
      }
    },

    /** One prepared ballot for this key and number of choices, taken for good; none if not ready. */
    take(key: Point, choices: number): PreparedBallot | undefined {
      const prepared = ready.get(nameOf(key, choices))?.shift();
      if (prepared) total -= 1;
      return prepared;
    },
  };
}

export type PreparedBallots = ReturnType<typeof createPreparedBallots>;
