import { evolveAgenda } from '../agenda/decider';
import { isSetAside, noProgress } from '../agenda/progress';
import { sessionOf } from '../agenda/session';
import type { CommandOf } from '../commands';
import { convene, convened, withSupplement } from '../convocation';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { MeetingEvent } from '../events';
import { notInSession } from '../guards';
import { speechEnded } from '../speaking/decider';
import { emptyQueue, initialState, type Meeting, type MeetingState } from '../state';
import { profileOf, setupRefusal, untitledRefusal } from './setup';

export type MeetingCommand = CommandOf<
  | 'CreateMeeting'
  | 'ReviseAgenda'
  | 'ReviseRoster'
  | 'ChooseRules'
  | 'ChooseLanguage'
  | 'ConveneMeeting'
  | 'OpenMeeting'
  | 'CloseMeeting'
  | 'NextItem'
  | 'PreviousItem'
>;

function setupLocked(meeting: Meeting): Decision | null {
  return meeting.status === 'draft' || meeting.status === 'convened'
    ? null
    : refuse('SETUP_LOCKED');
}

/** Leaving an item ends the speech in progress; an open vote must be closed first. */
function takeUp(meeting: Meeting, command: MeetingCommand, offset: 1 | -1): Decision {
  const refusal = notInSession(meeting);
  if (refusal) return refusal;
  if (meeting.openVoteId) return refuse('VOTE_ALREADY_OPEN');
  const agenda = meeting.setup.agenda;
  const index = agenda.findIndex((item) => item.id === meeting.currentItemId);
  if (index === -1 && offset === -1) return refuse('NO_CURRENT_ITEM');
  const next = (offset === 1 ? agenda.slice(index + 1) : agenda.slice(0, index).reverse()).find(
    (item) => !isSetAside(meeting, item.id),
  );
  if (!next) return refuse(offset === 1 ? 'END_OF_AGENDA' : 'START_OF_AGENDA');
  return accept(...speechEnded(meeting, command), {
    type: 'ItemTakenUp',
    itemId: next.id,
    ...stamp(command),
  });
}

export function decideMeeting(state: MeetingState, command: MeetingCommand): Decision {
  if (command.type === 'CreateMeeting') {
    if (state.status !== 'none') return refuse('MEETING_EXISTS');
    return (
      setupRefusal(command.setup) ??
      accept({
        type: 'MeetingCreated',
        meetingId: command.newId,
        setup: command.setup,
        ...stamp(command),
      })
    );
  }
  if (state.status === 'none') return refuse('MEETING_NOT_FOUND');
  const meeting = state;
  switch (command.type) {
    case 'ReviseAgenda':
      return (
        setupLocked(meeting) ??
        setupRefusal({ ...meeting.setup, agenda: command.agenda }) ??
        withSupplement(
          meeting,
          command.agenda,
          command,
          accept({ type: 'AgendaRevised', agenda: command.agenda, ...stamp(command) }),
        )
      );
    case 'ReviseRoster':
      return (
        setupLocked(meeting) ??
        setupRefusal({ ...meeting.setup, roster: command.roster }) ??
        accept({ type: 'RosterRevised', roster: command.roster, ...stamp(command) })
      );
    case 'ChooseRules':
      return (
        setupLocked(meeting) ??
        setupRefusal({ ...meeting.setup, rules: command.rules }) ??
        accept({ type: 'RulesChosen', rules: command.rules, ...stamp(command) })
      );
    case 'ChooseLanguage':
      return (
        setupLocked(meeting) ??
        untitledRefusal(meeting.setup.agenda, command.language) ??
        accept({ type: 'LanguageChosen', language: command.language, ...stamp(command) })
      );
    case 'ConveneMeeting':
      return convene(meeting, command);
    case 'OpenMeeting':
      if (meeting.status === 'draft') return refuse('MEETING_NOT_CONVENED');
      if (meeting.status === 'closed') return refuse('MEETING_CLOSED');
      if (meeting.status === 'open') return refuse('SETUP_LOCKED');
      return accept({ type: 'MeetingOpened', ...stamp(command) });
    case 'CloseMeeting': {
      const refusal = notInSession(meeting);
      if (refusal) return refusal;
      if (meeting.openVoteId) return refuse('VOTE_ALREADY_OPEN');
      return accept(...speechEnded(meeting, command), {
        type: 'MeetingClosed',
        ...stamp(command),
      });
    }
    case 'NextItem':
      return takeUp(meeting, command, 1);
    case 'PreviousItem':
      return takeUp(meeting, command, -1);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingCreated') {
    return {
      status: 'draft',
      id: event.meetingId,
      setup: event.setup,
      profile: profileOf(event.setup),
      currentItemId: null,
      agendaProgress: noProgress,
      behindClosedDoors: false,
      attendance: {},
      rollCall: { status: 'closed' },
      closedRollCalls: {},
      inCall: [],
      queues: {},
      motions: {},
      votes: {},
      openVoteId: null,
      quorumLost: null,
      openedAt: null,
      closedAt: null,
    };
  }
  if (state.status === 'none') return initialState;
  const progress = state.agendaProgress;
  switch (event.type) {
    case 'AgendaRevised':
      return { ...state, setup: { ...state.setup, agenda: [...event.agenda] } };
    case 'RosterRevised':
      return { ...state, setup: { ...state.setup, roster: [...event.roster] } };
    case 'RulesChosen': {
      const setup = { ...state.setup, rules: event.rules };
      return { ...state, setup, profile: profileOf(setup) };
    }
    case 'LanguageChosen':
      return { ...state, setup: { ...state.setup, language: event.language } };
    case 'MeetingConvened':
      return convened(state, event);
    case 'MeetingOpened':
      return { ...state, status: 'open', openedAt: event.at };
    case 'MeetingClosed':
      return {
        ...state,
        status: 'closed',
        closedAt: event.at,
        rollCall: { status: 'closed' },
        suspendedAt: null,
      };
    case 'SittingSuspended':
      return { ...state, suspendedAt: event.at };
    case 'SittingResumed':
      return { ...state, suspendedAt: null };
    case 'ItemTakenUp':
      return {
        ...state,
        currentItemId: event.itemId,
        agendaProgress: { ...progress, takenUp: [...progress.takenUp, event.itemId] },
        behindClosedDoors: sessionOf(state, event.itemId) === 'closed',
        queues: { ...state.queues, [event.itemId]: state.queues[event.itemId] ?? emptyQueue },
      };
    case 'ItemWithdrawn':
    case 'ItemPostponed':
    case 'SessionClosed':
    case 'UrgentItemAdded':
      return evolveAgenda(state, event);
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
