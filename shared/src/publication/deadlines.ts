import type { Meeting } from '../state';
import type { PublicationKind } from './register';

const DAY_MS = 86_400_000;

/** A document of the sitting, whether it is online, since when, its deadline and whether late. */
export interface PublicationDeadline {
  readonly kind: Extract<
    PublicationKind,
    'agenda' | 'supplementaryAgenda' | 'decisionList' | 'minutes'
  >;
  /** The n-th supplementary agenda (1-based); 0 for the other documents. */
  readonly n: number;
  /**
   * The days the profile's publication rule gives: before the sitting for the agenda, after it for
   * the decision list; null where it sets none (and always for supplements and minutes).
   */
  readonly days: number | null;
  /** Null where the profile sets no deadline, or while it is not yet known (before closing). */
  readonly due: string | null;
  readonly onlineAt: string | null;
  readonly late: boolean;
}

function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * DAY_MS).toISOString();
}

/**
 * When the agenda became public: when the convocation went out, since the agenda route serves it
 * from then on. A log written before convocations were recorded has only the register, whose first
 * entry is when a reader was first served it.
 */
function agendaOnline(meeting: Meeting): string | null {
  if (meeting.status === 'draft') return null;
  return (
    meeting.convocation?.sentAt ??
    meeting.publications?.find((entry) => entry.kind === 'agenda')?.at ??
    null
  );
}

/**
 * The director's view of the linked publication (the profile's `publication` rule; for Flanders DLB
 * arts 285–286): each document with the time it became public, as the meeting's state makes it
 * servable (bot/src/publication/documents.ts), not the time a reader first fetched it; its deadline
 * where the profile sets one, and late when online after it, or not online once it has passed.
 */
export function publicationDeadlines(meeting: Meeting, now: string): PublicationDeadline[] {
  const rule = meeting.profile.publication.value;
  const entry = (
    kind: PublicationDeadline['kind'],
    onlineAt: string | null,
    days: number | null = null,
    due: string | null = null,
    n = 0,
  ): PublicationDeadline => {
    const late = due !== null && Date.parse(onlineAt ?? now) > Date.parse(due);
    return { kind, n, days, due, onlineAt, late };
  };
  const agendaDays = rule.agendaDaysBefore;
  const listDays = rule.decisionListDaysAfter;
  const closedAt = meeting.status === 'closed' ? meeting.closedAt : null;
  return [
    entry(
      'agenda',
      agendaOnline(meeting),
      agendaDays,
      agendaDays === null ? null : addDays(meeting.setup.scheduledStart, -agendaDays),
    ),
    ...(meeting.convocation?.supplements ?? []).map((supplement, i) =>
      entry('supplementaryAgenda', supplement.at, null, null, i + 1),
    ),
    entry(
      'decisionList',
      closedAt,
      listDays,
      listDays === null || closedAt === null ? null : addDays(closedAt, listDays),
    ),
    entry('minutes', meeting.signing?.sealed?.at ?? null),
  ];
}
