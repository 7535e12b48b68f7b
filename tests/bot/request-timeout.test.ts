import { connect } from 'node:net';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, startService, type RunningService } from './support/service';
import { readStream } from './support/sse';

const DEADLINE_MS = 1_000;
let running: RunningService;
let council: DemoMeeting;

beforeAll(async () => {
  running = await startService(undefined, { env: { REQUEST_TIMEOUT_MS: String(DEADLINE_MS) } });
  council = await openDemoMeeting(running);
});
afterAll(() => running.close());

/** Sends `head` on a raw connection and nothing more; resolves with all the service answers before it hangs up. */
function trickle(head: string): Promise<{ text: string; afterMs: number }> {
  const { port } = new URL(running.url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      resolve({ text, afterMs: Date.now() - started });
    });
  });
}

describe('a request must arrive whole in time', () => {
  test('a body that never comes is answered 408 with a code, and the connection closed', async () => {
    const { text, afterMs } = await trickle(
      'POST /api/meetings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Content-Length: 1000\r\n\r\n{"commandId":',
    );
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain('"code":"REQUEST_TIMEOUT"');
    // The finding is about time: the socket is not held much past the deadline.
    expect(afterMs).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(afterMs).toBeLessThan(DEADLINE_MS + 2_000);
  });

  test('a live stream outlives the deadline and still receives what happens', async () => {
    const token = await running.tokenFor(demo.members[2]?.aadObjectId ?? '');
    const { version } = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body as {
      version: number;
    };
    const later = setTimeout(() => {
      void council.members[2]?.command(council.meetingId, {
        type: 'RequestFloor',
        kind: 'contribution',
      });
    }, DEADLINE_MS * 2);
    const events = await readStream(
      `${running.url}/api/meetings/${council.meetingId}/stream`,
      token,
      {
        lastEventId: version,
        until: (received) => received.some((event) => event.type === 'FloorRequested'),
        timeoutMs: DEADLINE_MS * 5,
      },
    );
    clearTimeout(later);
    expect(events.map((event) => event.type)).toContain('FloorRequested');
  });
});
