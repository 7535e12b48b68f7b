import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { largeCouncil } from '../lib/council';
import { audit, ballotRecord, type BenchDatabase, type Engine } from '../lib/databases';
import { httpClient, type HttpClient } from '../lib/http';
import { spawnService } from '../lib/processes';
import {
  command,
  must,
  openSecretVote,
  openSession,
  readMeeting,
  type Person,
  type Session,
} from '../lib/session';
import { quantile, round } from '../lib/stats';
import { sleep } from '../lib/processes';

export interface Ballot {
  readonly voter: Person;
  readonly voteId: string;
  readonly choice: string;
  /** The same id on a retry, so that the service answers it as the first time. */
  readonly commandId: string;
}

/**
 * A way for members to vote: the tab's API, or the bot's invoke path (an Adaptive Card's
 * Action.Execute on /api/messages). A channel for the bot is an object like `apiChannel` whose
 * `cast` posts the card action; `ballotBurst({ channel, ... })` then measures it the same way.
 */
export interface BallotChannel {
  readonly name: 'api' | 'bot';
  /** Anything the channel needs once the meeting is in session (a linked conversation, say). */
  prepare?(client: HttpClient, session: Session): Promise<void>;
  /** Casts one ballot; true when the service acknowledged it. */
  cast(client: HttpClient, meetingId: string, ballot: Ballot): Promise<boolean>;
}

export const apiChannel: BallotChannel = {
  name: 'api',
  async cast(client, meetingId, { voter, voteId, choice, commandId }) {
    const reply = await command(
      client,
      voter,
      meetingId,
      { type: 'CastBallot', voteId, choice },
      commandId,
    );
    return reply.status === 200;
  },
};

export interface BurstResult {
  readonly voters: number;
  readonly channel: BallotChannel['name'];
  readonly db: Engine;
  readonly ballotsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly baselineHttpRps: number;
  readonly baselineDbCommitsPerSec: number;
  readonly ratioToLimit: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Ballots the service did not acknowledge (refused or failed); 0 in a healthy run. */
  readonly unacknowledged: number;
  /** Creating, convening, opening and checking everyone in, before the burst. */
  readonly setupMs: number;
}

export interface BurstOptions {
  readonly channel: BallotChannel;
  readonly voters: number;
  readonly database: BenchDatabase;
  readonly workDir: string;
  /** Measured in the same run: see baselines.ts. */
  readonly baselines: (ballot: {
    body: unknown;
    headers: Record<string, string>;
  }) => Promise<{ httpRps: number; dbCommitsPerSec: number }>;
  readonly maxSockets?: number;
}

/**
 * One secret vote with `voters` members entitled, every ballot sent at once; then, with the service
 * stopped, the database says whether each acknowledged ballot is there exactly once.
 */
export async function ballotBurst(options: BurstOptions): Promise<BurstResult> {
  const { channel, voters, database } = options;
  const maxSockets = options.maxSockets ?? 256;
  const service = await spawnService({
    env: { ...database.env, MAX_BODY_BYTES: '50000000' },
    logFile: join(options.workDir, `service-burst-${channel.name}-${voters}.log`),
  });
  const client = httpClient(service.url, maxSockets);
  let acknowledged = new Set<string>();
  let measured: Omit<
    BurstResult,
    'lost' | 'duplicated' | 'baselineHttpRps' | 'baselineDbCommitsPerSec' | 'ratioToLimit'
  >;
  let meetingId = '';
  let voteId = '';
  let sample: Ballot | undefined;
  try {
    const setupStarted = performance.now();
    // Check-ins as many at once as the client holds sockets: every voter's connection is open, as
    // it is in a meeting where each tab has called the service before the vote.
    const session = await openSession(client, largeCouncil(voters), { concurrency: maxSockets });
    meetingId = session.meetingId;
    await channel.prepare?.(client, session);
    const vote = await openSecretVote(client, session);
    voteId = vote.voteId;
    const setupMs = performance.now() - setupStarted;

    const ballots = session.members.map((voter) => ({
      voter,
      voteId,
      choice: vote.choices[Math.floor(Math.random() * vote.choices.length)] as string,
      commandId: randomUUID(),
    }));
    sample = ballots[0];
    const latencies: number[] = [];
    const started = performance.now();
    let lastAnswer = started;
    const outcomes = await Promise.all(
      ballots.map(async (ballot) => {
        const sent = performance.now();
        const ok = await channel.cast(client, meetingId, ballot).catch(() => false);
        lastAnswer = performance.now();
        latencies.push(lastAnswer - sent);
        return ok;
      }),
    );
    acknowledged = new Set(ballots.filter((_, i) => outcomes[i]).map((b) => b.voter.id));
    await settled(client, session, voteId);
    measured = {
      voters,
      channel: channel.name,
      db: database.engine,
      ballotsPerSec: round(acknowledged.size / ((lastAnswer - started) / 1000)),
      p50Ms: round(quantile(latencies, 0.5)),
      p99Ms: round(quantile(latencies, 0.99)),
      unacknowledged: ballots.length - acknowledged.size,
      setupMs: Math.round(setupMs),
    };
  } finally {
    client.close();
    await service.stop();
  }

  const db = await database.open();
  const { lost, duplicated } = await ballotRecord(db, meetingId, voteId)
    .then((record) => audit(acknowledged, record))
    .finally(() => db.close());
  const limits = await options.baselines({
    body: {
      commandId: randomUUID(),
      command: { type: 'CastBallot', voteId, choice: sample?.choice },
    },
    headers: sample?.voter.headers ?? {},
  });
  return {
    ...measured,
    baselineHttpRps: round(limits.httpRps),
    baselineDbCommitsPerSec: round(limits.dbCommitsPerSec),
    ratioToLimit: round(
      measured.ballotsPerSec / Math.min(limits.httpRps, limits.dbCommitsPerSec),
      2,
    ),
    lost,
    duplicated,
  };
}

/** Waits until the vote is counted, closing it first if some ballots never arrived. */
async function settled(client: HttpClient, session: Session, voteId: string): Promise<void> {
  const deadline = performance.now() + 120_000;
  let closing = false;
  while (performance.now() < deadline) {
    const meeting = await readMeeting(client, session.director, session.meetingId);
    const status = meeting.votes[voteId]?.status;
    if (status === 'counted' || status === 'published') return;
    if (status === 'open' && !closing) {
      const all = meeting.votes[voteId]?.participants.length === session.members.length;
      if (!all) {
        closing = true;
        await must(
          command(client, session.chair, session.meetingId, { type: 'CloseVote', voteId }),
          'close the vote',
        );
      }
    }
    await sleep(50);
  }
  throw new Error('the vote was not counted within two minutes');
}
