import { signatoriesOf, signatoriesWaiting, type Reader, type WireCommand } from '@council/shared';
import type { Request, Response, Server } from 'restify';
import type { Identity } from '../auth';
import type { Logger } from '../log';
import type { LoadedMeeting, MeetingService } from '../meetings/service';
import type { Clerk } from '../minutes';
import type { MinutesSigner } from '../minutes/seal';
import { previousSittings } from '../minutes/previous-sitting';
import { createSigningDesk } from '../minutes/signing-desk';
import type { MeetingStore } from '../store';
import { previousMinutesRoute } from './previous-minutes';
import { refusal } from './problems';
import { sendSealedPdf } from './sealed-pdf';

type Handler = (req: Request, res: Response) => Promise<void> | void;

interface SigningDeps {
  readonly store: MeetingStore;
  readonly meetings: MeetingService;
  readonly clerk: Clerk;
  readonly log: Logger;
  readonly signer: MinutesSigner;
  readonly route: (handler: Handler) => Handler;
  readonly identify: (req: Request) => Promise<Identity>;
  readonly meetingOf: (req: Request, identity: Identity) => Promise<LoadedMeeting>;
  readonly readerOf: (loaded: LoadedMeeting, identity: Identity) => Reader;
}

function sendPdf(res: Response, pdf: Buffer, fileName: string): void {
  res.sendRaw(200, pdf, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  });
}

/**
 * The minutes signed in the app, over HTTP: what the director submits and who has approved
 * (`GET …/minutes/signing`), the PDF submitted (`…/minutes/submitted.pdf`) and the sealed one
 * (`…/minutes/sealed.pdf`, its SHA-256 as ETag), and the sealed minutes an approval item names. These are the whole record, closed-session items included: members
 * read them, observers do not. Submitting and approving are commands of the command route, whose
 * submission `admit` checks against the minutes the log gives now.
 */
export function signingRoutes(server: Server, deps: SigningDeps) {
  const { route, identify, meetingOf, readerOf } = deps;
  const desk = createSigningDesk(deps);

  async function memberMeeting(req: Request) {
    const identity = await identify(req);
    const loaded = await meetingOf(req, identity);
    if (loaded.state.status === 'none') throw refusal('MEETING_NOT_FOUND');
    const reader = readerOf(loaded, identity);
    if (reader === null || reader === 'observer') throw refusal('NOT_AUTHORIZED');
    return { loaded, meeting: loaded.state };
  }

  previousMinutesRoute(server, { ...deps, previousSitting: previousSittings(deps), memberMeeting });

  server.get(
    '/api/meetings/:meetingId/minutes/signing',
    route(async (req, res) => {
      const { loaded, meeting } = await memberMeeting(req);
      const signing = meeting.signing;
      const approvals = new Map(signing?.approvals.map((a) => [a.member, a.at]));
      res.send(200, {
        final: (await desk.finalMinutes(loaded.record.id, meeting)) ?? null,
        submitted: signing?.submitted ?? null,
        signatories: signatoriesOf(meeting).map((member) => ({
          memberId: member.id,
          name: member.name,
          role: member.role,
          approvedAt: approvals.get(member.id) ?? null,
        })),
        sealed: signing?.sealed ?? null,
      });
    }),
  );

  server.get(
    '/api/meetings/:meetingId/minutes/submitted.pdf',
    route(async (req, res) => {
      const { loaded } = await memberMeeting(req);
      const pdf = await desk.submitted(loaded.record.id);
      if (!pdf) throw refusal('MINUTES_NOT_SUBMITTED');
      sendPdf(res, pdf, `minutes-${loaded.record.id}-submitted.pdf`);
    }),
  );

  server.get(
    '/api/meetings/:meetingId/minutes/sealed.pdf',
    route(async (req, res) => {
      const { loaded, meeting } = await memberMeeting(req);
      if (!meeting.signing) throw refusal('MINUTES_NOT_SUBMITTED');
      const pdf = await desk.sealed(loaded.record.id);
      if (!pdf) {
        const waiting = signatoriesWaiting(meeting).map((member) => member.name);
        throw refusal('APPROVALS_MISSING', { waiting: waiting.join(', ') });
      }
      sendSealedPdf(req, res, pdf, `minutes-${loaded.record.id}-sealed.pdf`);
    }),
  );

  return {
    /** A submission must name the minutes the log gives now, as the director read them. */
    async admit(loaded: LoadedMeeting, command: WireCommand): Promise<void> {
      if (command.type !== 'SubmitMinutes' || loaded.state.status === 'none') return;
      const final = await desk.finalMinutes(loaded.record.id, loaded.state);
      // Not final yet: the domain says why.
      if (!final) return;
      if (
        final.seq !== command.seq ||
        final.pdf !== command.pdf ||
        final.lastEvent !== command.lastEvent
      ) {
        throw refusal('MINUTES_CHANGED');
      }
    },
    close: () => desk.close(),
  };
}
