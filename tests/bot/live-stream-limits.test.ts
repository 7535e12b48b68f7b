import { connect, type Socket } from 'node:net';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type RunningService,
} from './support/service';

let running: RunningService;
let council: DemoMeeting;

beforeAll(async () => {
  running = await startService(undefined, {
    env: {
      MAX_STREAMS_PER_USER: '2',
      MAX_STREAMS_PER_MEETING: '4',
      STREAM_BUFFER_BYTES: '1000000',
    },
  });
  council = await openDemoMeeting(running);
});
afterAll(() => running.close());

const streamPath = (meetingId: string) => `/api/meetings/${meetingId}/stream`;

/** Opens a live stream as `objectId`; the answer's status, and the function that closes it. */
async function openStream(objectId: string, meetingId = council.meetingId) {
  const controller = new AbortController();
  const reply = await fetch(`${running.url}${streamPath(meetingId)}`, {
    headers: { authorization: `Bearer ${await running.tokenFor(objectId)}` },
    signal: controller.signal,
  });
  const body = reply.status === 200 ? undefined : ((await reply.json()) as { code: string });
  return {
    status: reply.status,
    code: body?.code,
    close: () => {
      controller.abort();
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('live streams are bounded', () => {
  test('a person may hold two streams; a third is refused with 429 until one closes', async () => {
    const member = demo.members[3]?.aadObjectId ?? '';
    const [panel, stage] = [await openStream(member), await openStream(member)];
    expect([panel.status, stage.status]).toEqual([200, 200]);
    const third = await openStream(member);
    expect({ status: third.status, code: third.code }).toEqual({
      status: 429,
      code: 'TOO_MANY_STREAMS',
    });
    stage.close();
    await until(() => running.service.hub.streams === 1, 'the closed stream is counted out');
    const again = await openStream(member);
    expect(again.status).toBe(200);
    panel.close();
    again.close();
    await until(() => running.service.hub.streams === 0, 'every stream is closed');
  });

  test('a meeting takes at most its number of streams, whoever opens them', async () => {
    const opened = [];
    for (const member of demo.members.slice(4, 8)) {
      opened.push(await openStream(member.aadObjectId));
    }
    expect(opened.map((stream) => stream.status)).toEqual([200, 200, 200, 200]);
    const fifth = await openStream(demo.members[8]?.aadObjectId ?? '');
    expect({ status: fifth.status, code: fifth.code }).toEqual({
      status: 429,
      code: 'TOO_MANY_STREAMS',
    });
    for (const stream of opened) stream.close();
    await until(() => running.service.hub.streams === 0, 'every stream is closed');
  });

  test('a reader that never drains its socket is dropped once its buffer passes the bound', async () => {
    const director = personOf(running, demo.director.aadObjectId);
    const created = await director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: demo,
    });
    const meetingId = created.body.meetingId as string;
    // A raw connection that reads nothing after asking: the kernel's buffers fill, then Node's.
    const token = await running.tokenFor(demo.director.aadObjectId);
    const socket: Socket = connect(Number(new URL(running.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    let ended = false;
    socket.once('close', () => (ended = true));
    socket.write(
      `GET ${streamPath(meetingId)} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\n\r\n`,
    );
    socket.pause();
    await until(() => running.service.hub.streams === 1, 'the stream is open');

    const long = (n: number, language: string) => `${language} ${String(n)} ${'x'.repeat(480)}`;
    const agenda = Array.from({ length: 100 }, (_, n) => ({
      id: `item-${String(n)}`,
      title: { fr: long(n, 'fr'), nl: long(n, 'nl'), de: long(n, 'de'), en: long(n, 'en') },
      session: 'public',
    }));
    for (let revision = 0; revision < 60 && running.service.hub.streams > 0; revision++) {
      const reply = await director.command(meetingId, { type: 'ReviseAgenda', agenda });
      expect(reply.status).toBe(200);
    }
    await until(() => running.service.hub.streams === 0, 'the slow reader is dropped');
    socket.resume();
    await until(() => ended, 'the connection is closed');
  });
});
