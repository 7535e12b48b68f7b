import type { Request, Response } from 'restify';

const HEARTBEAT_MS = 15_000;
/** setTimeout's longest delay; a later expiry ends the stream early, and the tab reconnects. */
const LONGEST_TIMER_MS = 2_147_483_647;

/** Why the service ends a stream: the tab then reconnects, with a fresh token for an expired one. */
export type StreamEnd = 'token-expired' | 'reader-changed';

export interface StreamClient {
  write(text: string): void;
  /** Tells the reader why in a last `end` event, then closes the stream. */
  end(reason: StreamEnd): void;
}

/**
 * A Server-Sent Events stream: each event carries its sequence number as its id, so a client that
 * reconnects with Last-Event-ID misses nothing; a comment every 15 s keeps proxies from closing it.
 * It lasts no longer than the token that opened it (`until`, ms since 1970): a stream must not go
 * on serving a reader whose right to read has lapsed.
 */
export async function openEventStream(
  req: Request,
  res: Response,
  attach: (client: StreamClient) => Promise<() => void>,
  { maxBufferedBytes, until }: { readonly maxBufferedBytes: number; readonly until?: number },
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': connected\n\n');
  // The response's close, not the request's: a request without a body has emitted its own close
  // once read, long before the reader goes away, and the stream would then outlive its reader.
  const closed = new Promise<void>((resolve) => {
    if (res.destroyed) resolve();
    else res.once('close', resolve);
  });
  // A reader that does not drain its socket would make the service hold every event for it: past
  // the bound the stream is closed, and the tab reconnects from its Last-Event-ID.
  const client: StreamClient = {
    write(text) {
      if (res.writableEnded || res.destroyed) return;
      res.write(text);
      if (res.writableLength > maxBufferedBytes) res.destroy();
    },
    end(reason) {
      if (res.writableEnded || res.destroyed) return;
      res.end(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
    },
  };
  const detach = await attach(client);
  const heartbeat = setInterval(() => {
    client.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  const expiry =
    until === undefined
      ? undefined
      : setTimeout(
          () => {
            client.end('token-expired');
          },
          Math.min(Math.max(0, until - Date.now()), LONGEST_TIMER_MS),
        );
  // Listened to before attaching: a client gone while it was attached is detached all the same.
  await closed;
  clearInterval(heartbeat);
  clearTimeout(expiry);
  detach();
}
