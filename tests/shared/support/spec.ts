import {
  decide,
  fold,
  type Command,
  type Decision,
  type ErrorCode,
  type Event,
  type MeetingState,
  type WireCommand,
} from '../../../shared/src';
import { nextTime } from './council';
import { afterTurn, sealedCast } from './tellers';

let ids = 0;

/** Fields an event must have; nested objects are matched field by field too. */
type Expected = { readonly type?: Event['type'] } & Record<string, unknown>;

/** A command as the service would complete it: who, when, and a fresh id. */
export function command(by: string, wire: WireCommand, newId = `id-${++ids}`): Command {
  return { ...wire, by, at: nextTime(), newId };
}

interface Outcome {
  /** The events decided, matched field by field against the expected ones. */
  then(...expected: Expected[]): Event[];
  thenRefuses(code: ErrorCode): void;
  readonly decision: Decision;
  /** The events decided; throws if the command was refused. */
  readonly events: Event[];
  /** The state after the decided events. */
  readonly after: MeetingState;
}

/**
 * Given a history, when a command arrives (a secret choice sealed first, as the service does),
 * then these events (or this refusal).
 */
export function given(...history: Event[]) {
  const state = fold(history);
  return {
    state,
    when(cmd: Command): Outcome {
      const decision = decide(state, sealedCast(state, cmd));
      return {
        decision,
        get events() {
          if (!decision.ok) throw new Error(`refused with ${decision.error.code}`);
          return [...decision.events];
        },
        get after() {
          return decision.ok ? fold(decision.events, state) : state;
        },
        then(...expected) {
          if (!decision.ok) throw new Error(`refused with ${decision.error.code}`);
          expect(decision.events).toMatchObject(expected);
          return [...decision.events];
        },
        thenRefuses(code) {
          expect(decision.ok ? 'accepted' : decision.error.code).toBe(code);
        },
      };
    },
  };
}

/**
 * Runs commands one after another as the service would (a secret choice sealed first, a closed
 * sealed vote added up and its trustees' shares given), failing on the first refusal; returns the
 * whole history.
 */
export function play(history: Event[], ...commands: Command[]): Event[] {
  const log = [...history];
  for (const cmd of commands) {
    const state = fold(log);
    const decision = decide(state, sealedCast(state, cmd));
    if (!decision.ok) throw new Error(`${cmd.type} by ${cmd.by} refused: ${decision.error.code}`);
    log.push(...decision.events);
    log.push(...afterTurn(fold(decision.events, state), command));
  }
  return log;
}
