import type { ItemId } from './agenda';
import type { AgendaProgress } from './agenda/progress';
import type { Procedure } from './agenda/procedure';
import type { MeetingSetup } from './commands';
import type { Convocation } from './convocation/types';
import type { QuorumReport, QuorumShortfall } from './events';
import type { RulesProfile, Threshold, ThresholdBase } from './profiles';
import type { Publication } from './publication/register';
import type { MemberId } from './roster';
import type { VoteResult } from './votes/result';
import type {
  Aggregate,
  DealtShares,
  PartialDecryption,
  Trustee,
  TrusteeCommitment,
} from './sealed/types';

/** A member's declared interest in an item, and their leaving the room for it where they must. */
export interface Conflict {
  readonly member: MemberId;
  readonly declaredBy: MemberId;
  readonly at: string;
  readonly leftAt: string | null;
  readonly returnedAt: string | null;
}

export type FloorKind = 'contribution' | 'pointOfOrder' | 'reply';

export interface FloorRequest {
  readonly id: string;
  readonly member: MemberId;
  readonly kind: FloorKind;
  readonly at: string;
}

export interface Speech {
  readonly member: MemberId;
  readonly kind: FloorKind;
  readonly startedAt: string;
}

export interface EndedSpeech extends Speech {
  readonly endedAt: string;
  readonly durationMs: number;
}

export type SpeakingQueue =
  | {
      readonly status: 'idle';
      readonly requests: readonly FloorRequest[];
      readonly speeches: readonly EndedSpeech[];
    }
  | {
      readonly status: 'speaking';
      readonly requests: readonly FloorRequest[];
      readonly speeches: readonly EndedSpeech[];
      readonly current: Speech;
    };

export interface Attendance {
  readonly status: 'absent' | 'present' | 'excused';
  readonly since: string | null;
}

export type RollCall =
  | { readonly status: 'closed' }
  | {
      readonly status: 'open';
      readonly id: string;
      readonly openedAt: string;
      readonly answered: readonly MemberId[];
    };

/** A roll call as the chair closed it: who was present, absent and excused then, and the quorum. */
export interface RollCallSummary {
  readonly present: readonly MemberId[];
  readonly absent: readonly MemberId[];
  readonly excused: readonly MemberId[];
  readonly quorum: QuorumReport;
}

export type MotionStatus =
  'proposed' | 'seconded' | 'withdrawn' | 'voting' | 'adopted' | 'rejected';

export interface Motion {
  readonly id: string;
  readonly itemId: ItemId;
  readonly member: MemberId;
  readonly text: string;
  /** An amendment names the motion it amends; it is voted before that motion. */
  readonly amends: string | null;
  /** The article of the item's deliberation an amendment replaces. */
  readonly article?: number;
  readonly status: MotionStatus;
  readonly secondedBy: MemberId | null;
}

