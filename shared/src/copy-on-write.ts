/**
 * `evolve` never changes the state it is given. Within one fold, though, the records and lists it
 * copied for an earlier event belong to that fold alone, so a later event may change them in place
 * instead of copying them again: checking in 10,000 members copies the attendance once per fold,
 * not once per member. Outside a fold every change copies.
 *
 * Only what these helpers made is ever changed in place; no event holds any of it (`decide` builds
 * its events from values of its own), and only the fold's last state may be kept.
 */
let made: WeakSet<object> | null = null;

/** Runs `work` as one fold: the states evolve makes in it, but the last, are not to be kept. */
export function inOneFold<R>(work: () => R): R {
  if (made) return work();
  made = new WeakSet();
  try {
    return work();
  } finally {
    made = null;
  }
}

export function withEntry<T>(
  record: Readonly<Record<string, T>>,
  key: string,
  value: T,
): Readonly<Record<string, T>> {
  if (made?.has(record)) {
    (record as Record<string, T>)[key] = value;
    return record;
  }
  const copy = { ...record, [key]: value };
  made?.add(copy);
  return copy;
}

export function withItem<T>(list: readonly T[], item: T): readonly T[] {
  if (made?.has(list)) {
    (list as T[]).push(item);
    return list;
  }
  const copy = [...list, item];
  made?.add(copy);
  return copy;
}

const memos = new WeakMap<object, Map<unknown, unknown>>();

/**
 * What `derive` makes of `source`, made once per source and derivation: for lists and records that
 * never change once made (a roster, the members entitled to a vote), looked up many times. The
 * function is half of the key, so it must be made once (at module level), never inline.
 */
export function memo<S extends object, R>(source: S, derive: (source: S) => R): R {
  let derived = memos.get(source);
  if (!derived) {
    derived = new Map();
    memos.set(source, derived);
  }
  if (derived.has(derive)) return derived.get(derive) as R;
  const made = derive(source);
  derived.set(derive, made);
  return made;
}

const emptyRegister = () => ({ items: new Set<string>(), upTo: 0 });

/**
 * Whether `list` holds `item`, for a list that only ever grows at its end (a participation
 * register): what was looked through once is remembered, so a list that grows by one per ballot
 * within a fold is not searched from the start for each.
 */
export function inGrowingList(list: readonly string[], item: string): boolean {
  const seen = memo(list, emptyRegister);
  for (; seen.upTo < list.length; seen.upTo++) seen.items.add(list[seen.upTo] as string);
  return seen.items.has(item);
}
