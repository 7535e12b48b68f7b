import type { MeetingSetup, WireCommand } from '@council/shared';
import type { Config } from '../config';
import { refusal } from '../http/problems';

type Limits = Pick<Config, 'MAX_ROSTER' | 'MAX_AGENDA_ITEMS' | 'MAX_MEETINGS_PER_TENANT'>;

/**
 * What one tenant may ask the service to hold. The wire schemas stop at what a large assembly
 * needs (20,000 members); a municipal council is far smaller, and so are these defaults.
 */
export function meetingLimits({ MAX_ROSTER, MAX_AGENDA_ITEMS, MAX_MEETINGS_PER_TENANT }: Limits) {
  function checkSizes(
    roster: readonly unknown[] | undefined,
    agenda: readonly unknown[] | undefined,
  ) {
    if (roster && roster.length > MAX_ROSTER) {
      throw refusal('INVALID_SETUP', {
        detail: `the roster names ${String(roster.length)} people; at most ${String(MAX_ROSTER)}`,
      });
    }
    if (agenda && agenda.length > MAX_AGENDA_ITEMS) {
      throw refusal('INVALID_SETUP', {
        detail: `the agenda has ${String(agenda.length)} items; at most ${String(MAX_AGENDA_ITEMS)}`,
      });
    }
  }
  return {
    /** A new meeting: its setup's size, and room for one more meeting of the tenant. */
    admitNew(setup: MeetingSetup, meetingsOfTenant: number): void {
      checkSizes(setup.roster, setup.agenda);
      if (meetingsOfTenant >= MAX_MEETINGS_PER_TENANT) {
        throw refusal('MEETING_LIMIT_REACHED', { limit: MAX_MEETINGS_PER_TENANT });
      }
    },
    /** A command that revises the roster or the agenda. */
    admitCommand(command: WireCommand): void {
      if (command.type === 'ReviseRoster') checkSizes(command.roster, undefined);
      if (command.type === 'ReviseAgenda') checkSizes(undefined, command.agenda);
    },
  };
}
