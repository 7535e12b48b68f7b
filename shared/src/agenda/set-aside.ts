import type { AgendaItem } from '../agenda';
import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import { notInSession } from '../guards';
import { speechEnded } from '../speaking/decider';
import type { Meeting } from '../state';
import { isSetAside } from './progress';

/** An item of the agenda that the sitting may still take up. */
export function itemToTakeUp(meeting: Meeting, itemId: string): AgendaItem | Decision {
  const item = meeting.setup.agenda.find((i) => i.id === itemId);
  if (!item) return refuse('ITEM_NOT_FOUND', { item: itemId });
  if (isSetAside(meeting, itemId)) return refuse('ITEM_SET_ASIDE', { item: itemId });
  return item;
}

/** The chair jumps to any item still on the agenda; an open vote must be closed first. */
export function takeUpItem(meeting: Meeting, command: CommandOf<'TakeUpItem'>): Decision {
  const refusal = notInSession(meeting);
  if (refusal) return refusal;
  if (meeting.openVoteId) return refuse('VOTE_ALREADY_OPEN');
  const item = itemToTakeUp(meeting, command.itemId);
  if ('ok' in item) return item;
  return accept(...speechEnded(meeting, command), {
    type: 'ItemTakenUp',
    itemId: item.id,
    ...stamp(command),
  });
}

/** Withdrawn or postponed to a later sitting: never while a vote on the item is open. */
export function setAside(
  meeting: Meeting,
  command: CommandOf<'WithdrawItem' | 'PostponeItem'>,
): Decision {
  const refusal = notInSession(meeting);
  if (refusal) return refusal;
  const item = itemToTakeUp(meeting, command.itemId);
  if ('ok' in item) return item;
  const open = meeting.openVoteId ? meeting.votes[meeting.openVoteId] : undefined;
  if (open?.itemId === item.id) return refuse('VOTE_ALREADY_OPEN');
  const speech = meeting.currentItemId === item.id ? speechEnded(meeting, command) : [];
  const reason = command.reason === undefined ? {} : { reason: command.reason };
  return accept(...speech, {
    type: command.type === 'WithdrawItem' ? 'ItemWithdrawn' : 'ItemPostponed',
    itemId: item.id,
    ...reason,
    ...stamp(command),
  });
}
