import type { Event } from '@council/shared';
import { sseParser } from '../api/sse';
import type { TokenSource } from '../api/client';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

export interface StreamOptions {
  readonly url: string;
  readonly token: TokenSource;
  /** Events after this sequence number are sent first (the snapshot's version). */
  readonly after: number;
  readonly onEvent: (seq: number, event: Event) => void;
  readonly onState: (state: ConnectionState) => void;
  /** Called each time the stream (re)opens, so the caller can catch up on a fresh snapshot. */
  readonly onOpen?: () => void;
  readonly fetch?: typeof fetch;
  /** Backoff before each new attempt: 0.5 s, doubling, at most 10 s. */
  readonly retryDelay?: (attempt: number) => number;
  /** Nothing heard for this long (the service's heartbeat is 15 s): the connection is dead. */
  readonly silenceMs?: number;
}

const defaultDelay = (attempt: number) => Math.min(10_000, 500 * 2 ** attempt);

/**
 * The meeting's live stream over fetch, since EventSource cannot send a bearer token. It reconnects
 * with backoff and resumes with Last-Event-ID, so no event is lost or delivered twice. The service
 * ends a stream when the reader's role changes or their token expires; it is then opened again.
 */
export function openMeetingStream(options: StreamOptions): { close(): void } {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const delay = options.retryDelay ?? defaultDelay;
  const silenceMs = options.silenceMs ?? 40_000;
  let lastSeq = options.after;
  // An object, so that checks after an await read the value close() set meanwhile.
  const life = { closed: false };
  const isClosed = () => life.closed;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;

  /** One connection, until it ends: whether it went live decides how soon to try again. */
  async function once(fresh: boolean): Promise<'lost' | 'failed' | 'unauthorized' | 'expired'> {
    let live = false;
    // An object, as `life` is: the parser's callback sets it.
    const end = { expired: false };
    controller = new AbortController();
    const current = controller;
    let silence = setTimeout(() => {
      current.abort();
    }, silenceMs);
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        current.abort();
      }, silenceMs);
    };
    try {
      const response = await doFetch(options.url, {
        headers: {
          authorization: `Bearer ${await options.token({ fresh })}`,
          accept: 'text/event-stream',
          ...(lastSeq > 0 ? { 'last-event-id': String(lastSeq) } : {}),
        },
        signal: current.signal,
      });
      if (response.status === 401) return 'unauthorized';
      if (!response.ok || !response.body) return 'failed';
      live = true;
      options.onState('live');
      options.onOpen?.();
      const feed = sseParser((message) => {
        // The service ends a stream when its token expires: the next one opens with a fresh token.
        if (message.event === 'end') end.expired ||= message.data.includes('token-expired');
        const seq = Number(message.id);
        if (message.event !== 'meeting' || !Number.isInteger(seq) || seq <= lastSeq) return;
        lastSeq = seq;
        options.onEvent(seq, JSON.parse(message.data) as Event);
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        heard();
        feed(decoder.decode(value, { stream: true }));
      }
      return end.expired ? 'expired' : 'lost';
    } catch {
      return live ? 'lost' : 'failed';
    } finally {
      clearTimeout(silence);
    }
  }

  async function run() {
    let attempt = 0;
    let fresh = false;
    options.onState('connecting');
    while (!life.closed) {
      const outcome = await once(fresh);
      if (isClosed()) return;
      fresh = outcome === 'unauthorized' || outcome === 'expired';
      attempt = outcome === 'lost' || outcome === 'expired' ? 0 : attempt + 1;
      options.onState('reconnecting');
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay(attempt));
      });
    }
  }

  void run();
  return {
    close() {
      life.closed = true;
      controller?.abort();
      wake?.();
    },
  };
}
