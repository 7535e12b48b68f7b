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
  const detach = await attach({
    write(text) {
      res.write(text);
    },
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  // Listened to before attaching: a client gone while it was attached is detached all the same.
  await closed;
  clearInterval(heartbeat);
  detach();
}
