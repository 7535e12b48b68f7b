import type { Meeting } from '@council/shared';
import type { Request, Response, Server } from 'restify';
import type { LoadedMeeting } from '../meetings/service';
import type { PreviousSittings } from '../minutes/previous-sitting';
import { refusal } from './problems';
import { sendSealedPdf } from './sealed-pdf';

type Handler = (req: Request, res: Response) => Promise<void> | void;

/**
 * The minutes of one sitting are approved at the next (issue 16 item 7): the approval item names
 * the sealed PDF by its SHA-256, and the council's members fetch that very file here (the address
 * previousMinutesPath gives, which the minutes and the tab name). The whole record: members only.
 */
export function previousMinutesRoute(
  server: Server,
  deps: {
    readonly previousSitting: PreviousSittings;
    readonly route: (handler: Handler) => Handler;
    readonly memberMeeting: (req: Request) => Promise<{ loaded: LoadedMeeting; meeting: Meeting }>;
  },
): void {
  const { previousSitting, route, memberMeeting } = deps;
  server.get(
    '/api/meetings/:meetingId/items/:itemId/previous-minutes.pdf',
    route(async (req, res) => {
      const { loaded, meeting } = await memberMeeting(req);
      const itemId = (req.params as { itemId?: string }).itemId ?? '';
      const item = meeting.setup.agenda.find((i) => i.id === itemId);
      if (!item) throw refusal('ITEM_NOT_FOUND');
      if (item.subject !== 'minutesApproval') throw refusal('NOT_MINUTES_APPROVAL');
      const found = await previousSitting(loaded.record.tenantId, meeting, item);
      if (!found) throw refusal('PREVIOUS_MINUTES_NOT_FOUND');
      sendSealedPdf(req, res, found.pdf, `minutes-${found.meetingId}-sealed.pdf`);
    }),
  );
}
