/**
 * The ballots whose proofs the workers are checking, by meeting, so that a meeting's turn can wait
 * for those already on their way to its queue and commit them together.
 */
export function checksInFlight(maxWaitMs: number, fewest = 1) {
  /** By meeting, each check's ticket; tickets rise, so a set's first is its oldest. */
  const checking = new Map<string, Set<number>>();
  let lastTicket = 0;

  return {
    begin(meetingId: string): number {
      const ticket = ++lastTicket;
      checking.set(meetingId, (checking.get(meetingId) ?? new Set<number>()).add(ticket));
      return ticket;
    },

    end(meetingId: string, ticket: number): void {
      const tickets = checking.get(meetingId);
      tickets?.delete(ticket);
      if (tickets?.size === 0) checking.delete(meetingId);
    },

    /**
     * Waits (at most `maxWaitMs`) for the meeting's checks begun before this call, not for those
     * begun meanwhile: in a burst a turn commits dozens of ballots, and a ballot cast alone is not
     * held up by the ones cast after it. Nor for fewer than `fewest`: waiting for one or two
     * spares a commit or two, and holds up the ballots already queued for as long as a check
     * takes, which, as ballots come one by one, is when a check was slow already.
     */
    async settled(meetingId: string): Promise<void> {
      if ((checking.get(meetingId)?.size ?? 0) < fewest) return;
      const last = lastTicket;
      const until = performance.now() + maxWaitMs;
      while (performance.now() < until) {
        const oldest = checking.get(meetingId)?.values().next().value;
        if (oldest === undefined || oldest > last) return;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    },
  };
}
