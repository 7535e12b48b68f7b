interface Slot {
  last: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  work: (() => Promise<void>) | undefined;
  running: Promise<void>;
}

/**
 * At most one run per key in each interval: work scheduled meanwhile waits for the interval's end,
 * and only the latest waits (it draws the card from the meeting's state at that time). Teams allows
 * a bot about 50 requests a second per tenant; 47 ballots must not become 47 card updates.
 */
export function debouncer(
  intervalMs: number,
  onError: (error: unknown) => void,
  now: () => number = Date.now,
) {
  const slots = new Map<string, Slot>();

  function fire(slot: Slot): void {
    slot.timer = undefined;
    const work = slot.work;
    slot.work = undefined;
    slot.last = now();
    if (work) slot.running = slot.running.then(work).catch(onError);
  }

  return {
    schedule(key: string, work: () => Promise<void>): void {
      let slot = slots.get(key);
      if (!slot) {
        slot = { last: -Infinity, timer: undefined, work: undefined, running: Promise.resolve() };
        slots.set(key, slot);
      }
      slot.work = work;
      if (slot.timer) return;
      const current = slot;
      current.timer = setTimeout(
        () => {
          fire(current);
        },
        Math.max(0, current.last + intervalMs - now()),
      );
    },

    /** Drops what waits and lets what runs finish. */
    async stop(): Promise<void> {
      for (const slot of slots.values()) {
        clearTimeout(slot.timer);
        slot.timer = undefined;
        slot.work = undefined;
      }
      await Promise.all([...slots.values()].map((slot) => slot.running));
    },
  };
}
