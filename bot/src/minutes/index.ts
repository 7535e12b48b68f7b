import { actorOf, fold, minutesOf, sealFor, type Event, type Reader } from '@council/shared';
import type { MeetingStore } from '../store';
import { renderMinutesPdf } from './pdf';

export { renderMinutesPdf } from './pdf';

export interface MinutesFile {
  readonly pdf: Buffer;
  /** ASCII, for a Content-Disposition header or a chat attachment. */
  readonly fileName: string;
  /** False while the meeting runs: the PDF is then marked as a draft. */
  readonly final: boolean;
  /** The number of the last event the minutes include. */
  readonly seq: number;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The minutes of a meeting as the person with this Entra object id may read them: everything for the
 * director, no closed-session item for an observer or anyone not on the roster, no unpublished result
 * but for the director. Undefined when the meeting does not exist. The bot sends these bytes to the
 * director in the 1:1 chat; the tab downloads them from GET /api/meetings/:id/minutes.pdf. With
 * `asOfSeq`, the minutes as they stood after that event: the version a chat card offered.
 */
export async function minutesFor(
  store: MeetingStore,
  meetingId: string,
  objectId: string,
  asOfSeq?: number,
): Promise<MinutesFile | undefined> {
  const all = await store.readEvents(meetingId);
  const stored = asOfSeq === undefined ? all : all.filter((row) => row.seq <= asOfSeq);
  const last = stored.at(-1);
  if (!last) return undefined;
  const logged = stored.map((row) => ({ seq: row.seq, hash: row.hash, event: row.data as Event }));
  const events = logged.map((entry) => entry.event);
  const state = fold(events);
  if (state.status === 'none') return undefined;
  const actor = actorOf(state.setup.roster, objectId);
  const reader: Reader = actor === 'system' ? null : actor;
  const seal = sealFor(state, logged, reader);
  const minutes = seal && minutesOf({ events, reader, seal });
  if (!minutes) return undefined;
  const day = state.setup.scheduledStart.slice(0, 10);
  const name = `${slug(minutes.title)}-${slug(minutes.municipality)}-${day}`;
  return {
    pdf: await renderMinutesPdf(minutes),
    fileName: `${name}${minutes.final ? '' : '-draft'}.pdf`,
    final: minutes.final,
    seq: last.seq,
  };
}