/** A document of an agenda item: a link to the file in the council's SharePoint or OneDrive. */
export interface ItemDocument {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

export type CeremonyStatus = 'committing' | 'dealing' | 'confirming' | 'ready' | 'failed';

/** One key ceremony of the sitting's trustees: the director (where the rules say) and the tellers. */
export interface TellersCeremony {
  readonly ceremony: number;
  /** In the order of their indices, 1..n. */
  readonly trustees: readonly Trustee[];
  readonly threshold: number;
  readonly committed: Readonly<Record<MemberId, TrusteeCommitment>>;
  readonly dealt: Readonly<Record<MemberId, DealtShares>>;
  readonly ready: readonly MemberId[];
  /** Who found a share that did not match its dealer's commitments, and against whom. */
  readonly disputed: readonly { readonly trustee: MemberId; readonly against: MemberId }[];
  /** Trustees who declared their share lost (absent in older logs); too many fail the ceremony. */
  readonly lost?: readonly MemberId[];
  readonly status: CeremonyStatus;
}

/**
 * A secret vote's sealed box: whose key sealed it, its sum once closed, the trustees' shares of the
 * count. Its trustees and threshold are that ceremony's (tellers/sealing-ceremony.ts).
 */
export interface SealedCount {
  readonly ceremony: number;
  readonly aggregate: Aggregate | null;
  readonly decrypted: Readonly<Record<MemberId, PartialDecryption>>;
  /** SHA-256 (hex) of the tally record, once counted. */
  readonly evidence: string | null;
}

export type VoteStatus = 'open' | 'closed' | 'counted' | 'published';

export interface Vote {
  readonly id: string;
  readonly itemId: ItemId;
  readonly motionId: string | null;
  readonly runoffOf: string | null;
  readonly kind: 'question' | 'election';
  readonly secret: boolean;
  readonly choices: readonly string[];
  readonly threshold: Threshold;
  readonly base: ThresholdBase;
  /** Members entitled and present when the vote opened, in the order they answer. */
  readonly eligible: readonly MemberId[];
  /** Who took part: for a secret vote, the participation register, never the choices. */
  readonly participants: readonly MemberId[];
  /** Each member's choice, in named votes only. */
  readonly ballots: Readonly<Record<MemberId, string>>;
  readonly status: VoteStatus;
  readonly openedAt: string;
  readonly closedAt: string | null;
  /** Entitled members who checked out while the vote was open. */
  readonly departed: readonly MemberId[];
  /** The vote closed while quorum was lost: it is void. */
  readonly quorumLost: QuorumShortfall | null;
  /** Members in office present when it closed (null: open, or closed before this was recorded). */
  readonly presentAtClose: number | null;
  readonly result: VoteResult | null;
  /** A vote on the order of business (closed session, urgency); absent for a vote on the item. */
  readonly procedure?: Procedure;
  /** A secret vote held in the sealed box; absent from named votes and from older logs. */
  readonly sealed?: SealedCount;
}

export type MeetingStatus = 'draft' | 'convened' | 'open' | 'closed';

export interface Meeting {
  readonly status: MeetingStatus;
  readonly id: string;
  readonly setup: MeetingSetup;
  readonly profile: RulesProfile;
  readonly currentItemId: ItemId | null;
  /** What became of the agenda during the sitting: items taken up, set aside, closed, added. */
  readonly agendaProgress: AgendaProgress;
  /** The item under discussion is in closed session: the public (and the stage) learn only that. */
  readonly behindClosedDoors: boolean;
  readonly attendance: Readonly<Record<MemberId, Attendance>>;
  readonly rollCall: RollCall;
  /** Each roll call the chair closed, by its id: its card still shows it as it stood then. */
  readonly closedRollCalls: Readonly<Record<string, RollCallSummary>>;
  /** Who is in the Teams call, as its join and leave events say; presence is `attendance`. */
  readonly inCall: readonly MemberId[];
  readonly queues: Readonly<Record<ItemId, SpeakingQueue>>;
  readonly motions: Readonly<Record<string, Motion>>;
  readonly votes: Readonly<Record<string, Vote>>;
  readonly openVoteId: string | null;
  /** Quorum lost while a vote is open where it must hold at the decision: closing it now voids it. */
  readonly quorumLost: QuorumShortfall | null;
  /** Members with a personal interest in each item (absent from logs older than the rule). */
  readonly conflicts?: Readonly<Record<ItemId, readonly Conflict[]>>;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  /** When the chair suspended the sitting (a break), until they resume it; absent in older logs. */
  readonly suspendedAt?: string | null;
  /** The tellers' key ceremonies, the current one last; absent in older logs. */
  readonly tellers?: readonly TellersCeremony[];
  /** The convocation as sent, its supplements and each member's receipt; absent in older logs. */
  readonly convocation?: Convocation;
  /** Each item's documents, in the order attached; absent in older logs. */
  readonly documents?: Readonly<Record<ItemId, readonly ItemDocument[]>>;
  /** The final minutes submitted to their signatories; absent until the director submits them. */
  readonly signing?: MinutesSigning;
  /** Corrections of the previous minutes adopted on their approval item, by item. */
  readonly corrections?: Readonly<Record<ItemId, readonly string[]>>;
  /** The register of publications, in the order the documents went online; absent until the first. */
  readonly publications?: readonly Publication[];
}

export interface MinutesSigning {
  readonly submitted: {
    readonly seq: number;
    readonly pdf: string;
    readonly lastEvent: string;
    readonly at: string;
  };
  /** Each signatory's approval of the submitted minutes, in the order given. */
  readonly approvals: readonly { readonly member: MemberId; readonly at: string }[];
  /** SHA-256 of the sealed PDF, once every signatory approved. */
  readonly sealed?: { readonly hash: string; readonly at: string };
}

export type MeetingState = { readonly status: 'none' } | Meeting;

export const initialState: MeetingState = { status: 'none' };

export const emptyQueue: SpeakingQueue = { status: 'idle', requests: [], speeches: [] };
