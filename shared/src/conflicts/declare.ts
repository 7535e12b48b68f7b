import type { CommandOf } from '../commands';
import { withEntry } from '../copy-on-write';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { ConflictEvent, Event } from '../events';
import { isPresent } from '../guards';
import { actorOf, isVotingMember } from '../roster';
import { queueOf, speechEnded } from '../speaking/decider';
import type { Conflict, Meeting } from '../state';
import { conflictsOn, inConflict, leavesRoom } from './record';

export type ConflictCommand = CommandOf<'DeclareConflict' | 'LiftConflict'>;

/** An item the sitting has taken up: its debate is on record, whatever follows. */
const takenUp = (meeting: Meeting, itemId: string) => itemId in meeting.queues;

/**
 * Declared on the item under debate, the conflict takes effect at once: the member's requests for
 * the floor lapse, their speech ends, and where the rules say so they leave the room.
 */
function takingEffectNow(meeting: Meeting, command: ConflictCommand, member: string): Event[] {
  const itemId = command.itemId;
  if (meeting.currentItemId !== itemId) return [];
  const queue = queueOf(meeting, itemId);
  const speaking = queue.status === 'speaking' && queue.current.member === member;
  return [
    ...(speaking ? speechEnded(meeting, command) : []),
    ...queue.requests
      .filter((request) => request.member === member)
      .map((request) => ({
        type: 'FloorRequestWithdrawn' as const,
        itemId,
        requestId: request.id,
        ...stamp(command),
      })),
    ...(leavesRoom(meeting) && isPresent(meeting, member)
      ? [{ type: 'MemberLeftForItem' as const, itemId, member, ...stamp(command) }]
      : []),
  ];
}

/**
 * A conflict declared while a vote on the item is open is refused: the vote's entitled members
 * were fixed when it opened, and a secret ballot already cast cannot be taken out of the box. The
 * member may still check out and not vote; the conflict is then declared for what follows.
 */
function declare(meeting: Meeting, command: CommandOf<'DeclareConflict'>): Decision {
  const member = command.member ?? command.by;
  if (member !== command.by && actorOf(meeting.setup.roster, command.by) !== 'chair') {
    return refuse('NOT_AUTHORIZED');
  }
  const person = meeting.setup.roster.find((m) => m.id === member);
  if (!person || !isVotingMember(person)) return refuse('NOT_A_MEMBER');
  if (inConflict(meeting, command.itemId, member)) return refuse('CONFLICT_ALREADY_DECLARED');
  if (takenUp(meeting, command.itemId) && meeting.currentItemId !== command.itemId) {
    return refuse('CONFLICT_ITEM_PASSED');
  }
  const vote = meeting.openVoteId ? meeting.votes[meeting.openVoteId] : undefined;
  if (vote?.itemId === command.itemId) return refuse('CONFLICT_DURING_VOTE');
  return accept(
    { type: 'ConflictDeclared', itemId: command.itemId, member, ...stamp(command) },
    ...takingEffectNow(meeting, command, member),
  );
}

/** A conflict recorded by mistake is lifted before the item is taken up; after, it stands. */
function lift(meeting: Meeting, command: CommandOf<'LiftConflict'>): Decision {
  if (!inConflict(meeting, command.itemId, command.member)) return refuse('CONFLICT_NOT_FOUND');
  if (takenUp(meeting, command.itemId)) return refuse('CONFLICT_ITEM_TAKEN_UP');
  return accept({
    type: 'ConflictLifted',
    itemId: command.itemId,
    member: command.member,
    ...stamp(command),
  });
}

export function decideConflict(meeting: Meeting, command: ConflictCommand): Decision {
  if (meeting.status === 'draft') return refuse('MEETING_NOT_CONVENED');
  if (meeting.status === 'closed') return refuse('MEETING_CLOSED');
  if (!meeting.setup.agenda.some((item) => item.id === command.itemId)) {
    return refuse('ITEM_NOT_FOUND', { item: command.itemId });
  }
  switch (command.type) {
    case 'DeclareConflict':
      return declare(meeting, command);
    case 'LiftConflict':
      return lift(meeting, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function withConflicts(
  meeting: Meeting,
  itemId: string,
  change: (conflicts: readonly Conflict[]) => readonly Conflict[],
): Meeting {
  return {
    ...meeting,
    conflicts: { ...meeting.conflicts, [itemId]: change(conflictsOn(meeting, itemId)) },
  };
}

function stampedOn(member: string, fields: Partial<Conflict>) {
  return (conflicts: readonly Conflict[]) =>
    conflicts.map((conflict) =>
      conflict.member === member ? { ...conflict, ...fields } : conflict,
    );
}

export function evolveConflict(meeting: Meeting, event: ConflictEvent): Meeting {
  const { itemId, member, at } = event;
  switch (event.type) {
    case 'ConflictDeclared':
      return withConflicts(meeting, itemId, (conflicts) => [
        ...conflicts,
        { member, declaredBy: event.by, at, leftAt: null, returnedAt: null },
      ]);
    case 'ConflictLifted':
      return withConflicts(meeting, itemId, (conflicts) =>
        conflicts.filter((conflict) => conflict.member !== member),
      );
    case 'MemberLeftForItem':
      return {
        ...withConflicts(meeting, itemId, stampedOn(member, { leftAt: at, returnedAt: null })),
        attendance: withEntry(meeting.attendance, member, { status: 'absent', since: at }),
      };
    case 'MemberReturnedAfterItem':
      return {
        ...withConflicts(meeting, itemId, stampedOn(member, { returnedAt: at })),
        attendance: withEntry(meeting.attendance, member, { status: 'present', since: at }),
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
