import { join } from 'node:path';
import type { Meeting } from '@council/shared';
import { loadSealed, type SealedBallot } from '@council/shared/sealed';
import { largeCouncil } from '../lib/council';
import { countTimes, type CountTimes } from '../lib/count-times';
import { pausesMet, readPauses, watchPauses, type PausesMet } from '../lib/gc-pauses';
import { readStages, stagesMet, type StagesMet } from '../lib/ballot-stages';
import { audit, ballotRecord, type BenchDatabase, type Engine } from '../lib/databases';
import { httpClient, type HttpClient } from '../lib/http';
import { cpuTimeMs, sleep, spawnService } from '../lib/processes';
import { openSecretVote, openSession, type Session } from '../lib/session';
import { quantile, round } from '../lib/stats';
import { nameTellers, sealingKey, type Tellers } from '../lib/tellers';
import { acknowledgedVoters, castAll, drawBallots, settled, type DrawnBallot } from '../lib/voting';

export interface Ballot extends DrawnBallot {
  /** Sealed by the voter's tab before the burst, where the channel can carry it. */
  readonly sealed?: SealedBallot;
}

/** What a ballot looks like on the wire, for the bare HTTP baseline to send the same. */
export interface BallotRequest {
  readonly path: string;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

/** The way in to one meeting in session, for as long as a burst lasts. */
export interface BallotDoor {
  /** Waits for what members need before they can vote (the vote's card in the chat). */
  voteOpened?(voteId: string): Promise<void>;
  /** What each voter's client does before voting: a tab seals its ballot. */
  prepare?(ballots: readonly Ballot[]): Promise<Ballot[]>;
  /** Casts one ballot; true when the service acknowledged it. */
  cast(ballot: Ballot): Promise<boolean>;
  request(ballot: Ballot): BallotRequest;
  close(): Promise<void>;
}

/**
 * A way for members to vote: the tab's API (below), or the bot's invoke path (bot-channel.ts);
 * `ballotBurst({ channel, ... })` measures each the same way.
 */
export interface BallotChannel {
  readonly name: 'api' | 'bot';
  /** Anything the channel needs once the meeting is in session (a linked chat, say). */
  open(client: HttpClient, session: Session): Promise<BallotDoor>;
}

/** Members vote in the tab: each ballot sealed and proved in their browser, before the burst. */
export const apiChannel: BallotChannel = {
  name: 'api',
  open(client, session) {
    const { meetingId } = session;
    const request = ({ voter, voteId, choice, sealed, commandId }: Ballot): BallotRequest => ({
      path: `/api/meetings/${meetingId}/commands`,
      body: {
        commandId,
        command: { type: 'CastBallot', voteId, ...(sealed ? { ballot: sealed } : { choice }) },
      },
      headers: voter.headers,
    });
    return Promise.resolve({
      async prepare(ballots) {
        const sealed = await loadSealed();
        const reply = await client.get(`/api/meetings/${meetingId}`, session.chair.headers);
        const { meeting } = reply.body as { meeting: Meeting };
        return ballots.map((ballot) => {
          const choices = meeting.votes[ballot.voteId]?.choices ?? [];
          const key = sealingKey(sealed, meeting, ballot.voteId);
          const context = { meetingId, voteId: ballot.voteId };
          const index = choices.indexOf(ballot.choice);
          return { ...ballot, sealed: sealed.encryptBallot(key, context, index, choices.length) };
        });
      },
      request,
      async cast(ballot) {
        const { path, body, headers } = request(ballot);
        const reply = await client.post(path, body, headers);
        return reply.status === 200;
      },
      close: () => Promise.resolve(),
    });
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
  /**
   * Tab ballots the service's proof checker takes a second with nothing else running (api channel
   * only: the card's choices are sealed by the service from ballots prepared ahead, not checked).
   */
  readonly baselineProofChecksPerSec: number | null;
  /** Against the least of the three limits: what a sealed tab ballot needs besides HTTP and a commit. */
  readonly ratioToSealedLimit: number | null;
  readonly lost: number;
  readonly duplicated: number;
  /** The same members vote again, spread evenly at this rate: latency when ballots do not queue. */
  readonly paced: {
    readonly ballotsPerSec: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    /** The garbage collection pauses the paced ballots met (absent from runs before 6 December). */
    readonly gc?: PausesMet;
    /** Its ballots' stages in the service (absent from runs before 6 December, when first timed). */
    readonly stages?: StagesMet;
  };
  /**
   * With every ballot sent at once and answered in turn, the 99th percentile can be no shorter
   * than 99% of the ballots divided by the throughput: the queue alone accounts for this much.
   */
  readonly p99FloorMs: number;
  /** CPU time the service spent per ballot during the burst (Linux only). */
  readonly serviceCpuMsPerBallot: number | null;
  /** Ballots the service did not acknowledge (refused or failed); 0 in a healthy run. */
  readonly unacknowledged: number;
  /** Creating, convening, opening and checking everyone in, and the tellers' key ceremony. */
  readonly setupMs: number;
  /** The burst's vote: its ballots added up after the close, and its totals after the last share. */
  readonly count: {
    readonly aggregatedAfterCloseMs: number;
    readonly totalsAfterLastShareMs: number;
  };
}

export interface BurstOptions {
  readonly channel: BallotChannel;
  readonly voters: number;
  readonly database: BenchDatabase;
  readonly workDir: string;
  /** Measured in the same run: see baselines.ts. */
  readonly baselines: (
    ballot: BallotRequest,
    choices: number,
  ) => Promise<{ httpRps: number; dbCommitsPerSec: number; proofChecksPerSec?: number }>;
  readonly maxSockets?: number;
  /** Node flags for the service (`--cpu-prof`, say). */
  readonly nodeFlags?: readonly string[];
}

/**
 * One secret vote with `voters` members entitled, every ballot sent at once, then a second one with
 * the ballots spread over a few seconds; with the service stopped, the database then says whether
 * each acknowledged ballot of both is there exactly once.
 */
export async function ballotBurst(options: BurstOptions): Promise<BurstResult> {
  const { channel, voters, database } = options;
  const maxSockets = options.maxSockets ?? 256;
  const gcFile = join(
    options.workDir,
    `gc-burst-${channel.name}-${voters}-${database.engine}.jsonl`,
  );
  const stagesFile = join(
    options.workDir,
    `stages-burst-${channel.name}-${voters}-${database.engine}.jsonl`,
  );
  const service = await spawnService({
    env: {
      ...database.env,
      MAX_BODY_BYTES: '50000000',
      BENCH_GC_FILE: gcFile,
      BENCH_STAGES_FILE: stagesFile,
      // The service's own setting, to measure it: PROOF_WORKERS=1 npm run bench.
      ...(process.env.PROOF_WORKERS ? { PROOF_WORKERS: process.env.PROOF_WORKERS } : {}),
    },
    logFile: join(options.workDir, `service-burst-${channel.name}-${voters}.log`),
    preload: ['./bench/lib/gc-probe.mjs', './bench/lib/stages-probe.mjs'],
    ...(options.nodeFlags ? { nodeFlags: options.nodeFlags } : {}),
  });
  const client = httpClient(service.url, maxSockets);
  let measured: Omit<
    BurstResult,
    | 'lost'
    | 'duplicated'
    | 'baselineHttpRps'
    | 'baselineDbCommitsPerSec'
    | 'ratioToLimit'
    | 'baselineProofChecksPerSec'
    | 'ratioToSealedLimit'
    | 'count'
  >;
  let meetingId: string;
  const votes: { voteId: string; acknowledged: Set<string> }[] = [];
  let sample: BallotRequest | undefined;
  let choices = 0;
  let door: BallotDoor | undefined;
  let tellers: Tellers | undefined;
  try {
    const setupStarted = performance.now();
    // Check-ins as many at once as the client holds sockets: every voter's connection is open, as
    // it is in a meeting where each tab has called the service before the vote.
    const session = await openSession(client, largeCouncil(voters), { concurrency: maxSockets });
    meetingId = session.meetingId;
    tellers = await nameTellers(client, session, service.url);
    const way = await channel.open(client, session);
    door = way;
    const setupMs = performance.now() - setupStarted;

    let cpuMs: number | undefined;
    const vote = async (pacePerSec?: number) => {
      const opened = await openSecretVote(client, session);
      await way.voteOpened?.(opened.voteId);
      const drawn = drawBallots(session.members, opened);
      choices = opened.choices.length;
      const ballots = way.prepare ? await way.prepare(drawn) : drawn;
      sample ??= way.request(ballots[0] as Ballot);
      const cpuBefore = await cpuTimeMs(service.pid);
      const casting = await castAll(ballots, (ballot) => way.cast(ballot), pacePerSec);
      const cast = { ...casting, acknowledged: acknowledgedVoters(ballots, casting.outcomes) };
      const cpuAfter = await cpuTimeMs(service.pid);
      if (pacePerSec === undefined && cpuBefore !== undefined && cpuAfter !== undefined) {
        cpuMs = cpuAfter - cpuBefore;
      }
      votes.push({ voteId: opened.voteId, acknowledged: cast.acknowledged });
      await settled(client, session, opened.voteId);
      return cast;
    };
    const burst = await vote();
    const pacePerSec = Math.min(voters / 10, 500);
    // The stages probe listens from now on (bench/lib/stages-probe.mjs).
    process.kill(service.pid, 'SIGUSR2');
    await sleep(50);
    const clientPauses = watchPauses();
    const paced = await vote(pacePerSec);
    const pauses = [...(await readPauses(gcFile)), ...clientPauses.stop()];
    // The stages probe writes what it heard at most 100 ms later.
    await sleep(200);
    const stages = await readStages(stagesFile);
    const ballotsPerSec = burst.acknowledged.size / (burst.elapsedMs / 1000);
    measured = {
      voters,
      channel: channel.name,
      db: database.engine,
      ballotsPerSec: round(ballotsPerSec),
      p50Ms: round(quantile(burst.latencies, 0.5)),
      p99Ms: round(quantile(burst.latencies, 0.99)),
      p99FloorMs: round((0.99 * voters * 1000) / ballotsPerSec),
      serviceCpuMsPerBallot:
        cpuMs === undefined || burst.acknowledged.size === 0
          ? null
          : round(cpuMs / burst.acknowledged.size, 2),
      paced: {
        ballotsPerSec: round(pacePerSec),
        p50Ms: round(quantile(paced.latencies, 0.5)),
        p99Ms: round(quantile(paced.latencies, 0.99)),
        gc: pausesMet(paced, pauses),
        stages: stagesMet(paced, stages),
      },
      unacknowledged: 2 * voters - burst.acknowledged.size - paced.acknowledged.size,
      setupMs: Math.round(setupMs),
    };
  } finally {
    await tellers?.stop();
    await door?.close();
    client.close();
    await service.stop();
  }

  const db = await database.open();
  let lost = 0;
  let duplicated = 0;
  let times: CountTimes;
  try {
    for (const { voteId, acknowledged } of votes) {
      const found = audit(acknowledged, await ballotRecord(db, meetingId, voteId));
      lost += found.lost;
      duplicated += found.duplicated;
    }
    times = await countTimes(db, meetingId, votes[0]?.voteId ?? '');
  } finally {
    await db.close();
  }
  if (!sample) throw new Error('no ballot was cast');
  const limits = await options.baselines(sample, choices);
  const limit = Math.min(limits.httpRps, limits.dbCommitsPerSec);
  return {
    ...measured,
    baselineHttpRps: round(limits.httpRps),
    baselineDbCommitsPerSec: round(limits.dbCommitsPerSec),
    ratioToLimit: round(measured.ballotsPerSec / limit, 2),
    baselineProofChecksPerSec:
      limits.proofChecksPerSec === undefined ? null : round(limits.proofChecksPerSec),
    ratioToSealedLimit:
      limits.proofChecksPerSec === undefined
        ? null
        : round(measured.ballotsPerSec / Math.min(limit, limits.proofChecksPerSec), 2),
    lost,
    duplicated,
    count: {
      aggregatedAfterCloseMs: times.aggregatedMs,
      totalsAfterLastShareMs: times.countedMs,
    },
  };
}
