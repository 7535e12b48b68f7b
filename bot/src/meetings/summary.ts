import type { Meeting, MeetingState } from '@council/shared';
import type { MeetingSummary } from '../store';

export function summaryOf(meeting: Meeting): MeetingSummary {
  const { setup, status } = meeting;
  return {
    title: setup.title,
    municipality: setup.municipality,
    scheduledStart: setup.scheduledStart,
    status,
    roles: Object.fromEntries(setup.roster.map((member) => [member.id, member.role])),
  };
}

/**
 * The summary after a command, if the command changed it. The domain replaces the setup whenever it
 * revises it, so an unchanged setup is the same object: a ballot costs no summary.
 */
export function changedSummary(
  before: MeetingState,
  after: MeetingState,
): MeetingSummary | undefined {
  if (after.status === 'none') return undefined;
  if (before.status !== 'none' && before.status === after.status && before.setup === after.setup) {
    return undefined;
  }
  return summaryOf(after);
}
