import { COUNCIL_TIME_ZONE, type Meeting } from '@council/shared';
import type { Request, Response, Server } from 'restify';
import type { LoadedMeeting, MeetingService } from '../meetings/service';
import type { MeetingStore } from '../store';
import { refusal } from './problems';
import { sendSealedPdf } from './sealed-pdf';

type Handler = (req: Request, res: Response) => Promise<void> | void;

/** The day a sitting was held, on the council's clock, as an approval item names it. */
const dayOf = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: COUNCIL_TIME_ZONE }).format(new Date(iso));

/**
 * The minutes of one sitting are approved at the next (issue 16 item 7): the approval item names
 * the sealed PDF by its SHA-256, and its members fetch it at previousMinutesPath. Served only the
 * file whose bytes hash to what the item names, kept for a sitting of the same tenant and
 * municipality held on the day the item names: an item cannot reach another council's minutes by
 * naming their hash (public on their published minutes). The whole record: members only.
 */
export function previousMinutesRoute(
  server: Server,
  deps: {
    readonly store: MeetingStore;
    readonly meetings: MeetingService;
    readonly route: (handler: Handler) => Handler;
    readonly memberMeeting: (req: Request) => Promise<{ loaded: LoadedMeeting; meeting: Meeting }>;
  },
): void {
  const { store, meetings, route, memberMeeting } = deps;
  // The address previousMinutesPath gives, which the minutes, the tab and the cards name.
  server.get(
    '/api/meetings/:meetingId/items/:itemId/previous-minutes.pdf',
    route(async (req, res) => {
      const { loaded, meeting } = await memberMeeting(req);
      const itemId = (req.params as { itemId?: string }).itemId ?? '';
      const item = meeting.setup.agenda.find((i) => i.id === itemId);
      if (!item) throw refusal('ITEM_NOT_FOUND');
      if (item.subject !== 'minutesApproval') throw refusal('NOT_MINUTES_APPROVAL');
      const sealed = item.previousMinutes;
      const found = sealed && (await store.sealedMinutes.sealedAs(loaded.record.tenantId, sealed));
      const previous = found ? (await meetings.load(found.meetingId))?.state : undefined;
      if (
        !found ||
        !previous ||
        previous.status === 'none' ||
        previous.setup.municipality !== meeting.setup.municipality ||
        (item.previousSitting && dayOf(previous.setup.scheduledStart) !== item.previousSitting)
      ) {
        throw refusal('PREVIOUS_MINUTES_NOT_FOUND');
      }
      sendSealedPdf(req, res, found.pdf, `minutes-${found.meetingId}-sealed.pdf`);
    }),
  );
}
