import type { AgendaItem, ItemId } from './agenda';
import type { MeetingSetup } from './commands';
import type { ConvocationDetails, ConvocationEvent, NoticeShortfall } from './convocation';
import type { Threshold, ThresholdBase } from './profiles';
import type { MemberId } from './roster';
import type { PublicationKind } from './publication/register';
import type { FloorKind, ItemDocument } from './state';
import type { Procedure } from './agenda/procedure';
import type { RecordedResult } from './votes/result';
import type {
  Aggregate,
  DealtShares,
  PartialDecryption,
  Trustee,
  TrusteeCommitment,
} from './sealed/types';

interface Stamped {
  readonly at: string;
  readonly by: string;
}

export type MeetingEvent = Stamped &
  (
    | { readonly type: 'MeetingCreated'; readonly meetingId: string; readonly setup: MeetingSetup }
    | { readonly type: 'AgendaRevised'; readonly agenda: MeetingSetup['agenda'] }
    | { readonly type: 'RosterRevised'; readonly roster: MeetingSetup['roster'] }
    | {
        readonly type: 'RulesChosen';
        readonly rules: MeetingSetup['rules'];
      }
    | { readonly type: 'LanguageChosen'; readonly language: MeetingSetup['language'] }
    | {
        readonly type: 'MeetingConvened';
        /** Absent from logs written before convocations said where, how and why. */
        readonly convocation?: ConvocationDetails;
        readonly late?: NoticeShortfall;
      }
    | { readonly type: 'MeetingOpened' }
    | { readonly type: 'MeetingClosed' }
    | { readonly type: 'ItemTakenUp'; readonly itemId: ItemId }
    | { readonly type: 'ItemWithdrawn'; readonly itemId: ItemId; readonly reason?: string }
    | { readonly type: 'ItemPostponed'; readonly itemId: ItemId; readonly reason?: string }
    | {
        readonly type: 'SessionClosed';
        readonly itemId: ItemId;
        /** Pronounced at once for its subject, or decided by the council's procedural vote. */
        readonly reason: 'mandatory' | 'vote';
        readonly voteId?: string;
      }
    | { readonly type: 'UrgentItemAdded'; readonly item: AgendaItem; readonly voteId: string }
    | { readonly type: 'SittingSuspended' }
    | { readonly type: 'SittingResumed' }
  );

/** The chair's and the council's decisions on the order of business during the sitting. */
export type AgendaEvent = Extract<
  MeetingEvent,
  { type: 'ItemWithdrawn' | 'ItemPostponed' | 'SessionClosed' | 'UrgentItemAdded' }
>;

export interface QuorumReport {
  readonly present: number;
  readonly inOffice: number;
  readonly needed: number;
  readonly reached: boolean;
  /** True when this convocation may deliberate whatever the attendance. */
  readonly waived: boolean;
}

/**
 * How a presence was recorded when the member did not say it: `call`, joining or leaving the Teams
 * call, where the council's rules profile says joining is enough (`joiningCallIsPresence`).
 */
/** Quorum short while a vote was open: how many members were present, and how many were needed. */
export interface QuorumShortfall {
  readonly present: number;
  readonly needed: number;
}

export type PresenceVia = 'call';

export type AttendanceEvent = Stamped &
  (
    | { readonly type: 'MemberCheckedIn'; readonly member: MemberId; readonly via?: PresenceVia }
    | { readonly type: 'MemberCheckedOut'; readonly member: MemberId; readonly via?: PresenceVia }
    | { readonly type: 'MemberExcused'; readonly member: MemberId }
    | { readonly type: 'RollCallOpened'; readonly rollCallId: string }
    | { readonly type: 'RollCallAnswered'; readonly member: MemberId; readonly via?: PresenceVia }
    /** Teams said who joined or left the meeting's call; the service records it. */
    | { readonly type: 'CallJoined'; readonly member: MemberId }
    | { readonly type: 'CallLeft'; readonly member: MemberId }
    | {
        readonly type: 'RollCallClosed';
        readonly rollCallId: string;
        readonly present: readonly MemberId[];
        readonly absent: readonly MemberId[];
        readonly excused: readonly MemberId[];
        readonly quorum: QuorumReport;
      }
  );

export type SpeakingEvent = Stamped &
  (
    | {
        readonly type: 'FloorRequested';
        readonly itemId: ItemId;
        readonly requestId: string;
        readonly member: MemberId;
        readonly kind: FloorKind;
      }
    | {
        readonly type: 'FloorRequestWithdrawn';
        readonly itemId: ItemId;
        readonly requestId: string;
      }
    | {
        readonly type: 'FloorRequestMoved';
        readonly itemId: ItemId;
        readonly requestId: string;
        readonly position: number;
      }
    | {
        readonly type: 'FloorGiven';
        readonly itemId: ItemId;
        readonly requestId: string;
        readonly member: MemberId;
        readonly kind: FloorKind;
      }
    | {
        readonly type: 'SpeechEnded';
        readonly itemId: ItemId;
        readonly member: MemberId;
        readonly durationMs: number;
      }
  );

export type MotionEvent = Stamped &
  (
    | {
        readonly type: 'MotionProposed';
        readonly motionId: string;
        readonly itemId: ItemId;
        readonly member: MemberId;
        readonly text: string;
        readonly amends: string | null;
        /** An amendment replacing an article of the item's deliberation; absent in older logs. */
        readonly article?: number;
      }
    | { readonly type: 'MotionSeconded'; readonly motionId: string; readonly member: MemberId }
    | { readonly type: 'MotionWithdrawn'; readonly motionId: string }
  );

