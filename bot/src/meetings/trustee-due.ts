import type { Event, EventType } from '@council/shared';

/**
 * The events after which the service, as a trustee, may have a step to take: each step of the key
 * ceremony follows one of the ceremony's own events, and a share of a count follows the sum of a
 * sealed vote (or a share that may complete it). Nothing else moves either, so a turn without
 * them (a request for the floor, a ballot) does not walk the meeting's votes for the trustee.
 */
const moves: Readonly<Partial<Record<EventType, true>>> = {
  TellersNamed: true,
  TrusteeCommitted: true,
  TrusteeSharesDealt: true,
  TrusteeReady: true,
  TrusteeShareDisputed: true,
  TrusteeShareLost: true,
  BallotsAggregated: true,
  TallyShareDecrypted: true,
};

export function trusteeMayStep(events: readonly Event[]): boolean {
  return events.some((event) => moves[event.type] === true);
}
