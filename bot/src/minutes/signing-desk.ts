import {
  signatoriesOf,
  SYSTEM,
  type Event,
  type Meeting,
  type MinutesSigning,
} from '@council/shared';
import type { Logger } from '../log';
import type { MeetingService } from '../meetings/service';
import type { MeetingStore, StoredEvent } from '../store';
import { sha256 } from '../sha256';
import type { Clerk } from './index';
import type { MinutesSigner } from './seal/signer';

/** The events of the signing itself: the minutes they sign do not record them. */
const signingEvents = new Set<Event['type']>([
  'MinutesSubmitted',
  'MinutesApproved',
  'MinutesSealed',
]);

/** The final minutes a director may submit: the log's last event they record and both hashes. */
export interface FinalMinutes {
  readonly seq: number;
  readonly pdf: string;
  readonly lastEvent: string;
}

/**
 * The signing desk: which final minutes the director submits (the director's copy as of the log's
 * last event before the signing began, and the hashes naming it), the very PDF the signatories read,
 * and, once every signatory approved those hashes, the PDF sealed by the signer and kept once.
 */
export function createSigningDesk(deps: {
  readonly store: MeetingStore;
  readonly meetings: MeetingService;
  readonly clerk: Clerk;
  readonly signer: MinutesSigner;
  readonly log: Logger;
}) {
  const { store, meetings, clerk, signer, log } = deps;
  const sealing = new Map<string, Promise<Buffer | undefined>>();

  function directorOf(meeting: Meeting): string | undefined {
    return meeting.setup.roster.find((member) => member.role === 'director')?.id;
  }

  async function pdfAt(meetingId: string, meeting: Meeting, seq: number) {
    const director = directorOf(meeting);
    if (!director) return undefined;
    return (await clerk.minutesFor(meetingId, director, seq))?.pdf;
  }

  /** The final minutes as the log gives them now; undefined while the meeting is not closed. */
  async function finalMinutes(
    meetingId: string,
    meeting: Meeting,
  ): Promise<FinalMinutes | undefined> {
    if (meeting.status !== 'closed') return undefined;
    const events: StoredEvent[] = await store.readEvents(meetingId);
    const last = events.findLast((row) => !signingEvents.has((row.data as Event).type));
    if (!last) return undefined;
    const pdf = await pdfAt(meetingId, meeting, last.seq);
    return pdf && { seq: last.seq, pdf: sha256(pdf), lastEvent: last.hash };
  }

  /** The PDF submitted to the signatories, checked against the hash they approve. */
  async function submittedPdf(meetingId: string, meeting: Meeting, signing: MinutesSigning) {
    const pdf = await pdfAt(meetingId, meeting, signing.submitted.seq);
    if (!pdf || sha256(pdf) !== signing.submitted.pdf) {
      throw new Error(`the minutes of ${meetingId} no longer render as submitted`);
    }
    return pdf;
  }

  async function seal(meetingId: string): Promise<Buffer | undefined> {
    const loaded = await meetings.load(meetingId);
    if (!loaded || loaded.state.status === 'none') return undefined;
    const meeting = loaded.state;
    const signing = meeting.signing;
    if (!signing) return undefined;
    const approved = signing.submitted.pdf;
    const stored = await store.sealedMinutes.find(meetingId, approved);
    if (stored && signing.sealed) return stored;
    const signatories = signatoriesOf(meeting);
    const names = new Map(signatories.map((member) => [member.id, member.name]));
    if (signatories.some((member) => !signing.approvals.some((a) => a.member === member.id))) {
      return undefined;
    }
    const sealed =
      stored ??
      (await store.sealedMinutes.keep(
        meetingId,
        approved,
        await signer.seal(await submittedPdf(meetingId, meeting, signing), {
          approvals: signing.approvals.map((a) => ({
            name: names.get(a.member) ?? a.member,
            at: a.at,
          })),
          at: new Date(signing.approvals.at(-1)?.at ?? signing.submitted.at),
          location: meeting.setup.municipality,
          language: meeting.setup.language,
        }),
      ));
    const answer = await meetings.execute({
      meetingId,
      commandId: `seal:${approved}`,
      by: SYSTEM,
      command: { type: 'SealMinutes', sealed: sha256(sealed) },
    });
    if (!answer.ok && answer.error.code !== 'MINUTES_SEALED') {
      log.error({ meetingId, code: answer.error.code }, 'sealing the minutes refused');
    }
    return sealed;
  }

  /** Seals once per meeting at a time; a failure is tried again at the next ask. */
  function sealOnce(meetingId: string): Promise<Buffer | undefined> {
    const running = sealing.get(meetingId);
    if (running) return running;
    const started = seal(meetingId).finally(() => sealing.delete(meetingId));
    sealing.set(meetingId, started);
    return started;
  }

  const stop = meetings.onCommit((meetingId, events) => {
    if (!events.some((row) => (row.data as Event).type === 'MinutesApproved')) return;
    sealOnce(meetingId).catch((error: unknown) => {
      log.error({ err: error, meetingId }, 'sealing the minutes failed');
    });
  });

  return {
    finalMinutes,
    /** The PDF the signatories read and approve; undefined before the director submits one. */
    async submitted(meetingId: string): Promise<Buffer | undefined> {
      const loaded = await meetings.load(meetingId);
      if (!loaded || loaded.state.status === 'none' || !loaded.state.signing) return undefined;
      return submittedPdf(meetingId, loaded.state, loaded.state.signing);
    },
    /** The sealed PDF, sealed now if every signatory approved and it is not yet; else undefined. */
    sealed: sealOnce,
    /** Waits for sealing under way, and stops listening. */
    async close(): Promise<void> {
      stop();
      await Promise.allSettled([...sealing.values()]);
    },
  };
}

export type SigningDesk = ReturnType<typeof createSigningDesk>;
