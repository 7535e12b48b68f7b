import type { Request, Response } from 'restify';

const HEARTBEAT_MS = 15_000;

interface StreamClient {
  write(text: string): void;
}

/**
 * A Server-Sent Events stream: each event carries its sequence number as its id, so a client that
 * reconnects with Last-Event-ID misses nothing; a comment every 15 s keeps proxies from closing it.
 */
export async function openEventStream(
  req: Request,
  res: Response,
  attach: (client: StreamClient) => Promise<() => void>,
  maxBufferedBytes: number,
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
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
  const write = (text: string) => {
    if (res.destroyed) return;
    res.write(text);
    if (res.writableLength > maxBufferedBytes) res.destroy();
  };
  const detach = await attach({ write });
  const heartbeat = setInterval(() => {
    write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  // Listened to before attaching: a client gone while it was attached is detached all the same.
  await closed;
  clearInterval(heartbeat);
  detach();
}
