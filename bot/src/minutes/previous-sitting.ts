import { COUNCIL_TIME_ZONE, type AgendaItem, type Meeting } from '@council/shared';
import type { MeetingService } from '../meetings/service';
import type { MeetingStore } from '../store';

/** The day a sitting was held, on the council's clock, as an approval item names it. */
const dayOf = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: COUNCIL_TIME_ZONE }).format(new Date(iso));

/** The sitting whose sealed minutes an approval item names, and those sealed bytes. */
export interface PreviousSitting {
  readonly meetingId: string;
  readonly meeting: Meeting;
  readonly pdf: Buffer;
}

/**
 * The sitting whose minutes an approval item approves (issue 16 item 7), found by the SHA-256 the
 * item names: sealed in the same tenant, for the same municipality, on the day the item names. An
 * item cannot reach another council's minutes by naming their hash (public on their published
 * minutes), and the bytes found are those that hash: never another file.
 */
export function previousSittings(deps: {
  readonly store: MeetingStore;
  readonly meetings: MeetingService;
}) {
  return async function previousSitting(
    tenantId: string,
    meeting: Meeting,
    item: AgendaItem,
  ): Promise<PreviousSitting | undefined> {
    const sealed = item.subject === 'minutesApproval' ? item.previousMinutes : undefined;
    const found = sealed && (await deps.store.sealedMinutes.sealedAs(tenantId, sealed));
    if (!found) return undefined;
    const previous = (await deps.meetings.load(found.meetingId))?.state;
    if (
      !previous ||
      previous.status === 'none' ||
      previous.setup.municipality !== meeting.setup.municipality ||
      (item.previousSitting && dayOf(previous.setup.scheduledStart) !== item.previousSitting)
    ) {
      return undefined;
    }
    return { meetingId: found.meetingId, meeting: previous, pdf: found.pdf };
  };
}

export type PreviousSittings = ReturnType<typeof previousSittings>;
