import {
  fold,
  type CommandType,
  type Event,
  type Meeting,
  type MeetingState,
  type WireCommand,
} from '../../../shared/src';
import { CHAIR, council, councillor, DIRECTOR, OBSERVER, sitting } from './council';
import { command, play } from './spec';
import { placeholderAggregate, placeholderPartial, point } from './tellers';

export type WireOf<T extends CommandType> = Extract<WireCommand, { type: T }>;

/** One plausible payload per command type; the ids match the meeting `busySitting()` builds. */
export type Payloads = { readonly [T in CommandType]: WireOf<T> };

export const REQUEST = 'req-1';
export const MOTION = 'motion-1';
export const VOTE = 'vote-1';

export function payloads(): Payloads {
  const setup = council({ members: 9 });
  return {
    CreateMeeting: { type: 'CreateMeeting', setup },
    ReviseAgenda: { type: 'ReviseAgenda', agenda: setup.agenda },
    ReviseRoster: { type: 'ReviseRoster', roster: setup.roster },
    ChooseRules: { type: 'ChooseRules', rules: { profile: 'flanders', overrides: {} } },
    ChooseLanguage: { type: 'ChooseLanguage', language: 'nl' },
    ConveneMeeting: {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    },
    RecordConvocationDelivery: {
      type: 'RecordConvocationDelivery',
      member: councillor(1),
      sending: 1,
    },
    OpenConvocation: { type: 'OpenConvocation' },
    AcknowledgeConvocation: { type: 'AcknowledgeConvocation' },
    ResendConvocation: { type: 'ResendConvocation', member: councillor(1) },
    OpenMeeting: { type: 'OpenMeeting' },
    CloseMeeting: { type: 'CloseMeeting' },
    NextItem: { type: 'NextItem' },
    PreviousItem: { type: 'PreviousItem' },
    TakeUpItem: { type: 'TakeUpItem', itemId: 'budget' },
    WithdrawItem: { type: 'WithdrawItem', itemId: 'budget', reason: 'file incomplete' },
    PostponeItem: { type: 'PostponeItem', itemId: 'budget' },
    MoveToClosedSession: { type: 'MoveToClosedSession', itemId: 'water' },
    ProposeUrgentItem: { type: 'ProposeUrgentItem', title: 'Storm damage', subject: 'general' },
    CheckIn: { type: 'CheckIn' },
    CheckOut: { type: 'CheckOut' },
    ExcuseMember: { type: 'ExcuseMember', member: councillor(7) },
    OpenRollCall: { type: 'OpenRollCall' },
    AnswerRollCall: { type: 'AnswerRollCall' },
    CloseRollCall: { type: 'CloseRollCall' },
    JoinCall: { type: 'JoinCall', member: councillor(2) },
    LeaveCall: { type: 'LeaveCall', member: councillor(2) },
    DeclareConflict: { type: 'DeclareConflict', itemId: 'budget' },
    LiftConflict: { type: 'LiftConflict', itemId: 'budget', member: councillor(1) },
    RequestFloor: { type: 'RequestFloor', kind: 'contribution' },
    WithdrawRequest: { type: 'WithdrawRequest', requestId: REQUEST },
    MoveRequest: { type: 'MoveRequest', requestId: REQUEST, position: 0 },
    GiveFloor: { type: 'GiveFloor', requestId: REQUEST },
    EndSpeech: { type: 'EndSpeech' },
    ProposeMotion: { type: 'ProposeMotion', text: 'The council asks the post office to stay.' },
    SecondMotion: { type: 'SecondMotion', motionId: MOTION },
    ProposeAmendment: { type: 'ProposeAmendment', motionId: MOTION, text: 'and the bank too' },
    WithdrawMotion: { type: 'WithdrawMotion', motionId: MOTION },
    OpenVote: { type: 'OpenVote', secret: false, threshold: '1/2' },
    CastBallot: { type: 'CastBallot', voteId: VOTE, choice: 'yes' },
    CloseVote: { type: 'CloseVote', voteId: VOTE },
    CountVote: { type: 'CountVote', voteId: VOTE, tally: { yes: 1 } },
    PublishResult: { type: 'PublishResult', voteId: VOTE },
    SuspendSitting: { type: 'SuspendSitting' },
    ResumeSitting: { type: 'ResumeSitting' },
    NameTellers: { type: 'NameTellers', tellers: [councillor(1), councillor(2)] },
    CommitTrusteeKey: { type: 'CommitTrusteeKey', boxKey: point(1), commitments: [point(2)] },
    DealTrusteeShares: { type: 'DealTrusteeShares', shares: { [councillor(1)]: point(3) } },
    ConfirmTrusteeShares: { type: 'ConfirmTrusteeShares' },
    ComplainTrusteeShares: { type: 'ComplainTrusteeShares', against: councillor(1) },
    DeclareShareLost: { type: 'DeclareShareLost', ceremony: 1 },
    AggregateBallots: {
      type: 'AggregateBallots',
      voteId: VOTE,
      aggregate: placeholderAggregate(3, 0),
    },
    DecryptTally: { type: 'DecryptTally', voteId: VOTE, partial: placeholderPartial(3) },
    AttachDocument: {
      type: 'AttachDocument',
      itemId: 'budget',
      title: 'Draft budget amendment',
      url: 'https://contoso.sharepoint.com/sites/council/budget.pdf',
    },
    RemoveDocument: { type: 'RemoveDocument', itemId: 'budget', documentId: 'document-1' },
    SubmitMinutes: {
      type: 'SubmitMinutes',
      seq: 40,
      pdf: 'a'.repeat(64),
      lastEvent: 'b'.repeat(64),
    },
    ApproveMinutes: { type: 'ApproveMinutes', pdf: 'a'.repeat(64), lastEvent: 'b'.repeat(64) },
    SealMinutes: { type: 'SealMinutes', sealed: 'c'.repeat(64) },
    CorrectMinutes: { type: 'CorrectMinutes', itemId: 'budget', text: 'Read 12 votes, not 11.' },
    PublishDocument: {
      type: 'PublishDocument',
      kind: 'agenda',
      path: '/public/gent/m1/agenda',
      sha256: 'd'.repeat(64),
      asOf: 1,
    },
  };
}

/**
 * An open meeting of 9 members in office, 6 present, on the first item, where c1 asked for the
 * floor (`req-1`), c1 proposed a motion (`motion-1`) and the chair opened a named vote (`vote-1`).
 */
export function busySitting(): Event[] {
  return play(
    sitting({ members: 9, present: 6 }),
    command(councillor(1), { type: 'RequestFloor', kind: 'contribution' }, REQUEST),
    command(councillor(1), { type: 'ProposeMotion', text: 'Keep the post office' }, MOTION),
    command(CHAIR, { type: 'OpenVote' }, VOTE),
  );
}

/** The people who may issue a command, one per role, plus the service and a stranger. */
export const issuers = {
  chair: CHAIR,
  director: DIRECTOR,
  councillor: councillor(1),
  observer: OBSERVER,
  system: 'system',
  'not on the roster': 'stranger',
} as const;

export type IssuerLabel = keyof typeof issuers;
export const issuerLabels = Object.keys(issuers) as IssuerLabel[];

export function meetingOf(state: MeetingState): Meeting {
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

export function meetingAfter(events: readonly Event[]): Meeting {
  return meetingOf(fold(events));
}
