import { decideAgenda } from './agenda/decider';
import { decideAttendance, evolveAttendance } from './attendance/decider';
import { watchingQuorum } from './attendance/quorum';
import type { Command } from './commands';
import {
  conflictRefusal,
  decideConflict,
  evolveConflict,
  withConflictMovements,
} from './conflicts';
import { evolveReceipts, decideReceipt } from './convocation';
import { inOneFold } from './copy-on-write';
import { decideDocuments, evolveDocuments } from './documents/decider';
import { refuse, type Decision } from './decision';
import type { Event } from './events';
import { decideMeeting, evolveMeeting } from './meeting/decider';
import { decideSuspension } from './meeting/suspension';
import { decideMotion, evolveMotion } from './motions/decider';
import { mayIssue } from './permissions';
import { decidePublication, evolvePublication } from './publication/register';
import { actorOf } from './roster';
import { decideSigning, evolveSigning } from './signing/decider';
import { decideSpeaking, evolveSpeaking } from './speaking/decider';
import { decideTellers, evolveTellers } from './tellers/ceremony';
import { declareShareLost, evolveShareLoss } from './tellers/share-lost';
import { initialState, type MeetingState } from './state';
import { decideVote, evolveVote } from './votes/decider';

/**
 * The one entry to the rules of procedure: who may do it (the roster's role), then whether the
 * rules allow it now (a member in conflict on the item is refused first, and taking up another
 * item carries their leaving and returning). Pure: the command brings the time, the actor and any
 * new id.
 */
export function decide(state: MeetingState, command: Command): Decision {
  if (state.status === 'none') return decideCommand(state, command);
  return (
    conflictRefusal(state, command) ?? withConflictMovements(state, decideCommand(state, command))
  );
}

