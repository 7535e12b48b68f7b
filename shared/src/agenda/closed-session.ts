import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import { notInSession } from '../guards';
import type { Meeting } from '../state';
import { openProcedure } from './procedure';
import { itemToTakeUp } from './set-aside';

/**
 * Behind closed doors: persons at once, as the chair pronounces it (CDLD L1122-21, NLC art. 94);
 * any other subject by two thirds of the members present (CDLD L1122-20, NLC art. 93), except
 * those the rules keep public (Brussels: the budget and the accounts).
 */
export function moveToClosedSession(
  meeting: Meeting,
  command: CommandOf<'MoveToClosedSession'>,
): Decision {
  const refusal = notInSession(meeting);
  if (refusal) return refusal;
  const itemId = command.itemId ?? meeting.currentItemId;
  if (!itemId) return refuse('NO_CURRENT_ITEM');
  const item = itemToTakeUp(meeting, itemId);
  if ('ok' in item) return item;
  if (item.session === 'closed') return refuse('ALREADY_CLOSED_SESSION', { item: item.id });
  const rule = meeting.profile.closedSession.value;
  if (rule.never.includes(item.subject)) {
    return refuse('CLOSED_SESSION_FORBIDDEN', { item: item.id });
  }
  if (rule.mandatory.includes(command.because ?? item.subject)) {
    return accept({
      type: 'SessionClosed',
      itemId: item.id,
      reason: 'mandatory',
      ...stamp(command),
    });
  }
  if (!rule.byTwoThirds) return refuse('CLOSED_SESSION_FORBIDDEN', { item: item.id });
  // Two thirds of the members present (CDLD L1122-20, NLC art. 93), not of the votes cast.
  const majority = { threshold: '2/3', base: 'membersPresent' } as const;
  return openProcedure(meeting, command, { kind: 'closedSession', itemId: item.id }, majority);
}
