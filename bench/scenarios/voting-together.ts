import { join } from 'node:path';
import { largeCouncil } from '../lib/council';
import { audit, ballotRecord, type BenchDatabase, type Engine } from '../lib/databases';
import { httpClient, inPool, type HttpClient } from '../lib/http';
import { cpuTimeMs, sleep, spawnService, type ServiceProcess } from '../lib/processes';
import {
  openSecretVote,
  openSession,
  readMeeting,
  signInCouncil,
  type CouncilPeople,
  type OpenVote,
  type Session,
} from '../lib/session';
import { openStream, type Stream } from '../lib/sse';
import { quantile, round } from '../lib/stats';
import { nameTellers, type Tellers } from '../lib/tellers';
import { acknowledgedVoters, castAll, drawBallots, settled } from '../lib/voting';
import { streamFigures, type StreamFigures } from '../scale-goals';
import type { Ballot, BallotChannel, BallotDoor } from './ballot-burst';

export interface TogetherOptions {
  readonly channel: BallotChannel;
  /** Service processes on the one database; each meeting's members are split evenly among them. */
  readonly instances: number;
  readonly meetings: number;
  readonly votersPerMeeting: number;
  readonly database: BenchDatabase;
  readonly workDir: string;
  readonly maxSockets?: number;
}

/** One meeting's vote in the burst. */
export interface MeetingFigures {
  readonly ballots: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Whether the totals the trustees' shares recovered add up to the ballots acknowledged. */
  readonly counted: boolean;
}

export interface TogetherResult {
  readonly channel: BallotChannel['name'];
  readonly db: Engine;
  readonly instances: number;
  readonly meetings: number;
  readonly votersPerMeeting: number;
  /** Every meeting's ballots together: acknowledged, over the time from the first sent to the last answered. */
  readonly ballotsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly perMeeting: readonly MeetingFigures[];
  readonly lost: number;
  readonly duplicated: number;
  readonly unacknowledged: number;
  /** Meetings whose totals do not add up to their acknowledged ballots; 0 in a healthy run. */
  readonly miscounted: number;
  /** CPU time every instance together spent per ballot during the burst (Linux only). */
  readonly serviceCpuMsPerBallot: number | null;
  /** With several instances: one stream per instance on the first meeting. */
  readonly streams: readonly StreamFigures[];
  readonly setupMs: number;
}

/** One instance's way in to one meeting: its own tokens, its own door. */
interface Entrance {
  readonly client: HttpClient;
  readonly session: Session;
  readonly door: BallotDoor;
}

interface MeetingRun {
  readonly session: Session;
  readonly vote: OpenVote;
  readonly ballots: readonly Ballot[];
  /** Which entrance each ballot goes through, in the ballots' order. */
  readonly doors: readonly BallotDoor[];
}

/**
 * `meetings` meetings of `votersPerMeeting` members each, on `instances` service processes sharing
 * one database, each with its sealed box and tellers; a secret vote opens in every meeting, then
 * every ballot of every meeting is sent at once. Afterwards the database says whether each meeting
 * holds each acknowledged ballot exactly once, and, with several instances, whether the director's
 * stream on each instance received every event of the vote exactly once.
 */
