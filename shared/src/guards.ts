import { refuse, type Decision } from './decision';
import type { AgendaItem } from './agenda';
import type { Meeting } from './state';

/** Refuses unless the meeting is in session. */
export function notInSession(meeting: Meeting): Decision | null {
  if (meeting.status === 'open') return null;
  return refuse(meeting.status === 'closed' ? 'MEETING_CLOSED' : 'MEETING_NOT_OPEN');
}

/** Refuses while the chair has suspended the sitting: no floor given, no vote opened or cast. */
export function suspended(meeting: Meeting): Decision | null {
  return meeting.suspendedAt ? refuse('SITTING_SUSPENDED') : null;
}

/** The item under discussion, unless the chair has withdrawn or postponed it meanwhile. */
export function currentItem(meeting: Meeting): AgendaItem | undefined {
  const id = meeting.currentItemId;
  if (id === null || meeting.agendaProgress.setAside[id]) return undefined;
  return meeting.setup.agenda.find((item) => item.id === id);
}

export function isPresent(meeting: Meeting, member: string): boolean {
  return meeting.attendance[member]?.status === 'present';
}
