import type { Event } from '@council/shared';
import type { Request, Response } from 'restify';

const HEARTBEAT_MS = 15_000;

interface StreamClient {
  send(seq: number, event: Event): void;
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
  const detach = await attach({
    send(seq, event) {
      res.write(`id: ${seq}\nevent: meeting\ndata: ${JSON.stringify(event)}\n\n`);
    },
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  await new Promise<void>((resolve) => {
    req.on('close', () => {
      clearInterval(heartbeat);
      detach();
      resolve();
    });
  });
}
