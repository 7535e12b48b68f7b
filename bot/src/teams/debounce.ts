interface Slot {
  timer: ReturnType<typeof setTimeout> | undefined;
  work: (() => Promise<void>) | undefined;
  running: Promise<void>;
}

/**
 * At most one run per key in each interval: the first change of a card starts the interval, what
 * comes meanwhile joins it, and the latest work runs at its end (it draws the card from the
 * meeting's state at that time). Teams allows a bot about 50 requests a second per tenant: 47
 * ballots must not become 47 card updates. Waiting first also leaves a member's own view (the
 * answer to their button) on screen before the shared card changes under it.
 */
export function debouncer(intervalMs: number, onError: (error: unknown) => void) {
  const slots = new Map<string, Slot>();

  function fire(key: string, slot: Slot): void {
    slot.timer = undefined;
    const work = slot.work;
    slot.work = undefined;
    if (!work) return;
    slot.running = slot.running
      .then(work)
      .catch(onError)
      .finally(() => {
        if (!slot.timer && slots.get(key) === slot) slots.delete(key);
      });
  }

  return {
    schedule(key: string, work: () => Promise<void>): void {
      let slot = slots.get(key);
      if (!slot) {
        slot = { timer: undefined, work: undefined, running: Promise.resolve() };
        slots.set(key, slot);
      }
      slot.work = work;
      if (slot.timer) return;
      const current = slot;
      current.timer = setTimeout(() => {
        fire(key, current);
      }, intervalMs);
    },

    /** Drops what waits and lets what runs finish. */
    async stop(): Promise<void> {
      const all = [...slots.values()];
      for (const slot of all) {
        clearTimeout(slot.timer);
        slot.timer = undefined;
        slot.work = undefined;
      }
      await Promise.all(all.map((slot) => slot.running));
    },
  };
}
