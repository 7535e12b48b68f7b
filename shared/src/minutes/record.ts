import type { ItemId } from '../agenda';
import { evolve } from '../decider';
import type { Event, QuorumReport } from '../events';
import type { MemberId } from '../roster';
import { initialState, type FloorKind, type Meeting, type MeetingState } from '../state';

/**
 * A member leaving the open sitting, or joining it once it has started (at its first roll call or
 * item): who checks in at the start is simply present. With the item then under discussion.
 */
export interface Movement {
  readonly kind: 'arrival' | 'departure';
  readonly member: MemberId;
  readonly at: string;
  readonly itemId: ItemId | null;
}

/** The moment quorum was lost while a vote was open: the vote, if closed so, is void. */
export interface QuorumLoss {
  readonly at: string;
  readonly itemId: ItemId | null;
  readonly present: number;
  readonly needed: number;
}

/** The chair suspending the sitting for a break, or resuming it. */
export interface Pause {
  readonly kind: 'suspended' | 'resumed';
  readonly at: string;
  readonly itemId: ItemId | null;
}

export interface Speaker {
  readonly member: MemberId;
  readonly kind: FloorKind;
}

export interface RollCallRecord {
  readonly at: string;
  readonly quorum: QuorumReport;
}

/**
 * What the state alone does not keep but the minutes must say: who attended at any time during the
 * sitting, when members came and went, the roll calls, when each item was first taken up and who spoke.
 */
export interface MinutesRecord {
  readonly meeting: Meeting;
  readonly attended: ReadonlySet<MemberId>;
  readonly movements: readonly Movement[];
  readonly quorumLosses: readonly QuorumLoss[];
  readonly rollCalls: readonly RollCallRecord[];
  readonly pauses: readonly Pause[];
  readonly takenUpAt: ReadonlyMap<ItemId, string>;
  readonly speakers: ReadonlyMap<ItemId, readonly Speaker[]>;
  /** Whether joining or leaving the call made anyone present or absent (`joiningCallIsPresence`). */
  readonly presenceByCall: boolean;
  /** The time of the last event: where a draft stands. */
  readonly lastAt: string;
}

function presentIn(state: MeetingState, member: MemberId): boolean {
  return state.status !== 'none' && state.attendance[member]?.status === 'present';
}

function presentMembers(meeting: Meeting): MemberId[] {
  return Object.entries(meeting.attendance)
    .filter(([, attendance]) => attendance.status === 'present')
    .map(([member]) => member);
}

/** Folds the log as the service does, noting on the way what happened when. Null before creation. */
export function recordOf(events: readonly Event[]): MinutesRecord | null {
  let state: MeetingState = initialState;
  const attended = new Set<MemberId>();
  const movements: Movement[] = [];
  const quorumLosses: QuorumLoss[] = [];
  const rollCalls: RollCallRecord[] = [];
  const pauses: Pause[] = [];
  const takenUpAt = new Map<ItemId, string>();
  const speakers = new Map<ItemId, Speaker[]>();
  let started = false;
  let presenceByCall = false;
  for (const event of events) {
    const before = state;
    state = evolve(state, event);
    if ('via' in event && event.via === 'call') presenceByCall = true;
    if (before.status !== 'open') {
      if (state.status === 'open') presentMembers(state).forEach((m) => attended.add(m));
      continue;
    }
    const when = { at: event.at, itemId: before.currentItemId };
    if (state.status === 'open' && state.quorumLost && !before.quorumLost) {
      quorumLosses.push({ ...when, ...state.quorumLost });
    }
    switch (event.type) {
      case 'MemberCheckedIn':
      case 'RollCallAnswered':
        if (presentIn(before, event.member)) break;
        attended.add(event.member);
        if (started) movements.push({ kind: 'arrival', member: event.member, ...when });
        break;
      case 'MemberCheckedOut':
        movements.push({ kind: 'departure', member: event.member, ...when });
        break;
      case 'MemberLeftForItem':
        movements.push({ kind: 'departure', member: event.member, ...when });
        break;
      case 'MemberReturnedAfterItem':
        movements.push({ kind: 'arrival', member: event.member, ...when });
        break;
      case 'RollCallClosed':
        rollCalls.push({ at: event.at, quorum: event.quorum });
        started = true;
        break;
      case 'ItemTakenUp':
        if (!takenUpAt.has(event.itemId)) takenUpAt.set(event.itemId, event.at);
        started = true;
        break;
      case 'SittingSuspended':
        pauses.push({ kind: 'suspended', ...when });
        break;
      case 'SittingResumed':
        pauses.push({ kind: 'resumed', ...when });
        break;
      case 'FloorGiven':
        speakers.set(event.itemId, [
          ...(speakers.get(event.itemId) ?? []),
          { member: event.member, kind: event.kind },
        ]);
        break;
      default:
        break;
    }
  }
  if (state.status === 'none') return null;
  // Before the sitting opens, the minutes can only say who has checked in so far.
  const present = state.openedAt === null ? new Set(presentMembers(state)) : attended;
  return {
    meeting: state,
    attended: present,
    movements,
    quorumLosses,
    rollCalls,
    pauses,
    takenUpAt,
    speakers,
    presenceByCall,
    lastAt: events.at(-1)?.at ?? state.setup.scheduledStart,
  };
}
