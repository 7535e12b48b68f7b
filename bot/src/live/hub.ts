import { eventFor, readerOn, type Event, type MeetingState, type Reader } from '@council/shared';
import type { StreamClient } from '../http/sse';
import type { Logger } from '../log';
import type { MeetingService } from '../meetings/service';
import type { MeetingStore, StoredEvent } from '../store';

/** What an open tab receives: Server-Sent Events text, each event it may see numbered by its seq. */
export interface LiveClient extends StreamClient {
  /** The reader's Entra object id: their role on the meeting's roster decides what they see. */
  readonly memberId: string;
}

interface Subscription {
  readonly client: LiveClient;
  /** What the reader is by the roster the stream was opened under. */
  reader: Reader;
  lastSent: number;
  /** Live events wait here while the client catches up from the log. */
  backlog: StoredEvent[] | null;
}

/** One event as a Server-Sent Event: its seq is its id, so Last-Event-ID resumes after it. */
export function eventFrame(seq: number, event: Event): string {
  return `id: ${seq}\nevent: meeting\ndata: ${JSON.stringify(event)}\n\n`;
}

function framesFor(state: MeetingState, rows: readonly StoredEvent[], reader: Reader): string {
  if (state.status === 'none') return '';
  let text = '';
  for (const row of rows) {
    const visible = eventFor(state, row.data as Event, reader);
    if (visible) text += eventFrame(row.seq, visible);
  }
  return text;
}

/**
 * Fans committed events out to the open streams of a meeting. Events this instance commits come
 * straight from the command pipeline; the store's notifications (PostgreSQL LISTEN/NOTIFY) tell of
 * those of other instances, which one read of the log then serves. The text of a group of events
 * is made once per kind of reader and written as is to every stream of that reader.
 */
export function createLiveHub(store: MeetingStore, meetings: MeetingService, log: Logger) {
  const subscribers = new Map<string, Set<Subscription>>();
  /** The last seq handed to the streams of each meeting. */
  const delivered = new Map<string, number>();
  /** Notifications not yet looked at: the newest seq per meeting. */
  const noticed = new Map<string, number>();
  let pending = Promise.resolve();
  let flushing = false;

  function readerIn(state: MeetingState, subscription: Subscription): Reader {
    return state.status === 'none'
      ? null
      : readerOn(state.setup.roster, subscription.client.memberId);
  }

  function forget(meetingId: string): void {
    subscribers.delete(meetingId);
    delivered.delete(meetingId);
  }

  function later(meetingId: string, work: () => Promise<void>): void {
    pending = pending.then(work).catch((error: unknown) => {
      log.error({ err: error, meetingId }, 'live fan-out failed');
    });
  }

  function send(
    state: MeetingState,
    subscription: Subscription,
    rows: readonly StoredEvent[],
    shared?: Map<Reader, string>,
  ): void {
    const fresh = rows.filter((row) => row.seq > subscription.lastSent);
    const last = fresh.at(-1);
    if (!last) return;
    const reader = subscription.reader;
    let text = fresh.length === rows.length ? shared?.get(reader) : undefined;
    if (text === undefined) {
      text = framesFor(state, fresh, reader);
      if (fresh.length === rows.length) shared?.set(reader, text);
    }
    subscription.lastSent = last.seq;
    if (text) subscription.client.write(text);
  }

  /** Hands the streams of a meeting everything up to `seq`, from `rows` or else from the log. */
  async function advance(meetingId: string, seq: number, rows: readonly StoredEvent[] = []) {
    const streams = subscribers.get(meetingId);
    if (!streams || streams.size === 0) return;
    const after = delivered.get(meetingId) ?? (rows[0]?.seq ?? seq) - 1;
    if (seq <= after) return;
    let fresh = rows.filter((row) => row.seq > after);
    if (fresh[0]?.seq !== after + 1) fresh = await store.readEvents(meetingId, after);
    const last = fresh.at(-1)?.seq;
    if (last === undefined) return;
    delivered.set(meetingId, Math.max(last, delivered.get(meetingId) ?? 0));
    const loaded = await meetings.load(meetingId);
    if (!loaded) return;
    const shared = new Map<Reader, string>();
    for (const subscription of streams) {
      if (subscription.backlog) subscription.backlog.push(...fresh);
      else if (readerIn(loaded.state, subscription) !== subscription.reader) {
        // A reader whose role changed is not sent one more event under the old one: the tab
        // reconnects with Last-Event-ID and reads the rest, and a fresh snapshot, as what it is now.
        streams.delete(subscription);
        subscription.client.end('reader-changed');
      } else send(loaded.state, subscription, fresh, shared);
    }
    if (streams.size === 0) forget(meetingId);
  }

  /** Notifications wait for the next turn of the event loop, by which time this instance's own are delivered. */
  function flush(): void {
    flushing = false;
    for (const [meetingId, seq] of noticed) {
      meetings.invalidate(meetingId, seq);
      later(meetingId, () => advance(meetingId, seq));
    }
    noticed.clear();
  }

  return {
    /** Starts listening to the pipeline and the store; returns the function that stops it. */
    async start(): Promise<() => Promise<void>> {
      const stopCommits = meetings.onCommit((meetingId, events) => {
        const last = events.at(-1);
        if (last) later(meetingId, () => advance(meetingId, last.seq, events));
      });
      const stopNotices = await store.subscribe(
        (meetingId, seq) => {
          noticed.set(meetingId, Math.max(seq, noticed.get(meetingId) ?? 0));
          if (!flushing) {
            flushing = true;
            setImmediate(flush);
          }
        },
        () => {
          // Notifications may have been missed while reconnecting: read everything again.
          meetings.invalidateAll();
          for (const meetingId of subscribers.keys()) {
            const after = delivered.get(meetingId) ?? 0;
            later(meetingId, () => advance(meetingId, after + 1));
          }
        },
      );
      return async () => {
        stopCommits();
        await stopNotices();
      };
    },

    /** Sends everything after `lastEventId` the reader may see, then every new event. */
    async subscribe(
      meetingId: string,
      client: LiveClient,
      lastEventId: number,
    ): Promise<() => void> {
      const subscription: Subscription = {
        client,
        reader: null,
        lastSent: lastEventId,
        backlog: [],
      };
      const streams = subscribers.get(meetingId) ?? new Set();
      subscribers.set(meetingId, streams);
      streams.add(subscription);
      const unsubscribe = () => {
        // Only the meeting's own set: one ended for a change of reader may have been replaced.
        if (
          streams.delete(subscription) &&
          streams.size === 0 &&
          subscribers.get(meetingId) === streams
        ) {
          forget(meetingId);
        }
      };
      try {
        const missed = await store.readEvents(meetingId, lastEventId);
        if (!delivered.has(meetingId)) delivered.set(meetingId, missed.at(-1)?.seq ?? lastEventId);
        const loaded = await meetings.load(meetingId);
        if (loaded) {
          subscription.reader = readerIn(loaded.state, subscription);
          send(loaded.state, subscription, missed);
          send(loaded.state, subscription, subscription.backlog ?? []);
        }
      } catch (error) {
        // A stream that could not start is no subscriber.
        unsubscribe();
        throw error;
      }
      subscription.backlog = null;
      return unsubscribe;
    },

    get streams(): number {
      let count = 0;
      for (const streams of subscribers.values()) count += streams.size;
      return count;
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
