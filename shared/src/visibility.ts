import type { AgendaItem, ItemId } from './agenda';
import { memo } from './copy-on-write';
import type { MeetingSetup } from './commands';
import type { Event } from './events';
import { actorOf, SYSTEM, type Member, type Role } from './roster';
import type { Meeting, Vote } from './state';

/** A reader not on the roster (the public, the press) sees what an observer sees. */
export type Reader = Role | null;

/** How a person reads a meeting with this roster: by their role on it, else as the public does. */
export function readerOn(roster: readonly Member[], member: string): Reader {
  const actor = actorOf(roster, member);
  return actor === SYSTEM ? null : actor;
}

export const isObserver = (reader: Reader) => reader === null || reader === 'observer';

function withoutBirthDates(roster: readonly Member[]): Member[] {
  return roster.map(({ birthDate: birthDate, ...member }) => member);
}

function agendaFor(agenda: readonly AgendaItem[], reader: Reader): AgendaItem[] {
  const seen = isObserver(reader) ? agenda.filter((item) => item.session === 'public') : agenda;
  if (reader === 'director') return [...seen];
  return seen.map((item) => ({
    ...item,
    candidates: item.candidates.map(({ birthDate: birthDate, ...candidate }) => candidate),
  }));
}

function setupFor(setup: MeetingSetup, reader: Reader): MeetingSetup {
  return {
    ...setup,
    roster: reader === 'director' ? setup.roster : withoutBirthDates(setup.roster),
    agenda: agendaFor(setup.agenda, reader),
  };
}

/**
 * A meeting's setup as one reader sees it, drawn once per setup and reader: a state's setup never
 * changes once made (a revision makes a new one), while copying its roster for each reader of each
 * state cost a bot's card view a copy of the whole roll.
 */
const seenByReader = (): Map<Reader, MeetingSetup> => new Map();

function memoSetupFor(setup: MeetingSetup, reader: Reader): MeetingSetup {
  const byReader = memo(setup, seenByReader);
  let seen = byReader.get(reader);
  if (!seen) {
    seen = setupFor(setup, reader);
    byReader.set(reader, seen);
  }
  return seen;
}

/** Until the director publishes it, a result is known to the director alone. */
function voteFor(vote: Vote, reader: Reader): Vote {
  if (reader === 'director' || vote.status !== 'counted') return vote;
  return { ...vote, status: 'closed', result: null };
}

function filterRecord<T>(record: Readonly<Record<string, T>>, keep: (value: T) => boolean) {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => keep(value)));
}

/** The meeting as one reader may see it: the service filters, the client never does. */
export function meetingFor(meeting: Meeting, reader: Reader): Meeting {
  const setup = memoSetupFor(meeting.setup, reader);
  const visible = new Set<ItemId>(setup.agenda.map((item) => item.id));
  const votes = filterRecord(meeting.votes, (vote) => visible.has(vote.itemId));
  return {
    ...meeting,
    setup,
    currentItemId:
      meeting.currentItemId && visible.has(meeting.currentItemId) ? meeting.currentItemId : null,
    openVoteId: meeting.openVoteId && votes[meeting.openVoteId] ? meeting.openVoteId : null,
    queues: Object.fromEntries(Object.entries(meeting.queues).filter(([id]) => visible.has(id))),
    motions: filterRecord(meeting.motions, (motion) => visible.has(motion.itemId)),
    conflicts: Object.fromEntries(
      Object.entries(meeting.conflicts ?? {}).filter(([id]) => visible.has(id)),
    ),
    votes: Object.fromEntries(
      Object.entries(votes).map(([id, vote]) => [id, voteFor(vote, reader)]),
    ),
  };
}

function itemOfEvent(meeting: Meeting, event: Event): ItemId | null {
  if ('itemId' in event) return event.itemId;
  if ('voteId' in event) return meeting.votes[event.voteId]?.itemId ?? null;
  if ('motionId' in event) return meeting.motions[event.motionId]?.itemId ?? null;
  return null;
}

/**
 * What one reader receives of an event on the live stream, or null: a count before publication goes
 * to the director only, and nothing of a closed (huis clos) item reaches an observer.
 */
export function eventFor(meeting: Meeting, event: Event, reader: Reader): Event | null {
  if (event.type === 'VoteCounted' && reader !== 'director') return null;
  if (isObserver(reader)) {
    const itemId = itemOfEvent(meeting, event);
    const item = meeting.setup.agenda.find((i) => i.id === itemId);
    if (item?.session === 'closed') return null;
  }
  switch (event.type) {
    case 'MeetingCreated':
      return { ...event, setup: setupFor(event.setup, reader) };
    case 'AgendaRevised':
      return { ...event, agenda: agendaFor(event.agenda, reader) };
    case 'RosterRevised':
      return reader === 'director' ? event : { ...event, roster: withoutBirthDates(event.roster) };
    default:
      return event;
  }
}
