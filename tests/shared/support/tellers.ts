import {
  decide,
  fold,
  sealingCeremony,
  type Command,
  type Event,
  type Meeting,
  type MeetingState,
  type WireCommand,
} from '../../../shared/src';
import type { Aggregate, PartialDecryption, SealedBallot } from '../../../shared/src/sealed/types';

/**
 * The sealed box as the domain sees it, without its crypto: the domain checks shapes and order, the
 * service checks proofs, so these placeholders stand for points, ballots, sums and shares.
 */
export const point = (n: number): string => `P${String(n).padStart(42, '0')}`;
const hash = (n: number): string => n.toString(16).padStart(64, '0');

export function placeholderBallot(choices: number): SealedBallot {
  const scalar = point(0);
  return {
    choices: Array.from({ length: choices }, (_, i) => ({
      ciphertext: { a: point(i + 1), b: point(i + 2) },
      proof: { c0: scalar, c1: scalar, z0: scalar, z1: scalar },
    })),
    sum: { c: scalar, z: scalar },
  };
}

export function placeholderAggregate(choices: number, ballots: number): Aggregate {
  return {
    ciphertexts: Array.from({ length: choices }, (_, i) => ({ a: point(i), b: point(i + 1) })),
    ballots,
    board: hash(ballots),
  };
}

export function placeholderPartial(choices: number): PartialDecryption {
  return {
    shares: Array.from({ length: choices }, (_, i) => ({
      d: point(i),
      proof: { c: point(0), z: point(0) },
    })),
  };
}

type Clock = (by: string, wire: WireCommand) => Command;

/** Decides `wire` as `by` on `state`, failing on a refusal; returns the state after and the events. */
function step(state: MeetingState, clock: Clock, by: string, wire: WireCommand) {
  const decision = decide(state, clock(by, wire));
  if (!decision.ok) throw new Error(`${wire.type} by ${by} refused: ${decision.error.code}`);
  return { state: fold(decision.events, state), events: [...decision.events] };
}

/** The chair names `tellers`, and every trustee commits, deals and confirms: the box is ready. */
export function readyCeremony(history: readonly Event[], tellers: readonly string[], clock: Clock) {
  let state = fold(history);
  const log: Event[] = [];
  const run = (by: string, wire: WireCommand) => {
    const next = step(state, clock, by, wire);
    state = next.state;
    log.push(...next.events);
  };
  const chair = (state as Meeting).setup.roster.find((m) => m.role === 'chair')?.id ?? 'chair';
  run(chair, { type: 'NameTellers', tellers: [...tellers] });
  const ceremony = (state as Meeting).tellers?.at(-1);
  if (!ceremony) throw new Error('no ceremony');
  const trustees = ceremony.trustees.map((t) => t.member);
  for (const [i, trustee] of trustees.entries()) {
    const commitments = Array.from({ length: ceremony.threshold }, (_, l) => point(10 * i + l));
    run(trustee, { type: 'CommitTrusteeKey', boxKey: point(100 + i), commitments });
  }
  for (const trustee of trustees) {
    const others = trustees.filter((t) => t !== trustee);
    run(trustee, {
      type: 'DealTrusteeShares',
      shares: Object.fromEntries(others.map((o) => [o, `${point(0)}${trustee}to${o}`])),
    });
  }
  for (const trustee of trustees) run(trustee, { type: 'ConfirmTrusteeShares' });
  return log;
}

/**
 * What the service does after each turn: a closed sealed vote is added up, and here the first
 * trustees of its ceremony give their shares at once, as many as the count needs.
 */
export function afterTurn(state: MeetingState, clock: Clock): Event[] {
  if (state.status === 'none') return [];
  const log: Event[] = [];
  let current: MeetingState = state;
  for (const vote of Object.values(state.votes)) {
    const sealed = vote.sealed;
    if (vote.status !== 'closed' || !sealed || Object.keys(sealed.decrypted).length > 0) continue;
    const run = (by: string, wire: WireCommand) => {
      const next = step(current, clock, by, wire);
      current = next.state;
      log.push(...next.events);
    };
    if (!sealed.aggregate) {
      const aggregate = placeholderAggregate(vote.choices.length, vote.participants.length);
      run('system', { type: 'AggregateBallots', voteId: vote.id, aggregate });
    }
    // A trustee who declared their share lost gives none; without k others the vote waits (or is void).
    const ceremony = sealingCeremony(current, vote);
    if (!ceremony) continue;
    const able = ceremony.trustees.filter((t) => !ceremony.lost?.includes(t.member));
    if (able.length < ceremony.threshold) continue;
    for (const trustee of able.slice(0, ceremony.threshold)) {
      const partial = placeholderPartial(vote.choices.length);
      run(trustee.member, { type: 'DecryptTally', voteId: vote.id, partial });
    }
  }
  return log;
}

/**
 * A member's secret choice as the service receives it from a card: sealed before the domain sees
 * it, the choice kept by the caller's ballot box. Other commands pass as they are.
 */
export function sealedCast(state: MeetingState, cmd: Command): Command {
  if (cmd.type !== 'CastBallot' || cmd.choice === undefined || state.status === 'none') return cmd;
  const vote = state.votes[cmd.voteId];
  if (!vote?.secret || !vote.choices.includes(cmd.choice)) return cmd;
  const { choice: _choice, ...rest } = cmd;
  return { ...rest, ballot: placeholderBallot(vote.choices.length) };
}
