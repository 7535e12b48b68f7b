import { join } from 'node:path';
import { largeCouncil } from '../lib/council';
import type { BenchDatabase } from '../lib/databases';
import { httpClient, inPool } from '../lib/http';
import { sleep, spawnService } from '../lib/processes';
import { command, must, openSession, readMeeting } from '../lib/session';
import { openStream, type Arrival, type Stream } from '../lib/sse';
import { quantile, round } from '../lib/stats';

export interface FanoutResult {
  readonly subscribers: number;
  readonly db: BenchDatabase['engine'];
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Events each subscriber should have received, and how many never arrived within 10 s. */
  readonly events: number;
  readonly missing: number;
}

/**
 * `subscribers` members of one meeting each hold its live stream open; a member then asks for the
 * floor and withdraws, `rounds` times. Each event's delay is its arrival at each stream minus the
 * time the service stamped on it when deciding the command, just before committing it.
 */
export async function fanout(options: {
  subscribers: number;
  database: BenchDatabase;
  workDir: string;
  rounds?: number;
}): Promise<FanoutResult> {
  const rounds = options.rounds ?? 20;
  const service = await spawnService({
    env: { ...options.database.env, MAX_BODY_BYTES: '50000000' },
    logFile: join(options.workDir, `service-fanout-${options.subscribers}.log`),
  });
  const client = httpClient(service.url, 64);
  const streams: Stream[] = [];
  try {
    const session = await openSession(client, largeCouncil(Math.max(options.subscribers, 49)));
    const { version } = await readMeeting(client, session.chair, session.meetingId);
    const received = new Map<number, number[]>();
    /** When the service stamped each event: read from the first copy to arrive. */
    const stamped = new Map<number, number>();
    const onEvent = ({ seq, data, receivedAt }: Arrival) => {
      const times = received.get(seq) ?? [];
      received.set(seq, times);
      times.push(receivedAt);
      if (!stamped.has(seq)) {
        stamped.set(seq, Date.parse((JSON.parse(data) as { at: string }).at));
      }
    };
    const readers = session.members.slice(0, options.subscribers);
    streams.push(
      ...(await inPool(readers, 50, (reader) =>
        openStream(
          service.url,
          `/api/meetings/${session.meetingId}/stream`,
          { ...reader.headers, 'last-event-id': String(version) },
          onEvent,
        ),
      )),
    );
    const speaker = session.members[1] ?? session.chair;
    const everyoneHas = async (seq: number) => {
      const deadline = performance.now() + 10_000;
      while ((received.get(seq)?.length ?? 0) < readers.length && performance.now() < deadline) {
        await sleep(2);
      }
    };
    // A first round, not measured, makes sure every stream is attached.
    const warmup = await must(
      command(client, speaker, session.meetingId, { type: 'RequestFloor', kind: 'contribution' }),
      'ask for the floor',
    );
    const warmupSeq = (warmup.body as { version: number }).version;
    await everyoneHas(warmupSeq);
    received.clear();
    let requestId = await floorRequestId(client, session, speaker);
    const seqs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const step of ['withdraw', 'request'] as const) {
        const reply = await must(
          command(
            client,
            speaker,
            session.meetingId,
            step === 'withdraw'
              ? { type: 'WithdrawRequest', requestId }
              : { type: 'RequestFloor', kind: 'contribution' },
          ),
          step,
        );
        const seq = (reply.body as { version: number }).version;
        seqs.push(seq);
        await everyoneHas(seq);
        await sleep(20);
      }
      requestId = await floorRequestId(client, session, speaker);
    }
    const delays = seqs.flatMap((seq) =>
      (received.get(seq) ?? []).map((at) => at - (stamped.get(seq) ?? at)),
    );
    const missing = seqs.reduce(
      (sum, seq) => sum + readers.length - (received.get(seq)?.length ?? 0),
      0,
    );
    return {
      subscribers: options.subscribers,
      db: options.database.engine,
      p50Ms: round(quantile(delays, 0.5)),
      p99Ms: round(quantile(delays, 0.99)),
      events: seqs.length,
      missing,
    };
  } finally {
    for (const stream of streams) stream.close();
    client.close();
    await service.stop();
  }
}

async function floorRequestId(
  client: ReturnType<typeof httpClient>,
  session: Awaited<ReturnType<typeof openSession>>,
  speaker: { id: string; headers: Record<string, string> },
): Promise<string> {
  const reply = await must(
    client.get(`/api/meetings/${session.meetingId}`, speaker.headers),
    'read the queue',
  );
  const meeting = (
    reply.body as {
      meeting: {
        currentItemId: string;
        queues: Record<string, { requests: { id: string; member: string }[] }>;
      };
    }
  ).meeting;
  const request = meeting.queues[meeting.currentItemId]?.requests.find(
    (r) => r.member === speaker.id,
  );
  if (!request) throw new Error('the floor request is not in the queue');
  return request.id;
}
