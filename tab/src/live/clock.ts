/**
 * The service's clock as seen from the tab, so a speaking timer shows the same on every screen
 * whatever each computer's clock says. An event is stamped before it travels, so its `at` is a lower
 * bound of the service's time on arrival: the largest bound seen is the best estimate. Until an
 * event arrives, an answer's Date header (whole seconds) gives a rougher one.
 */
export function createServerClock(localNow: () => number = Date.now) {
  let fromEvents: number | null = null;
  let fromHeader: number | null = null;
  return {
    /** A live event stamped `at` just arrived. */
    observe(at: string): void {
      const bound = Date.parse(at) - localNow();
      if (Number.isNaN(bound)) return;
      if (fromEvents === null || bound > fromEvents) fromEvents = bound;
    },
    /** An HTTP answer's Date header: the service's time, rounded down to the second. */
    observeHeader(date: string): void {
      const parsed = Date.parse(date);
      if (!Number.isNaN(parsed)) fromHeader = parsed + 500 - localNow();
    },
    now(): number {
      return localNow() + (fromEvents ?? fromHeader ?? 0);
    },
  };
}

export type ServerClock = ReturnType<typeof createServerClock>;
