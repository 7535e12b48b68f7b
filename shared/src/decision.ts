import type { CommandContext } from './commands';
import type { DomainError, ErrorCode } from './errors';
import type { Event } from './events';
import type { SealedBallot } from './sealed/types';

/**
 * A secret ballot leaves `decide` here, apart from the events, for the ballot box only: sealed, so
 * the box stores it beside the participation register without linking member and choice.
 */
export interface SecretBallot {
  readonly voteId: string;
  readonly member: string;
  readonly ballot: SealedBallot;
}

export type Decision =
  | { readonly ok: true; readonly events: readonly Event[]; readonly secretBallot?: SecretBallot }
  | { readonly ok: false; readonly error: DomainError };

export function accept(...events: Event[]): Decision {
  return { ok: true, events };
}

export function refuse(code: ErrorCode, params?: DomainError['params']): Decision {
  return params ? { ok: false, error: { code, params } } : { ok: false, error: { code } };
}

export function stamp(command: CommandContext): { at: string; by: string } {
  return { at: command.at, by: command.by };
}
