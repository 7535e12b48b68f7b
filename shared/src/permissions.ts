import type { CommandType } from './commands';
import type { Actor } from './roster';

const chair = ['chair'] as const;
const director = ['director'] as const;
const member = ['chair', 'councillor'] as const;
/**
 * A person of the sitting who may hold a share of the sealed box's key or sign the minutes; the
 * decider checks which. Only a person declares their share lost (the service never helps make a vote
 * void) and only a person signs.
 */
const person = ['chair', 'councillor', 'director'] as const;
/** A trustee of the sealed box: a person, or the service where the rules make it one. */
const trustee = [...person, 'system'] as const;

/**
 * Who may issue which command. Roles come from the meeting's roster, never from the Teams meeting
 * role: a Teams organizer is not the chair unless the roster says so.
 */
export const permissions: Readonly<Record<CommandType, readonly Actor[]>> = {
  CreateMeeting: director,
  ReviseAgenda: director,
  ReviseRoster: director,
  ChooseRules: director,
  ChooseLanguage: director,
  ConveneMeeting: director,
  RecordConvocationDelivery: ['system'],
  OpenConvocation: member,
  AcknowledgeConvocation: member,
  ResendConvocation: director,
  OpenMeeting: chair,
  CloseMeeting: chair,
  NextItem: chair,
  PreviousItem: chair,
  TakeUpItem: chair,
  WithdrawItem: chair,
  PostponeItem: chair,
  MoveToClosedSession: chair,
  ProposeUrgentItem: chair,
  CheckIn: member,
  CheckOut: member,
  ExcuseMember: ['chair', 'director'],
  OpenRollCall: chair,
  AnswerRollCall: member,
  CloseRollCall: chair,
  JoinCall: ['system'],
  LeaveCall: ['system'],
  DeclareConflict: member,
  LiftConflict: chair,
  RequestFloor: member,
  WithdrawRequest: member,
  MoveRequest: chair,
  GiveFloor: chair,
  EndSpeech: chair,
  ProposeMotion: member,
  SecondMotion: member,
  ProposeAmendment: member,
  WithdrawMotion: member,
  OpenVote: chair,
  CastBallot: member,
  CloseVote: chair,
  CountVote: ['system'],
  PublishResult: director,
  SuspendSitting: chair,
  ResumeSitting: chair,
  NameTellers: chair,
  CommitTrusteeKey: trustee,
  DealTrusteeShares: trustee,
  ConfirmTrusteeShares: trustee,
  ComplainTrusteeShares: trustee,
  DeclareShareLost: person,
  AggregateBallots: ['system'],
  DecryptTally: trustee,
  AttachDocument: director,
  RemoveDocument: director,
  SubmitMinutes: director,
  ApproveMinutes: person,
  SealMinutes: ['system'],
  CorrectMinutes: director,
  PublishDocument: ['system'],
};

/**
 * The Entra app role (aad.manifest.json) by which a tenant says who may create meeting records: the
 * roster a record carries is then the secretariat's, not whoever asked first.
 */
export const SECRETARIAT_ROLE = 'Council.Secretariat';

export function mayIssue(actor: Actor | null, type: CommandType): boolean {
  return actor !== null && permissions[type].includes(actor);
}
