import { refuse, type Decision } from './decision';
import type { AgendaItem } from './agenda';
import type { Meeting } from './state';

/** Refuses unless the meeting is in session. */
export function notInSession(meeting: Meeting): Decision | null {
  if (meeting.status === 'open') return null;
  return refuse(meeting.status === 'closed' ? 'MEETING_CLOSED' : 'MEETING_NOT_OPEN');
}

export function currentItem(meeting: Meeting): AgendaItem | undefined {
  return meeting.setup.agenda.find((item) => item.id === meeting.currentItemId);
}

export function isPresent(meeting: Meeting, member: string): boolean {
  return meeting.attendance[member]?.status === 'present';
}
