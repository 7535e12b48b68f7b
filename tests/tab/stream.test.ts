import { openMeetingStream, type ConnectionState } from '../../tab/src/live/stream';

const encoder = new TextEncoder();
const event = (seq: number): string =>
  `id: ${String(seq)}\nevent: meeting\ndata: ${JSON.stringify({ type: 'MeetingOpened', at: '2026-11-23T18:30:00.000Z', by: 'chair' })}\n\n`;

/** A response whose body sends `chunks`, then ends (the connection drops). */
function streamOf(...chunks: string[]): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
}

/** A request that never answers, until it is aborted (as fetch does). */
function hanging(init: RequestInit | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => {
      reject(new Error('aborted'));
    });
  });
}

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => {
      if (check()) resolve();
      else setTimeout(poll, 5);
    };
    poll();
  });
}

test('after a dropped connection the stream resumes from the last event seen, with a fresh request', async () => {
  const requests: Record<string, string>[] = [];
  const answers = [streamOf(event(11), event(12)), streamOf(event(13))];
  const seen: number[] = [];
  const states: ConnectionState[] = [];
  const stream = openMeetingStream({
    url: 'http://service/api/meetings/m/stream',
    token: () => Promise.resolve('token'),
    after: 10,
    retryDelay: () => 1,
    fetch: (_url, init) => {
      requests.push(init?.headers as Record<string, string>);
      return Promise.resolve(answers.shift() ?? hanging(init));
    },
    onEvent: (seq: number) => seen.push(seq),
    onState: (state) => states.push(state),
  });
  await until(() => requests.length === 3);
  stream.close();
  expect(seen).toEqual([11, 12, 13]);
  expect(requests.map((h) => h['last-event-id'])).toEqual(['10', '12', '13']);
  expect(requests[0]?.authorization).toBe('Bearer token');
  expect(states.slice(0, 4)).toEqual(['connecting', 'live', 'reconnecting', 'live']);
});

test('an event already delivered is not delivered again after a reconnection', async () => {
  const answers = [streamOf(event(5)), streamOf(event(5), event(6))];
  const seen: number[] = [];
  let calls = 0;
  const stream = openMeetingStream({
    url: 'u',
    token: () => Promise.resolve('t'),
    after: 0,
    retryDelay: () => 1,
    fetch: (_url, init) => {
      calls++;
      return Promise.resolve(answers.shift() ?? hanging(init));
    },
    onEvent: (seq) => seen.push(seq),
    onState: () => undefined,
  });
  await until(() => calls === 3);
  stream.close();
  expect(seen).toEqual([5, 6]);
});

test('an expired token is refused once, then the stream asks for a fresh one', async () => {
  const fresh: boolean[] = [];
  const answers = [new Response(null, { status: 401 }), streamOf(event(1))];
  const seen: number[] = [];
  const stream = openMeetingStream({
    url: 'u',
    token: (options) => {
      fresh.push(options?.fresh ?? false);
      return Promise.resolve('t');
    },
    after: 0,
    retryDelay: () => 1,
    fetch: (_url, init) => Promise.resolve(answers.shift() ?? hanging(init)),
    onEvent: (seq) => seen.push(seq),
    onState: () => undefined,
  });
  await until(() => seen.length === 1);
  stream.close();
  expect(fresh.slice(0, 2)).toEqual([false, true]);
});

test('a stream the service ends as its token expires opens again at once, with a fresh token, from the last event seen', async () => {
  const fresh: boolean[] = [];
  const requests: Record<string, string>[] = [];
  const answers = [
    streamOf(event(7), 'event: end\ndata: {"reason":"token-expired"}\n\n'),
    streamOf(event(8)),
  ];
  const seen: number[] = [];
  const stream = openMeetingStream({
    url: 'u',
    token: (options) => {
      fresh.push(options?.fresh ?? false);
      return Promise.resolve('t');
    },
    after: 6,
    retryDelay: (attempt) => (attempt === 0 ? 1 : 60_000),
    fetch: (_url, init) => {
      requests.push(init?.headers as Record<string, string>);
      return Promise.resolve(answers.shift() ?? hanging(init));
    },
    onEvent: (seq) => seen.push(seq),
    onState: () => undefined,
  });
  await until(() => seen.length === 2);
  stream.close();
  expect(seen).toEqual([7, 8]);
  expect(fresh.slice(0, 2)).toEqual([false, true]);
  expect(requests[1]?.['last-event-id']).toBe('7');
});
