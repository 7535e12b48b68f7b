/**
 * A rules profile: the procedure of one region, as data. Each value says whether a published source
 * confirms it, or it is the usual reading of the statute that a council may override (RULES.md).
 */
export type RuleStatus = 'confirmed' | 'unconfirmed' | 'council';

export interface Rule<T> {
  readonly value: T;
  readonly status: RuleStatus;
  readonly source: string;
}

export const profileIds = ['wallonia', 'flanders', 'brussels', 'roberts'] as const;
export type ProfileId = (typeof profileIds)[number];

export const thresholds = ['1/2', '2/3', '3/4'] as const;
export type Threshold = (typeof thresholds)[number];
/** What a qualified majority is counted on (RULES.md thresholdBases). */
export const thresholdBases = ['votesCast', 'membersPresent', 'membersInOffice'] as const;
export type ThresholdBase = (typeof thresholdBases)[number];

/** What an agenda item is about, where the rules treat some subjects apart. */
export const subjects = [
  'general',
  'presentation',
  'appointment',
  'leave',
  'suspension',
  'discipline',
  'person',
  'hearing',
  'budget',
  'accounts',
  'minutesApproval',
] as const;
export type Subject = (typeof subjects)[number];

export interface AppointmentTieRule {
  /** Without an absolute majority, a second round between the two leading candidates. */
  readonly runoff: boolean;
  /** A tie in the deciding round: the older candidate, or nobody is appointed. */
  readonly tieBreak: 'older' | 'none';
}

/** Who holds the sealed ballot box's key together: `threshold` of the trustees open it (DESIGN.md). */
export interface SealedBoxRule {
  /** How many tellers (scrutateurs, stemopnemers) the chair names for the sitting. */
  readonly tellers: number;
  /** How many trustees it takes to count a secret vote: never one alone. */
  readonly threshold: number;
  /** Whether the general director is a trustee besides the tellers. */
  readonly director: boolean;
  /**
   * Whether the meeting service is one more trustee, last, for a council whose tellers cannot all
   * use the tab: its share is sealed by a key kept outside the database, and it is never enough alone.
   */
  readonly service: boolean;
}

/** How long before the sitting the convocation, with its agenda, must go out (RULES.md noticePeriod). */
export interface NoticePeriodRule {
  /** Days before the sitting; null where the statute sets none (the bylaws do). */
  readonly days: number | null;
  /** Clear days (jours francs): neither the day it is sent nor the day of the sitting counts. */
  readonly clear: boolean;
  /** The shorter period of a repeat convocation after a sitting without quorum; null: the same. */
  readonly repeatDays: number | null;
  /** Whether urgency allows a shorter notice. */
  readonly urgency: boolean;
}

/**
 * The linked publication of a sitting's documents (RULES.md, Flemish linked publication): how many
 * days before the sitting the agenda must be online and within how many days after it the decision
 * list; null where no statute sets a deadline. `subject`: the decision list also names each decision
 * of a closed session, briefly (its number, its title where the public agenda gave it, its outcome).
 */
export interface PublicationRule {
  readonly agendaDaysBefore: number | null;
  readonly decisionListDaysAfter: number | null;
  readonly closedDecisions: 'none' | 'subject';
}

export interface RulesProfile {
  readonly id: ProfileId;
  readonly quorumBase: Rule<'membersInOffice'>;
  /** From this convocation on, the council deliberates whatever the attendance; null: never. */
  readonly quorumWaiver: Rule<number | null>;
  readonly majorityBase: Rule<'votesCast'>;
  readonly abstentionsCount: Rule<boolean>;
  readonly tieRule: Rule<{
    readonly question: 'rejected';
    readonly appointment: AppointmentTieRule;
  }>;
  readonly thresholds: Rule<readonly Threshold[]>;
  /** What a qualified majority may be counted on: votes cast, members present, members in office. */
  readonly thresholdBases: Rule<readonly ThresholdBase[]>;
  readonly secretSubjects: Rule<readonly Subject[]>;
  /** Whether a secret ballot may be held on subjects outside secretSubjects. */
  readonly secretOtherwise: Rule<boolean>;
  readonly publicVoteOrder: Rule<{ readonly order: 'seat'; readonly chairVotesLast: boolean }>;
  readonly voteChangeUntilClose: Rule<boolean>;
  /** Whether the chair may suspend the sitting for a break and resume it. */
  readonly suspension: Rule<boolean>;
  readonly namedVoteInMinutes: Rule<'totalsAndNamesAgainstAndAbstaining' | 'everyMember'>;
  readonly remoteRestrictions: Rule<readonly Subject[]>;
  /** A member with a personal interest in an item takes no part in it; leaving the room or not. */
  readonly conflictOfInterest: Rule<{ readonly leavesRoom: boolean }>;
  readonly minutesSignedBy: Rule<readonly ('chair' | 'director')[]>;
  readonly closedSession: Rule<{
    readonly mandatory: readonly Subject[];
    readonly byTwoThirds: boolean;
    readonly never: readonly Subject[];
  }>;
  /** Whether an item off the agenda may be added as urgent, and by which majority of those present. */
  readonly urgency: Rule<{
    readonly allowed: boolean;
    readonly threshold: Threshold;
    readonly base: ThresholdBase;
  }>;
  readonly motionsNeedSecond: Rule<boolean>;
  /** Joining the Teams call makes a member present, as answering the roll call does. */
  readonly joiningCallIsPresence: Rule<boolean>;
  /** When quorum must hold: only when a vote opens, or also when it closes (the decision). */
  readonly quorumAt: Rule<'opening' | 'decision'>;
  /** Whether a ballot needs its member present, and whether one who left and returned may still cast it. */
  readonly presenceToCast: Rule<{ readonly present: boolean; readonly returningMayVote: boolean }>;
  readonly sealedBox: Rule<SealedBoxRule>;
  readonly noticePeriod: Rule<NoticePeriodRule>;
  readonly publication: Rule<PublicationRule>;
}

export type RuleName = Exclude<keyof RulesProfile, 'id'>;

type RuleValue<K extends RuleName> = RulesProfile[K]['value'];

/** What a council's house rules set differently from its region's profile. */
export type ProfileOverrides = { readonly [K in RuleName]?: RuleValue<K> };
