import type { AgendaItem } from '../agenda';
import type { CommandContext } from '../commands';
import { accept, stamp, type Decision } from '../decision';
import type { Meeting } from '../state';

/**
 * An agenda revised once the council is convened goes out again as a supplementary agenda, naming
 * the items added and withdrawn; a revision that only rewords items is not a new convocation.
 */
export function withSupplement(
  meeting: Meeting,
  agenda: readonly AgendaItem[],
  command: CommandContext,
  decision: Decision,
): Decision {
  if (!decision.ok || !meeting.convocation) return decision;
  const before = new Set(meeting.setup.agenda.map((item) => item.id));
  const after = new Set(agenda.map((item) => item.id));
  const added = [...after].filter((id) => !before.has(id));
  const withdrawn = meeting.setup.agenda.filter((item) => !after.has(item.id));
  if (added.length === 0 && withdrawn.length === 0) return decision;
  return accept(...decision.events, {
    type: 'AgendaSupplemented',
    sending: meeting.convocation.sendings + 1,
    added,
    withdrawn: withdrawn.map((item) => item.id),
    withdrawnTitles: withdrawn.map((item) => item.title),
    ...stamp(command),
  });
}
