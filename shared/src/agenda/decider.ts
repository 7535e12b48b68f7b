import type { CommandOf } from '../commands';
import type { Decision } from '../decision';
import type { AgendaEvent } from '../events';
import type { Meeting } from '../state';
import { moveToClosedSession } from './closed-session';
import { closedBehindDoors } from './session';
import { setAside, takeUpItem } from './set-aside';
import { proposeUrgentItem } from './urgency';

export type AgendaCommand = CommandOf<
  'TakeUpItem' | 'WithdrawItem' | 'PostponeItem' | 'MoveToClosedSession' | 'ProposeUrgentItem'
>;

export function decideAgenda(meeting: Meeting, command: AgendaCommand): Decision {
  switch (command.type) {
    case 'TakeUpItem':
      return takeUpItem(meeting, command);
    case 'WithdrawItem':
    case 'PostponeItem':
      return setAside(meeting, command);
    case 'MoveToClosedSession':
      return moveToClosedSession(meeting, command);
    case 'ProposeUrgentItem':
      return proposeUrgentItem(meeting, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export function evolveAgenda(meeting: Meeting, event: AgendaEvent): Meeting {
  const progress = meeting.agendaProgress;
  const { at, by } = event;
  switch (event.type) {
    case 'ItemWithdrawn':
    case 'ItemPostponed': {
      const how = event.type === 'ItemWithdrawn' ? 'withdrawn' : 'postponed';
      const aside = { how, by, at, reason: event.reason ?? null } as const;
      const setAside = { ...progress.setAside, [event.itemId]: aside };
      return { ...meeting, agendaProgress: { ...progress, setAside } };
    }
    case 'SessionClosed': {
      const closure = { reason: event.reason, voteId: event.voteId ?? null, by, at };
      const closedInSitting = { ...progress.closedInSitting, [event.itemId]: closure };
      return {
        ...meeting,
        setup: { ...meeting.setup, agenda: closedBehindDoors(meeting.setup.agenda, event.itemId) },
        agendaProgress: { ...progress, closedInSitting },
        behindClosedDoors: meeting.behindClosedDoors || meeting.currentItemId === event.itemId,
      };
    }
    case 'UrgentItemAdded': {
      const urgent = { ...progress.urgent, [event.item.id]: event.voteId };
      return {
        ...meeting,
        setup: { ...meeting.setup, agenda: [...meeting.setup.agenda, event.item] },
        agendaProgress: { ...progress, urgent },
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