export async function votingTogether(options: TogetherOptions): Promise<TogetherResult> {
  const { channel, instances, meetings, votersPerMeeting, database } = options;
  if (instances > 1 && database.engine === 'pglite') {
    throw new Error(
      'one process at a time may open a PGlite folder: several instances need PostgreSQL',
    );
  }
  if (instances > 1 && channel.name === 'bot') {
    throw new Error(
      "a chat is linked to its meeting once: several instances are measured on the tab's API",
    );
  }
  const maxSockets = options.maxSockets ?? 256;
  const label = `${channel.name}-${instances}x${meetings}x${votersPerMeeting}`;
  const services: ServiceProcess[] = [];
  const clients: HttpClient[] = [];
  const tellers: Tellers[] = [];
  const entrances: Entrance[] = [];
  const streams: Stream[] = [];
  const received = new Map<number, number[]>();
  const runs: MeetingRun[] = [];
  let measured: Omit<TogetherResult, 'perMeeting' | 'lost' | 'duplicated' | 'streams'>;
  const perMeeting: { acknowledged: Set<string>; latencies: number[]; counted: boolean }[] = [];
  let window = { after: 0, upTo: 0 };
  try {
    for (let instance = 0; instance < instances; instance++) {
      const service = await spawnService({
        env: { ...database.env, MAX_BODY_BYTES: '50000000' },
        logFile: join(options.workDir, `service-together-${label}-${instance}.log`),
      });
      services.push(service);
      clients.push(httpClient(service.url, Math.ceil(maxSockets / instances)));
    }
    const [first, firstClient] = [services[0], clients[0]];
    if (!first || !firstClient) throw new Error('no instance started');

    const setupStarted = performance.now();
    const council = largeCouncil(votersPerMeeting);
    // Each instance signs its own tokens: members sign in on the instance they vote through.
    const people: CouncilPeople[] = [];
    for (const client of clients) people.push(await signInCouncil(client, council));
    const sessions = await inPool(Array.from({ length: meetings }), 4, () =>
      openSession(firstClient, council, {
        people: people[0],
        concurrency: Math.ceil(maxSockets / 4),
      }),
    );
    for (const session of sessions)
      tellers.push(await nameTellers(firstClient, session, first.url));
    for (const session of sessions) {
      for (const [instance, client] of clients.entries()) {
        const on = { ...session, ...(people[instance] as CouncilPeople) };
        entrances.push({ client, session: on, door: await channel.open(client, on) });
      }
    }
    const setupMs = performance.now() - setupStarted;

    runs.push(
      ...(await Promise.all(
        sessions.map(async (session, m) => {
          const vote = await openSecretVote(firstClient, session);
          const mine = entrances.slice(m * instances, (m + 1) * instances);
          await Promise.all(
            mine.map(({ door }) => door.voteOpened?.(vote.voteId) ?? Promise.resolve()),
          );
          // Member i votes through instance i mod n, each instance's door preparing its own.
          const split = mine.map(({ session: on, door }, instance) => {
            const voters = on.members.filter((_, i) => i % instances === instance);
            return { door, drawn: drawBallots(voters, vote) };
          });
          const prepared = await Promise.all(
            split.map(({ door, drawn }) =>
              door.prepare ? door.prepare(drawn) : Promise.resolve<Ballot[]>(drawn),
            ),
          );
          return {
            session,
            vote,
            ballots: interleave(prepared),
            doors: interleave(split.map(({ door }, i) => (prepared[i] ?? []).map(() => door))),
          };
        }),
      )),
    );

    const watched = runs[0];
    if (instances > 1 && watched) {
      const { version } = await readMeeting(
        firstClient,
        watched.session.director,
        watched.session.meetingId,
      );
      window = { after: version, upTo: version };
      streams.push(
        ...(await Promise.all(
          services.map((service, instance) =>
            openStream(
              service.url,
              `/api/meetings/${watched.session.meetingId}/stream`,
              {
                ...(people[instance] as CouncilPeople).director.headers,
                'last-event-id': String(version),
              },
              ({ seq }) => {
                const seen = received.get(instance) ?? [];
                received.set(instance, seen);
                seen.push(seq);
              },
            ),
          ),
        )),
      );
    }

    const order = interleave(runs.map((run, m) => run.ballots.map((_, i) => ({ m, i }))));
    const cpuBefore = await cpuOf(services);
    const casting = await castAll(order, ({ m, i }) => {
      const run = runs[m] as MeetingRun;
      return (run.doors[i] as BallotDoor).cast(run.ballots[i] as Ballot);
    });
    const cpuAfter = await cpuOf(services);

    for (const [m, run] of runs.entries()) {
      const mine = order.flatMap((at, k) => (at.m === m ? [k] : []));
      const outcomes = mine.map((k) => casting.outcomes[k] ?? false);
      perMeeting.push({
        acknowledged: acknowledgedVoters(run.ballots, outcomes),
        latencies: mine.map((k) => casting.latencies[k] ?? 0),
        counted: false,
      });
    }
    await Promise.all(runs.map((run) => settled(firstClient, run.session, run.vote.voteId)));
    for (const [m, run] of runs.entries()) {
      const meeting = await readMeeting(firstClient, run.session.director, run.session.meetingId);
      const tally = meeting.votes[run.vote.voteId]?.result?.tally ?? {};
      const total = Object.values(tally).reduce((sum, n) => sum + n, 0);
      const figures = perMeeting[m];
      if (figures) figures.counted = total === figures.acknowledged.size;
      if (m === 0 && streams.length > 0) window = { ...window, upTo: meeting.version };
    }
    await everyStreamReached(received, streams.length, window.upTo);

    const acknowledged = casting.outcomes.filter(Boolean).length;
    const ballotsPerSec = acknowledged / (casting.elapsedMs / 1000);
    measured = {
      channel: channel.name,
      db: database.engine,
      instances,
      meetings,
      votersPerMeeting,
      ballotsPerSec: round(ballotsPerSec),
      p50Ms: round(quantile(casting.latencies, 0.5)),
      p99Ms: round(quantile(casting.latencies, 0.99)),
      unacknowledged: order.length - acknowledged,
      miscounted: perMeeting.filter((figures) => !figures.counted).length,
      serviceCpuMsPerBallot:
        cpuBefore === undefined || cpuAfter === undefined || acknowledged === 0
          ? null
          : round((cpuAfter - cpuBefore) / acknowledged, 2),
      setupMs: Math.round(setupMs),
    };
  } finally {
    for (const stream of streams) stream.close();
    for (const running of tellers) await running.stop();
    for (const { door } of entrances) await door.close();
    for (const client of clients) client.close();
    await Promise.all(services.map((service) => service.stop()));
  }

  const db = await database.open();
  try {
    const figures = await Promise.all(
      runs.map(async (run, m) => {
        const { acknowledged, latencies, counted } = perMeeting[m] as (typeof perMeeting)[number];
        const found = audit(
          acknowledged,
          await ballotRecord(db, run.session.meetingId, run.vote.voteId),
        );
        return {
          ballots: acknowledged.size,
          p50Ms: round(quantile(latencies, 0.5)),
          p99Ms: round(quantile(latencies, 0.99)),
          ...found,
          counted,
        };
      }),
    );
    const logged =
      streams.length === 0 || !runs[0]
        ? []
        : (
            await db.query(
              'SELECT seq FROM events WHERE meeting_id = $1 AND seq > $2 AND seq <= $3',
              [runs[0].session.meetingId, window.after, window.upTo],
            )
          ).map((row) => Number(row.seq));
    return {
      ...measured,
      perMeeting: figures,
      lost: figures.reduce((sum, f) => sum + f.lost, 0),
      duplicated: figures.reduce((sum, f) => sum + f.duplicated, 0),
      streams: streams.map((_, instance) =>
        streamFigures(instance, logged, received.get(instance) ?? []),
      ),
    };
  } finally {
    await db.close();
  }
}

/**
 * One from each list in turn, so that no meeting's ballots (and no instance's) queue in the client
 * ahead of another's.
 */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const longest = Math.max(0, ...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, i) =>
    lists.flatMap((list) => (i < list.length ? [list[i] as T] : [])),
  ).flat();
}

async function cpuOf(services: readonly ServiceProcess[]): Promise<number | undefined> {
  let total = 0;
  for (const service of services) {
    const used = await cpuTimeMs(service.pid);
    if (used === undefined) return undefined;
    total += used;
  }
  return total;
}

/** Waits (10 s at most) until every stream has received the event numbered `seq`. */
async function everyStreamReached(
  received: ReadonlyMap<number, readonly number[]>,
  streams: number,
  seq: number,
): Promise<void> {
  const deadline = performance.now() + 10_000;
  const reached = (instance: number) => (received.get(instance) ?? []).some((s) => s >= seq);
  while (performance.now() < deadline) {
    if (Array.from({ length: streams }, (_, i) => i).every(reached)) return;
    await sleep(20);
  }
}
