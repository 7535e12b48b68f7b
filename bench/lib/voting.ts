import { randomUUID } from 'node:crypto';
import type { HttpClient } from './http';
import { sleep } from './processes';
import { quantile } from './stats';
import { command, must, readMeeting, type OpenVote, type Person, type Session } from './session';

/** One member's ballot in one open vote, before their client sends it. */
export interface DrawnBallot {
  readonly voter: Person;
  readonly voteId: string;
  readonly choice: string;
  /** The same id on a retry, so that the service answers it as the first time. */
  readonly commandId: string;
}

/** Each voter's choice, drawn at random among the vote's choices. */
export function drawBallots(voters: readonly Person[], vote: OpenVote): DrawnBallot[] {
  return voters.map((voter) => ({
    voter,
    voteId: vote.voteId,
    choice: vote.choices[Math.floor(Math.random() * vote.choices.length)] as string,
    commandId: randomUUID(),
  }));
}

export interface Casting {
  /** Whether the service acknowledged each ballot, in the ballots' order. */
  readonly outcomes: readonly boolean[];
  /** Each ballot's time from being cast to its answer, in the ballots' order. */
  readonly latencies: readonly number[];
  /** When each ballot was cast, on the wall clock in ms (to set against the service's pauses). */
  readonly sentAt: readonly number[];
  /** From the first ballot cast to the last answer. */
  readonly elapsedMs: number;
}

/** A ballot from its cast to its answer, on the wall clock in ms. */
export interface Flight {
  readonly from: number;
  readonly to: number;
  readonly latency: number;
}

export function flightsOf(casting: Casting): Flight[] {
  return casting.sentAt.map((sent, i) => ({
    from: sent,
    to: sent + (casting.latencies[i] ?? 0),
    latency: casting.latencies[i] ?? 0,
  }));
}

/** From the first ballot cast to the last answer. */
export function spanOf(flights: readonly Flight[]): { from: number; to: number } {
  return {
    from: Math.min(...flights.map((f) => f.from)),
    to: Math.max(...flights.map((f) => f.to)),
  };
}

/** The slowest ballots: latency at or over the p99. */
export function slowestOf(flights: readonly Flight[]): Flight[] {
  const p99 = quantile(
    flights.map((f) => f.latency),
    0.99,
  );
  return flights.filter((f) => f.latency >= p99);
}

/**
 * Casts every ballot, all at once or `pacePerSec` a second (as members click over a few seconds);
 * each ballot's latency runs from the moment it is cast to its answer.
 */
export async function castAll<T>(
  ballots: readonly T[],
  cast: (ballot: T) => Promise<boolean>,
  pacePerSec?: number,
): Promise<Casting> {
  const latencies: number[] = new Array<number>(ballots.length);
  const sentAt: number[] = new Array<number>(ballots.length);
  const started = performance.now();
  let lastAnswer = started;
  const outcomes = await Promise.all(
    ballots.map(async (ballot, index) => {
      if (pacePerSec) await sleep(started + (index * 1000) / pacePerSec - performance.now());
      const sent = performance.now();
      sentAt[index] = performance.timeOrigin + sent;
      const ok = await cast(ballot).catch(() => false);
      lastAnswer = performance.now();
      latencies[index] = lastAnswer - sent;
      return ok;
    }),
  );
  return { outcomes, latencies, sentAt, elapsedMs: lastAnswer - started };
}

/** The members whose ballots the service acknowledged. */
export function acknowledgedVoters(
  ballots: readonly { readonly voter: Person }[],
  outcomes: readonly boolean[],
): Set<string> {
  return new Set(ballots.filter((_, i) => outcomes[i]).map((ballot) => ballot.voter.id));
}

/** Waits until the vote is counted, closing it first if some ballots never arrived. */
export async function settled(client: HttpClient, session: Session, voteId: string): Promise<void> {
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
