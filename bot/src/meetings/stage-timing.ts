import { channel } from 'node:diagnostics_channel';
import type { WireCommand } from '@council/shared';

/**
 * How long each stage of a command took in the service, published for the bench
 * (bench/lib/stages-probe.mjs) to set against the ballots it cast. A diagnostics channel costs
 * nothing while no one subscribes: nothing is measured into a message, nothing is published.
 */
export const STAGES_CHANNEL = 'council:command-stages';

/**
 * `check`: a ballot's proofs checked, or a card's choice sealed, in a worker; `wait`: from the
 * meeting's queue to its turn; `turn`: the turn that decided and committed it; `total`: from the
 * command's arrival in the service to its answer; `request`: through the API, from the HTTP
 * request's arrival to its answer sent, sign-in and parsing included.
 */
export const STAGES = ['check', 'wait', 'turn', 'total', 'request'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The command's type and nothing else of it: no voter, member, choice, ballot, meeting or command
 * id, so that no timing can link a secret choice to its voter.
 */
export interface StageTiming {
  readonly command: WireCommand['type'];
  readonly stage: Stage;
  /** Wall clock, ms. */
  readonly start: number;
  readonly ms: number;
}

const stages = channel(STAGES_CHANNEL);

/** Whether anyone listens: until then no stage is timed. */
export function stagesHeard(): boolean {
  return stages.hasSubscribers;
}

/** A stage that ran from `from` to `to` (performance.now()). */
export function stageTook(
  command: WireCommand['type'],
  stage: Stage,
  from: number,
  to = performance.now(),
): void {
  if (!stagesHeard()) return;
  const timing: StageTiming = {
    command,
    stage,
    start: performance.timeOrigin + from,
    ms: to - from,
  };
  stages.publish(timing);
}

/** `work`, timed as `stage` of `command`; while no one listens, `work` itself and nothing more. */
export function timedStage<R>(
  command: WireCommand['type'],
  stage: Stage,
  work: () => Promise<R>,
): Promise<R> {
  if (!stagesHeard()) return work();
  const from = performance.now();
  return work().finally(() => {
    stageTook(command, stage, from);
  });
}
