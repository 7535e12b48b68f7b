import { connect } from 'node:net';

export interface Arrival {
  readonly seq: number;
  /** The event's JSON text, as the stream carried it. */
  readonly data: string;
  /** Wall-clock time (ms since the epoch, fractional) at which the event was read. */
  readonly receivedAt: number;
}

export interface Stream {
  close(): void;
}

/** The frames of one kind of event: a member's stream sends `meeting`, the public page's `sitting`. */
const frameOf = (event: string) => new RegExp(`^id: (\\d+)\\nevent: ${event}\\ndata: (.*)$`, 'gm');
const meetingFrame = frameOf('meeting');

/**
 * Reads a meeting's Server-Sent Events on a plain socket of its own, with as little work per event
 * as can be, so that a thousand streams in one process measure the service rather than the reader.
 * Resolves once the service has answered 200.
 */
export function openStream(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  onEvent: (arrival: Arrival) => void,
  event = 'meeting',
): Promise<Stream> {
  const { hostname, port } = new URL(baseUrl);
  const frame = event === 'meeting' ? meetingFrame : frameOf(event);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.setEncoding('utf8');
    let head = '';
    let opened = false;
    socket.once('connect', () => {
      const lines = Object.entries({
        host: `${hostname}:${port}`,
        accept: 'text/event-stream',
        ...headers,
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(`GET ${path} HTTP/1.1\r\n${lines}\r\n`);
    });
    socket.on('data', (chunk: string) => {
      const receivedAt = performance.timeOrigin + performance.now();
      if (!opened) {
        head += chunk;
        const end = head.indexOf('\r\n\r\n');
        if (end === -1) return;
        if (!head.startsWith('HTTP/1.1 200')) {
          socket.destroy();
          reject(new Error(`the stream answered ${head.slice(0, head.indexOf('\r\n'))}`));
          return;
        }
        opened = true;
        resolve({ close: () => socket.destroy() });
        chunk = head.slice(end + 4);
      }
      // The service writes whole frames, so a chunk of the response never splits one.
      for (const match of chunk.matchAll(frame)) {
        onEvent({ seq: Number(match[1]), data: match[2] ?? '', receivedAt });
      }
    });
    socket.on('error', (error) => {
      if (!opened) reject(error);
    });
  });
}
