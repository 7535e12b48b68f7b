import type { AgendaItem, ItemId } from './agenda';
import type { AgendaProgress } from './agenda/progress';
import { sessionOf } from './agenda/session';
import { memo } from './copy-on-write';
import type { MeetingSetup } from './commands';
import type { Event } from './events';
import { actorOf, SYSTEM, type Member, type Role } from './roster';
import type { PartialDecryption } from './sealed/types';
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

/**
 * Until the director publishes it, a result is known to the director alone: so are the trustees'
 * shares of a sealed count, which would give it; the others learn whose shares are in.
 */
function voteFor(vote: Vote, reader: Reader): Vote {
  if (reader === 'director' || vote.status === 'published') return vote;
  const sealed = vote.sealed && { ...vote.sealed, decrypted: withoutShares(vote.sealed.decrypted) };
  const hidden = sealed ? { ...vote, sealed } : vote;
  return vote.status === 'counted' ? { ...hidden, status: 'closed', result: null } : hidden;
}

const unseenShare: PartialDecryption = { shares: [] };

function withoutShares(
  decrypted: Readonly<Record<string, PartialDecryption>>,
): Record<string, PartialDecryption> {
  return Object.fromEntries(Object.keys(decrypted).map((member) => [member, unseenShare]));
}

/** Who received, opened and acknowledged the convocation is the secretariat's business. */
const receiptEvents: ReadonlySet<Event['type']> = new Set([
  'ConvocationDelivered',
  'ConvocationUnreachable',
  'ConvocationOpened',
  'ConvocationAcknowledged',
  'ConvocationResent',
]);

const tellersEvents: ReadonlySet<Event['type']> = new Set([
  'TellersNamed',
  'TrusteeCommitted',
  'TrusteeSharesDealt',
  'TrusteeReady',
  'TrusteeShareDisputed',
  'TrusteeShareLost',
]);

function filterRecord<T>(
  record: Readonly<Record<string, T>>,
  keep: (value: T, key: string) => boolean,
): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key, value]) => keep(value, key)));
}

/** An urgent item proposed for closed session is closed from the moment it is proposed. */
function proposesClosedItem(vote: Pick<Vote, 'procedure'>): boolean {
  return vote.procedure?.kind === 'urgency' && vote.procedure.item.session === 'closed';
}

function progressFor(progress: AgendaProgress, visible: ReadonlySet<ItemId>): AgendaProgress {
  const seen = <T>(record: Readonly<Record<ItemId, T>>) =>
    filterRecord(record, (_, id) => visible.has(id));
  return {
    takenUp: progress.takenUp.filter((id) => visible.has(id)),
    setAside: seen(progress.setAside),
    closedInSitting: seen(progress.closedInSitting),
    urgent: seen(progress.urgent),
  };
}

/**
 * The convocation as one reader sees it: every receipt for the director, a member their own (named
 * by `self`); the public learns nothing of closed items a supplement added or withdrew.
 */
function convocationFor(
  convocation: NonNullable<Meeting['convocation']>,
  reader: Reader,
  self: string | undefined,
  visible: ReadonlySet<ItemId>,
): NonNullable<Meeting['convocation']> {
  if (reader === 'director') return convocation;
  const own = self === undefined ? undefined : convocation.receipts[self];
  const supplements = isObserver(reader)
    ? convocation.supplements.map((s) => supplementFor(s, visible))
    : convocation.supplements;
  return {
    ...convocation,
    supplements,
    receipts: own && self !== undefined ? { [self]: own } : {},
  };
}

/** A supplement as the public sees it: the items added it may see, nothing of those withdrawn. */
function supplementFor<T extends { added: readonly ItemId[] }>(
  supplement: T,
  visible: ReadonlySet<ItemId>,
): T {
  return {
    ...supplement,
    added: supplement.added.filter((id) => visible.has(id)),
    withdrawn: [],
    withdrawnTitles: [],
  };
}

