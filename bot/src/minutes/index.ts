import { fold, readerOn, type Event, type Reader } from '@council/shared';
import { LRUCache } from 'lru-cache';
import type { MeetingService } from '../meetings/service';
import type { MeetingStore } from '../store';
import { createMinutesPress, type PressOptions } from './press';

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

export interface ClerkOptions extends PressOptions {
  /** The PDFs kept ready, in bytes at most; the least recently asked for go first. */
  readonly cacheBytes: number;
  /** The service's public address: the minutes name the sealed files they approve under it. */
  readonly origin?: string | undefined;
}

/** Which minutes: a meeting, the event they stop at and their audience (a PDF per audience). */
interface Copy {
  readonly meetingId: string;
  readonly seq: number;
  readonly reader: Reader;
}

/**
 * The clerk keeps the minutes: it draws them from the event log for each audience and has the press
 * typeset them off the event loop. A copy is kept for its meeting, the event it stops at and its
 * audience, and readers asking for the same copy at once share one drawing: a burst of downloads
 * costs the service's thread a cache look-up each.
 */
export function createClerk(store: MeetingStore, meetings: MeetingService, options: ClerkOptions) {
  const press = createMinutesPress(options);
  let renders = 0;

  async function eventsUpTo(meetingId: string, seq: number) {
    return (await store.readEvents(meetingId)).filter((row) => row.seq <= seq);
  }

  async function draw({ meetingId, seq, reader }: Copy): Promise<MinutesFile | undefined> {
    const stored = await eventsUpTo(meetingId, seq);
    const last = stored.at(-1);
    if (!last) return undefined;
    renders += 1;
    const done = await press.print({
      log: stored.map((row) => ({ seq: row.seq, hash: row.hash, event: row.data as Event })),
      reader,
      origin: options.origin,
    });
    if (!done) return undefined;
    const pdf = Buffer.from(done.pdf.buffer, done.pdf.byteOffset, done.pdf.byteLength);
    return { pdf, fileName: done.fileName, final: done.final, seq: last.seq };
  }

  const copies = new LRUCache<string, MinutesFile | false, Copy>({
    maxSize: options.cacheBytes,
    sizeCalculation: (file) => (file ? file.pdf.length : 1),
    fetchMethod: async (_key, _stale, { context }) => (await draw(context)) ?? false,
  });

  /** The audience of a person: their role on the roster as the minutes stop, else the public. */
  async function copyFor(meetingId: string, objectId: string, asOfSeq?: number) {
    const loaded = await meetings.load(meetingId);
    if (!loaded || loaded.state.status === 'none') return undefined;
    if (asOfSeq === undefined || asOfSeq >= loaded.version) {
      const reader = readerOn(loaded.state.setup.roster, objectId);
      return { meetingId, seq: loaded.version, reader };
    }
    // Older minutes (a chat card offered them): the roster of that time says who reads them.
    const state = fold((await eventsUpTo(meetingId, asOfSeq)).map((row) => row.data as Event));
    if (state.status === 'none') return undefined;
    return { meetingId, seq: asOfSeq, reader: readerOn(state.setup.roster, objectId) };
  }

  return {
    /**
     * The minutes of a meeting as the person with this Entra object id may read them: everything
     * for the director, no closed-session item for an observer or anyone not on the roster, no
     * unpublished result but for the director. Undefined when the meeting does not exist. The bot
     * sends these bytes to the director in the 1:1 chat; the tab downloads them from
     * GET /api/meetings/:id/minutes.pdf. With `asOfSeq`, the minutes as they stood after that
     * event: the version a chat card offered.
     */
    async minutesFor(
      meetingId: string,
      objectId: string,
      asOfSeq?: number,
    ): Promise<MinutesFile | undefined> {
      const copy = await copyFor(meetingId, objectId, asOfSeq);
      if (!copy) return undefined;
      const key = `${meetingId}:${String(copy.seq)}:${copy.reader ?? 'public'}`;
      return (await copies.fetch(key, { context: copy })) || undefined;
    },

    /** How many copies the clerk has drawn and had typeset. */
    get renders(): number {
      return renders;
    },

    close: () => press.close(),
  };
}

export type Clerk = ReturnType<typeof createClerk>;
