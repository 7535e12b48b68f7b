import type { ProfileId, RuleName, RuleStatus, Threshold, ThresholdBase } from '../profiles';

export const questionChoices = ['yes', 'no', 'abstain'] as const;
/** In an election, a blank ballot; in a question, an abstention. */
export const ABSTAIN = 'abstain';

export type Tally = Readonly<Record<string, number>>;

export type Outcome =
  | { readonly kind: 'adopted' }
  | { readonly kind: 'rejected'; readonly tie: boolean }
  | { readonly kind: 'elected'; readonly candidateId: string; readonly byAge: boolean }
  | { readonly kind: 'runoff'; readonly candidateIds: readonly [string, string] }
  | { readonly kind: 'noneElected'; readonly tie: boolean }
  /** Closed without quorum: nothing is decided (CDLD L1122-17). */
  | {
      readonly kind: 'void';
      readonly reason: 'quorumLost';
      readonly present: number;
      readonly needed: number;
    }
  /** The sealed box cannot be opened: `lost` of the `trustees` lost their share, `threshold` needed. */
  | {
      readonly kind: 'void';
      readonly reason: 'keyLost';
      readonly lost: number;
      readonly trustees: number;
      readonly threshold: number;
    };

/** The rules that decided a result, so the minutes can say which rule was applied. */
export interface AppliedRule {
  readonly profile: ProfileId;
  readonly threshold: Threshold;
  readonly abstentionsCount: boolean;
  readonly basis: readonly {
    readonly rule: RuleName;
    readonly status: RuleStatus;
    readonly source: string;
  }[];
}

export interface VoteResult {
  readonly outcome: Outcome;
  readonly tally: Tally;
  readonly participation: number;
  /** The ballots that count toward the majority: blank ballots and abstentions left out unless the rules count them. */
  readonly votesCast: number;
  /** The fewest votes that carry the question or elect a candidate outright. */
  readonly needed: number;
  /** What the majority was counted on, and that number (votes cast, members present or in office). */
  readonly base: ThresholdBase;
  readonly baseCount: number;
  readonly rule: AppliedRule;
  /** A sealed vote's: SHA-256 (hex) of the tally record `verify-tally` checks. */
  readonly evidence?: string;
}

/** A result as logged: counts written before majorities had a base lack it (they were of votes cast). */
export type RecordedResult = Omit<VoteResult, 'base' | 'baseCount'> &
  Partial<Pick<VoteResult, 'base' | 'baseCount'>>;

export function resultWithBase(recorded: RecordedResult): VoteResult {
  return { base: 'votesCast', baseCount: recorded.votesCast, ...recorded };
}
