import type { AgendaItem } from '../agenda';
import { MAX_AGENDA_ITEMS, type CommandOf } from '../commands';
import { refuse, type Decision } from '../decision';
import { notInSession } from '../guards';
import type { Meeting } from '../state';
import { openProcedure } from './procedure';

/** The item as it would join the agenda: titled in the chair's words, in every language. */
function urgentItem(meeting: Meeting, command: CommandOf<'ProposeUrgentItem'>): AgendaItem {
  const { title, subject } = command;
  const closed = meeting.profile.closedSession.value.mandatory.includes(subject);
  return {
    id: `urgent-${command.newId}`,
    title: { fr: title, nl: title, de: title, en: title },
    session: closed ? 'closed' : 'public',
    subject,
    expectedVote: meeting.profile.secretSubjects.value.includes(subject) ? 'secret' : 'named',
    candidates: [],
  };
}

/**
 * An item off the agenda only where the rules allow urgency, declared by the majority they require
 * (CDLD L1122-24: where the least delay could cause danger, by two thirds of the members present).
 */
export function proposeUrgentItem(
  meeting: Meeting,
  command: CommandOf<'ProposeUrgentItem'>,
): Decision {
  const refusal = notInSession(meeting);
  if (refusal) return refusal;
  const urgency = meeting.profile.urgency.value;
  if (!urgency.allowed) return refuse('URGENCY_NOT_ALLOWED');
  // Urgent items join the agenda past its schema; the same bound holds, or the log could not be
  // revised or exported as a valid agenda again.
  if (meeting.setup.agenda.length >= MAX_AGENDA_ITEMS) {
    return refuse('AGENDA_FULL', { max: MAX_AGENDA_ITEMS });
  }
  const procedure = { kind: 'urgency', item: urgentItem(meeting, command) } as const;
  return openProcedure(meeting, command, procedure, urgency);
}
