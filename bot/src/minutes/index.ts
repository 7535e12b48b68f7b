import { fold, minutesOf, readerOn, type Event, type MinutesDocument } from '@council/shared';
import { LRUCache } from 'lru-cache';
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

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface ClerkOptions extends PressOptions {
  /** The PDFs kept ready, in bytes at most; the least recently asked for go first. */
  readonly cacheBytes: number;
}

/**
 * The clerk keeps the minutes: it draws them from the event log for each reader and has the press
 * typeset them off the event loop. A PDF is kept for its meeting, the event it stops at and its
 * audience, so minutes asked for again unchanged (or by many at once) are typeset once.
 */
export function createClerk(store: MeetingStore, options: ClerkOptions) {
  const press = createMinutesPress(options);
  let renders = 0;
  const printed = new LRUCache<string, Buffer, MinutesDocument>({
    maxSize: options.cacheBytes,
    sizeCalculation: (pdf) => Math.max(1, pdf.length),
    fetchMethod: (_key, _stale, { context }) => {
      renders += 1;
      return press.print(context);
    },
  });

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
      const all = await store.readEvents(meetingId);
      const stored = asOfSeq === undefined ? all : all.filter((row) => row.seq <= asOfSeq);
      const last = stored.at(-1);
      if (!last) return undefined;
      const events = stored.map((row) => row.data as Event);
      const state = fold(events);
      if (state.status === 'none') return undefined;
      const reader = readerOn(state.setup.roster, objectId);
      const minutes = minutesOf({ events, reader, seal: { seq: last.seq, hash: last.hash } });
      if (!minutes) return undefined;
      const pdf = await printed.fetch(`${meetingId}:${String(last.seq)}:${reader ?? 'public'}`, {
        context: minutes,
      });
      if (!pdf) throw new Error('the minutes press gave no PDF');
      const day = state.setup.scheduledStart.slice(0, 10);
      const name = `${slug(minutes.title)}-${slug(minutes.municipality)}-${day}`;
      return {
        pdf,
        fileName: `${name}${minutes.final ? '' : '-draft'}.pdf`,
        final: minutes.final,
        seq: last.seq,
      };
    },

    /** How many PDFs the press has been asked to typeset. */
    get renders(): number {
      return renders;
    },

    close: () => press.close(),
  };
}

export type Clerk = ReturnType<typeof createClerk>;