/** The meeting as one reader may see it: the service filters, the client never does. */
export function meetingFor(meeting: Meeting, reader: Reader, self?: string): Meeting {
  const setup = memoSetupFor(meeting.setup, reader);
  const visible = new Set<ItemId>(setup.agenda.map((item) => item.id));
  const observer = isObserver(reader);
  const votes = filterRecord(
    meeting.votes,
    (vote) => visible.has(vote.itemId) && !(observer && proposesClosedItem(vote)),
  );
  return {
    ...meeting,
    setup,
    agendaProgress: observer
      ? progressFor(meeting.agendaProgress, visible)
      : meeting.agendaProgress,
    currentItemId:
      meeting.currentItemId && visible.has(meeting.currentItemId) ? meeting.currentItemId : null,
    openVoteId: meeting.openVoteId && votes[meeting.openVoteId] ? meeting.openVoteId : null,
    queues: Object.fromEntries(Object.entries(meeting.queues).filter(([id]) => visible.has(id))),
    motions: filterRecord(meeting.motions, (motion) => visible.has(motion.itemId)),
    conflicts: Object.fromEntries(
      Object.entries(meeting.conflicts ?? {}).filter(([id]) => visible.has(id)),
    ),
    ...(meeting.documents
      ? { documents: filterRecord(meeting.documents, (_, id) => visible.has(id)) }
      : {}),
    votes: Object.fromEntries(
      Object.entries(votes).map(([id, vote]) => [id, voteFor(vote, reader)]),
    ),
    // The key ceremony is the trustees' and the members' business, not the public's.
    ...(observer && meeting.tellers ? { tellers: [] } : {}),
    ...(meeting.convocation
      ? { convocation: convocationFor(meeting.convocation, reader, self, visible) }
      : {}),
  };
}

/** An agenda as a past event gave it, with each item's session as it stands now. */
function sessionsNow(meeting: Meeting, agenda: readonly AgendaItem[]): AgendaItem[] {
  return agenda.map((item) =>
    sessionOf(meeting, item.id) === 'closed' ? { ...item, session: 'closed' } : item,
  );
}

const asNow = (meeting: Meeting, setup: MeetingSetup): MeetingSetup => ({
  ...setup,
  agenda: sessionsNow(meeting, setup.agenda),
});

function itemOfEvent(meeting: Meeting, event: Event): ItemId | null {
  if ('itemId' in event) return event.itemId;
  if ('voteId' in event) return meeting.votes[event.voteId]?.itemId ?? null;
  if ('motionId' in event) return meeting.motions[event.motionId]?.itemId ?? null;
  return null;
}

/**
 * What one reader receives of an event on the live stream, or null: a count before publication goes
 * to the director only (a trustee's share of it too: the others learn only that it was given),
 * nothing of a closed (huis clos) item reaches an observer, nor anything of the key ceremony.
 */
export function eventFor(meeting: Meeting, event: Event, reader: Reader): Event | null {
  if (event.type === 'VoteCounted' && reader !== 'director') return null;
  if (receiptEvents.has(event.type) && reader !== 'director') return null;
  if (tellersEvents.has(event.type) && isObserver(reader)) return null;
  // The public sees the doors close, and nothing of the item from then on.
  if (event.type === 'SessionClosed') return event;
  if (isObserver(reader)) {
    if (sessionOf(meeting, itemOfEvent(meeting, event)) === 'closed') return null;
    if (event.type === 'UrgentItemAdded' && event.item.session === 'closed') return null;
    if (event.type === 'VoteOpened' && proposesClosedItem(event)) return null;
    if (event.type === 'AgendaSupplemented') {
      return supplementFor(
        event,
        new Set(meeting.setup.agenda.filter((i) => i.session === 'public').map((i) => i.id)),
      );
    }
  }
  switch (event.type) {
    case 'MeetingCreated':
      return { ...event, setup: setupFor(asNow(meeting, event.setup), reader) };
    case 'AgendaRevised':
      return { ...event, agenda: agendaFor(sessionsNow(meeting, event.agenda), reader) };
    case 'RosterRevised':
      return reader === 'director' ? event : { ...event, roster: withoutBirthDates(event.roster) };
    case 'TallyShareDecrypted':
      return reader === 'director' ? event : { ...event, partial: unseenShare };
    default:
      return event;
  }
}