function decideCommand(state: MeetingState, command: Command): Decision {
  if (command.type === 'CreateMeeting') {
    if (state.status !== 'none') return refuse('MEETING_EXISTS');
    if (!mayIssue(actorOf(command.setup.roster, command.by), command.type)) {
      return refuse('NOT_AUTHORIZED');
    }
    return decideMeeting(state, command);
  }
  if (state.status === 'none') return refuse('MEETING_NOT_FOUND');
  if (!mayIssue(actorOf(state.setup.roster, command.by), command.type)) {
    return refuse('NOT_AUTHORIZED');
  }
  switch (command.type) {
    case 'ReviseAgenda':
    case 'ReviseRoster':
    case 'ChooseRules':
    case 'ChooseLanguage':
    case 'ConveneMeeting':
    case 'OpenMeeting':
    case 'CloseMeeting':
    case 'NextItem':
    case 'PreviousItem':
      return decideMeeting(state, command);
    case 'SuspendSitting':
    case 'ResumeSitting':
      return decideSuspension(state, command);
    case 'RecordConvocationDelivery':
    case 'OpenConvocation':
    case 'AcknowledgeConvocation':
    case 'ResendConvocation':
      return decideReceipt(state, command);
    case 'TakeUpItem':
    case 'WithdrawItem':
    case 'PostponeItem':
    case 'MoveToClosedSession':
    case 'ProposeUrgentItem':
      return decideAgenda(state, command);
    case 'CheckIn':
    case 'CheckOut':
    case 'ExcuseMember':
    case 'OpenRollCall':
    case 'AnswerRollCall':
    case 'CloseRollCall':
    case 'JoinCall':
    case 'LeaveCall':
      return decideAttendance(state, command);
    case 'DeclareConflict':
    case 'LiftConflict':
      return decideConflict(state, command);
    case 'RequestFloor':
    case 'WithdrawRequest':
    case 'MoveRequest':
    case 'GiveFloor':
    case 'EndSpeech':
      return decideSpeaking(state, command);
    case 'ProposeMotion':
    case 'SecondMotion':
    case 'ProposeAmendment':
    case 'WithdrawMotion':
      return decideMotion(state, command);
    case 'OpenVote':
    case 'CastBallot':
    case 'CloseVote':
    case 'AggregateBallots':
    case 'DecryptTally':
    case 'CountVote':
    case 'PublishResult':
      return decideVote(state, command);
    case 'NameTellers':
    case 'CommitTrusteeKey':
    case 'DealTrusteeShares':
    case 'ConfirmTrusteeShares':
    case 'ComplainTrusteeShares':
      return decideTellers(state, command);
    case 'DeclareShareLost':
      return declareShareLost(state, command);
    case 'AttachDocument':
    case 'RemoveDocument':
      return decideDocuments(state, command);
    case 'SubmitMinutes':
    case 'ApproveMinutes':
    case 'SealMinutes':
    case 'CorrectMinutes':
      return decideSigning(state, command);
    case 'PublishDocument':
      return decidePublication(state, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export function evolve(state: MeetingState, event: Event): MeetingState {
  switch (event.type) {
    case 'MeetingCreated':
    case 'AgendaRevised':
    case 'RosterRevised':
    case 'RulesChosen':
    case 'LanguageChosen':
    case 'MeetingConvened':
    case 'MeetingOpened':
    case 'MeetingClosed':
    case 'ItemTakenUp':
    case 'ItemWithdrawn':
    case 'ItemPostponed':
    case 'SessionClosed':
    case 'UrgentItemAdded':
    case 'SittingSuspended':
    case 'SittingResumed':
      return evolveMeeting(state, event);
    case 'MemberCheckedIn':
    case 'MemberCheckedOut':
    case 'MemberExcused':
    case 'RollCallOpened':
    case 'RollCallAnswered':
    case 'RollCallClosed':
    case 'CallJoined':
    case 'CallLeft':
      return state.status === 'none' ? state : watchingQuorum(evolveAttendance(state, event));
    case 'ConflictDeclared':
    case 'ConflictLifted':
    case 'MemberLeftForItem':
    case 'MemberReturnedAfterItem':
      return state.status === 'none' ? state : watchingQuorum(evolveConflict(state, event));
    case 'FloorRequested':
    case 'FloorRequestWithdrawn':
    case 'FloorRequestMoved':
    case 'FloorGiven':
    case 'SpeechEnded':
      return state.status === 'none' ? state : evolveSpeaking(state, event);
    case 'MotionProposed':
    case 'MotionSeconded':
    case 'MotionWithdrawn':
      return state.status === 'none' ? state : evolveMotion(state, event);
    case 'BallotCast':
    case 'BallotChanged':
    case 'BallotRecorded':
    case 'BallotsAggregated':
    case 'TallyShareDecrypted':
    case 'VoteCounted':
    case 'ResultPublished':
      return state.status === 'none' ? state : evolveVote(state, event);
    case 'VoteOpened':
    case 'VoteClosed':
      return state.status === 'none' ? state : watchingQuorum(evolveVote(state, event));
    case 'TellersNamed':
    case 'TrusteeCommitted':
    case 'TrusteeSharesDealt':
    case 'TrusteeReady':
    case 'TrusteeShareDisputed':
      return state.status === 'none' ? state : evolveTellers(state, event);
    case 'TrusteeShareLost':
      return state.status === 'none' ? state : evolveShareLoss(state, event);
    case 'ConvocationDelivered':
    case 'ConvocationUnreachable':
    case 'ConvocationOpened':
    case 'ConvocationAcknowledged':
    case 'ConvocationResent':
    case 'AgendaSupplemented':
      return state.status === 'none' ? state : evolveReceipts(state, event);
    case 'DocumentAttached':
    case 'DocumentRemoved':
      return state.status === 'none' ? state : evolveDocuments(state, event);
    case 'MinutesSubmitted':
    case 'MinutesApproved':
    case 'MinutesSealed':
    case 'MinutesCorrected':
      return state.status === 'none' ? state : evolveSigning(state, event);
    case 'DocumentPublished':
      return state.status === 'none' ? state : evolvePublication(state, event);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function fold(events: readonly Event[], from: MeetingState = initialState): MeetingState {
  return inOneFold(() => events.reduce(evolve, from));
}
