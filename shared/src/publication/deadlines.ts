import type { Meeting } from '../state';
import type { PublicationKind } from './register';

const DAY_MS = 86_400_000;

/** A document the law gives a deadline to, whether it is online, since when, and whether late. */
export interface PublicationDeadline {
  readonly kind: Extract<PublicationKind, 'agenda' | 'decisionList' | 'minutes'>;
  /** Null while the deadline is not yet known (the decision list before the sitting closes). */
  readonly due: string | null;
  readonly onlineAt: string | null;
  readonly late: boolean;
}

function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * DAY_MS).toISOString();
}

/**
 * The director's view of the linked publication's deadlines (DLB arts 285–286, Flemish agency's
 * publication guide): the agenda online 8 days before the sitting, the decision list within 10 days
 * after it, the minutes once approved (no fixed deadline). Late: online after its deadline, or not
 * online when it has passed.
 */
export function publicationDeadlines(meeting: Meeting, now: string): PublicationDeadline[] {
  const firstOnline = (kind: PublicationKind) =>
    meeting.publications?.find((entry) => entry.kind === kind)?.at ?? null;
  const entry = (kind: PublicationDeadline['kind'], due: string | null): PublicationDeadline => {
    const onlineAt = firstOnline(kind);
    const late = due !== null && Date.parse(onlineAt ?? now) > Date.parse(due);
    return { kind, due, onlineAt, late };
  };
  return [
    entry('agenda', addDays(meeting.setup.scheduledStart, -8)),
    entry('decisionList', meeting.closedAt ? addDays(meeting.closedAt, 10) : null),
    entry('minutes', null),
  ];
}
