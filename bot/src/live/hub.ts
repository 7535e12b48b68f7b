import { eventFor, type Event, type Reader } from '@council/shared';
import type { Logger } from '../log';
import type { MeetingService } from '../meetings/service';
import type { MeetingStore, StoredEvent } from '../store';

/** What an open tab receives: each event it may see, numbered by its place in the log. */
export interface LiveClient {
  readonly reader: Reader;
  send(seq: number, event: Event): void;
}

interface Subscription {
  readonly client: LiveClient;
  lastSent: number;
  /** Live events wait here while the client catches up from the log. */
  backlog: StoredEvent[] | null;
}

/**
 * Fans committed events out to the open streams of a meeting. The store notifies after each commit,
 * from this instance or another (PostgreSQL LISTEN/NOTIFY); one read of the log then serves every
 * stream of that meeting, and each stream gets only what its reader may see.
 */
export function createLiveHub(store: MeetingStore, meetings: MeetingService, log: Logger) {
  const subscribers = new Map<string, Set<Subscription>>();
  const delivered = new Map<string, number>();
  let pending = Promise.resolve();

  function deliver(meetingId: string, subscription: Subscription, rows: readonly StoredEvent[]) {
    return meetings.load(meetingId).then((loaded) => {
      if (!loaded || loaded.state.status === 'none') return;
      for (const row of rows) {
        if (row.seq <= subscription.lastSent) continue;
        subscription.lastSent = row.seq;
        const visible = eventFor(loaded.state, row.data as Event, subscription.client.reader);
        if (visible) subscription.client.send(row.seq, visible);
      }
    });
  }

  async function fanOut(meetingId: string, seq: number): Promise<void> {
    meetings.invalidate(meetingId, seq);
    const streams = subscribers.get(meetingId);
    if (!streams || streams.size === 0) return;
    const after = delivered.get(meetingId) ?? seq - 1;
    if (seq <= after) return;
    const rows = await store.readEvents(meetingId, after);
    const last = rows.at(-1)?.seq;
    if (last !== undefined) delivered.set(meetingId, last);
    for (const subscription of streams) {
      if (subscription.backlog) subscription.backlog.push(...rows);
      else await deliver(meetingId, subscription, rows);
    }
  }

  return {
    /** Starts listening to the store; returns the function that stops it. */
    start(): Promise<() => Promise<void>> {
      return store.subscribe(
        (meetingId, seq) => {
          pending = pending
            .then(() => fanOut(meetingId, seq))
            .catch((error: unknown) => {
              log.error({ err: error, meetingId }, 'live fan-out failed');
            });
        },
        () => {
          // Notifications may have been missed while reconnecting: every stream catches up.
          for (const meetingId of subscribers.keys()) {
            const after = delivered.get(meetingId) ?? 0;
            pending = pending.then(() => fanOut(meetingId, after + 1)).catch(() => undefined);
          }
        },
      );
    },

    /** Sends everything after `lastEventId` the reader may see, then every new event. */
    async subscribe(
      meetingId: string,
      client: LiveClient,
      lastEventId: number,
    ): Promise<() => void> {
      const subscription: Subscription = { client, lastSent: lastEventId, backlog: [] };
      const streams = subscribers.get(meetingId) ?? new Set();
      subscribers.set(meetingId, streams);
      streams.add(subscription);
      const missed = await store.readEvents(meetingId, lastEventId);
      if (!delivered.has(meetingId)) delivered.set(meetingId, missed.at(-1)?.seq ?? lastEventId);
      await deliver(meetingId, subscription, missed);
      const queued = subscription.backlog ?? [];
      subscription.backlog = null;
      await deliver(meetingId, subscription, queued);
      return () => {
        streams.delete(subscription);
        if (streams.size === 0) {
          subscribers.delete(meetingId);
          delivered.delete(meetingId);
        }
      };
    },

    get streams(): number {
      let count = 0;
      for (const streams of subscribers.values()) count += streams.size;
      return count;
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