export type VoteEvent = Stamped &
  (
    | {
        readonly type: 'VoteOpened';
        readonly voteId: string;
        readonly itemId: ItemId;
        readonly motionId: string | null;
        readonly runoffOf: string | null;
        readonly kind: 'question' | 'election';
        readonly secret: boolean;
        readonly choices: readonly string[];
        readonly threshold: Threshold;
        /** What the majority is counted on; logs written before it existed count votes cast. */
        readonly base?: ThresholdBase;
        readonly eligible: readonly MemberId[];
        /** A vote on the order of business (closed session, urgency) rather than on the item. */
        readonly procedure?: Procedure;
        /** A secret vote: the tellers' key ceremony whose key seals its ballots. */
        readonly ceremony?: number;
      }
    | {
        readonly type: 'BallotCast';
        readonly voteId: string;
        readonly member: MemberId;
        readonly choice: string;
      }
    | {
        readonly type: 'BallotChanged';
        readonly voteId: string;
        readonly member: MemberId;
        readonly choice: string;
      }
    /** A secret ballot: the member took part. Its choice never enters the log. */
    | { readonly type: 'BallotRecorded'; readonly voteId: string; readonly member: MemberId }
    | {
        readonly type: 'VoteClosed';
        readonly voteId: string;
        readonly reason: 'chair' | 'allVoted';
        readonly participation: number;
        /** Set when quorum had to hold at the decision and did not: the vote is void. */
        readonly quorumLost?: QuorumShortfall;
        /** Members in office present at the decision (absent from logs written before it). */
        readonly present?: number;
      }
    /** The sum of a closed secret vote's sealed ballots, added by the service from the board. */
    | { readonly type: 'BallotsAggregated'; readonly voteId: string; readonly aggregate: Aggregate }
    | {
        readonly type: 'TallyShareDecrypted';
        readonly voteId: string;
        readonly trustee: MemberId;
        readonly partial: PartialDecryption;
      }
    | { readonly type: 'VoteCounted'; readonly voteId: string; readonly result: RecordedResult }
    | { readonly type: 'ResultPublished'; readonly voteId: string }
  );

/**
 * The tellers' key ceremony (DESIGN.md, "The sealed ballot box"): the chair names them, each trustee
 * commits to a polynomial, deals its shares sealed to the others, then confirms what it received.
 */
export type TellersEvent = Stamped &
  (
    | {
        readonly type: 'TellersNamed';
        readonly ceremony: number;
        readonly trustees: readonly Trustee[];
        readonly threshold: number;
      }
    | {
        readonly type: 'TrusteeCommitted';
        readonly ceremony: number;
        readonly trustee: MemberId;
        readonly commitment: TrusteeCommitment;
      }
    | {
        readonly type: 'TrusteeSharesDealt';
        readonly ceremony: number;
        readonly trustee: MemberId;
        readonly dealt: DealtShares;
      }
    | { readonly type: 'TrusteeReady'; readonly ceremony: number; readonly trustee: MemberId }
    | {
        readonly type: 'TrusteeShareDisputed';
        readonly ceremony: number;
        readonly trustee: MemberId;
        readonly against: MemberId;
      }
  );

/** A trustee's share of a ceremony's key is gone, in their own word (tellers/share-lost.ts). */
export type ShareLossEvent = Stamped & {
  readonly type: 'TrusteeShareLost';
  readonly ceremony: number;
  readonly trustee: MemberId;
};

/** The minutes submitted, approved by each signatory and sealed; corrections of the previous ones. */
export type SigningEvent = Stamped &
  (
    | {
        readonly type: 'MinutesSubmitted';
        /** The number of the log's last event the minutes record. */
        readonly seq: number;
        /** SHA-256 (hex) of the PDF's bytes and of that last event. */
        readonly pdf: string;
        readonly lastEvent: string;
      }
    | { readonly type: 'MinutesApproved'; readonly pdf: string; readonly lastEvent: string }
    | { readonly type: 'MinutesSealed'; readonly sealed: string }
    | { readonly type: 'MinutesCorrected'; readonly itemId: ItemId; readonly text: string }
  );

/** A public document recorded in the register of publications (publication/register.ts). */
export type PublicationEvent = Stamped & {
  readonly type: 'DocumentPublished';
  readonly kind: PublicationKind;
  readonly path: string;
  readonly sha256: string;
  readonly asOf: number;
};

export type Event =
  | PublicationEvent
  | ShareLossEvent
  | MeetingEvent
  | AttendanceEvent
  | SpeakingEvent
  | MotionEvent
  | VoteEvent
  | ConflictEvent
  | TellersEvent
  | ConvocationEvent
  | DocumentEvent
  | SigningEvent;
export type EventType = Event['type'];
export type EventOf<T extends EventType> = Extract<Event, { type: T }>;

/**
 * A member's personal interest in an item (DLB art. 27, CDLD L1122-19): declared by the member or
 * recorded by the chair, and where the rules say so the member's leaving the room for the item.
 */
export type ConflictEvent = Stamped &
  (
    | { readonly type: 'ConflictDeclared'; readonly itemId: ItemId; readonly member: MemberId }
    | { readonly type: 'ConflictLifted'; readonly itemId: ItemId; readonly member: MemberId }
    | { readonly type: 'MemberLeftForItem'; readonly itemId: ItemId; readonly member: MemberId }
    | {
        readonly type: 'MemberReturnedAfterItem';
        readonly itemId: ItemId;
        readonly member: MemberId;
      }
  );

/** The file of an agenda item: links to its documents in the council's SharePoint or OneDrive. */
export type DocumentEvent = Stamped &
  (
    | {
        readonly type: 'DocumentAttached';
        readonly itemId: ItemId;
        readonly document: ItemDocument;
      }
    | { readonly type: 'DocumentRemoved'; readonly itemId: ItemId; readonly documentId: string }
  );
