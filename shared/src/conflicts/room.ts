import type { Decision } from '../decision';
import type { Event, EventOf } from '../events';
import { isPresent } from '../guards';
import type { Meeting } from '../state';
import { conflictsOn, leavesRoom } from './record';

/**
 * Where the member in conflict leaves the room (CDLD L1122-19 1°): they leave when the item is
 * taken up, and return when the sitting moves on, unless the next item is one of theirs too.
 * Their absence counts as any other for quorum: they are not present at the deliberation.
 */
function movements(meeting: Meeting, taken: EventOf<'ItemTakenUp'>): Event[] {
  const stamp = { at: taken.at, by: taken.by };
  const previous = meeting.currentItemId;
  const next = taken.itemId;
  const leaving = leavesRoom(meeting) ? conflictsOn(meeting, next).map((c) => c.member) : [];
  const out = conflictsOn(meeting, previous)
    .filter((c) => c.leftAt !== null && c.returnedAt === null && !isPresent(meeting, c.member))
    .map((c) => c.member);
  return [
    ...out
      .filter((member) => !leaving.includes(member))
      .map((member) => ({
        type: 'MemberReturnedAfterItem' as const,
        itemId: previous ?? next,
        member,
        ...stamp,
      })),
    ...leaving
      .filter((member) => isPresent(meeting, member) || out.includes(member))
      .map((member) => ({ type: 'MemberLeftForItem' as const, itemId: next, member, ...stamp })),
  ];
}

/** Any decision that takes up another item carries the comings and goings of members in conflict. */
export function withConflictMovements(meeting: Meeting, decision: Decision): Decision {
  if (!decision.ok) return decision;
  const taken = decision.events.find(
    (event): event is EventOf<'ItemTakenUp'> => event.type === 'ItemTakenUp',
  );
  if (!taken || taken.itemId === meeting.currentItemId) return decision;
  const moving = movements(meeting, taken);
  return moving.length === 0 ? decision : { ...decision, events: [...decision.events, ...moving] };
}
