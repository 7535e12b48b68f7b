import { sseParser, type SseMessage } from '../../tab/src/api/sse';

function parse(...chunks: string[]): SseMessage[] {
  const messages: SseMessage[] = [];
  const feed = sseParser((m) => messages.push(m));
  for (const chunk of chunks) feed(chunk);
  return messages;
}

const stream =
  ': connected\n\nid: 7\nevent: meeting\ndata: {"type":"FloorGiven"}\n\n: heartbeat\n\n';

test('each message of the stream is read with its id and event, comments skipped', () => {
  expect(parse(stream)).toEqual([{ id: '7', event: 'meeting', data: '{"type":"FloorGiven"}' }]);
});

test('a message cut anywhere across chunks is read whole, once', () => {
  for (let cut = 1; cut < stream.length; cut++) {
    expect(parse(stream.slice(0, cut), stream.slice(cut))).toHaveLength(1);
  }
});

test('CRLF line ends, split between chunks, end lines as LF does', () => {
  expect(parse('id: 1\r', '\ndata: a\r\n\r\n')).toEqual([{ id: '1', event: 'message', data: 'a' }]);
});

test('several data lines make one message joined by newlines', () => {
  expect(parse('data: one\ndata: two\n\n')[0]?.data).toBe('one\ntwo');
});
