// A client process of bench/public.ts: holds `count` public streams of one meeting open and tells
// its parent, for each version, when every one of its readers received it.
import { inPool } from './http';
import { openStream, type Stream } from './sse';

const [url = '', path = '', countText = '0', since = '0'] = process.argv.slice(2);
const count = Number(countText);
const arrivals = new Map<number, number[]>();
const send = (message: unknown) => {
  process.send?.(message);
};

const streams: Stream[] = await inPool(
  Array.from({ length: count }, (_, i) => i),
  100,
  () =>
    openStream(
      url,
      path,
      { 'last-event-id': since },
      ({ seq, receivedAt }) => {
        const times = arrivals.get(seq) ?? [];
        arrivals.set(seq, times);
        times.push(receivedAt);
        if (times.length === count) send({ version: seq, times });
      },
      'sitting',
    ),
);
send({ ready: streams.length });

process.on('message', (message) => {
  if (message === 'stop') {
    for (const stream of streams) stream.close();
    process.exit(0);
  }
});
