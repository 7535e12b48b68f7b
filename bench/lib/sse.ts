import http from 'node:http';

export interface Arrival {
  readonly seq: number;
  readonly event: { readonly type: string; readonly at?: string } & Record<string, unknown>;
  /** Wall-clock time (ms since the epoch, fractional) at which the event was read. */
  readonly receivedAt: number;
}

export interface Stream {
  close(): void;
}

/** Reads a meeting's Server-Sent Events on a socket of its own; resolves once the stream is open. */
export function openStream(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  onEvent: (arrival: Arrival) => void,
): Promise<Stream> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.get(
      { hostname, port, path, headers: { accept: 'text/event-stream', ...headers }, agent: false },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`the stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const receivedAt = performance.timeOrigin + performance.now();
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (id !== undefined && data !== undefined) {
              onEvent({ seq: Number(id), event: JSON.parse(data) as Arrival['event'], receivedAt });
            }
            end = buffer.indexOf('\n\n');
          }
        });
        res.on('error', () => undefined);
        resolve({
          close: () => {
            req.destroy();
          },
        });
      },
    );
    req.on('error', reject);
  });
}
