import type { DomainError, Meeting, WireCommand } from '@council/shared';
import { isPersonsWord, type TextCommand } from './text-commands';

export type AgendaText = Extract<TextCommand, 'item' | 'withdraw' | 'postpone' | 'closedsession'>;

const REASON_MAX = 1_000;

/** The item the chair names by its number on the agenda ("point 3"), with what follows it. */
function numbered(meeting: Meeting, rest: string) {
  const [first = '', ...others] = rest.split(/\s+/);
  const n = /^\d{1,4}$/.test(first) ? Number(first) : null;
  const item = n === null ? undefined : meeting.setup.agenda[n - 1];
  return { first, item, after: (n === null ? rest : others.join(' ')).trim() };
}

/**
 * The chair's agenda commands in the chat: "item 3" takes item 3 up, "withdraw 3 …" and
 * "postpone 3 …" set it aside with the reason that follows, "closedsession [3] [persons]" moves
 * it behind closed doors (at once when persons are discussed, else by the council's vote).
 */
export function agendaCommandOf(
  command: AgendaText,
  rest: string,
  meeting: Meeting,
): WireCommand | DomainError {
  const { first, item, after } = numbered(meeting, rest);
  if (command === 'closedsession') {
    const persons = isPersonsWord(after) ? { because: 'person' as const } : {};
    if (!first || isPersonsWord(first)) {
      return isPersonsWord(first)
        ? { type: 'MoveToClosedSession', because: 'person' }
        : { type: 'MoveToClosedSession' };
    }
    if (!item) return { code: 'ITEM_NOT_FOUND', params: { item: first.slice(0, 20) } };
    return { type: 'MoveToClosedSession', itemId: item.id, ...persons };
  }
  if (!item) return { code: 'ITEM_NOT_FOUND', params: { item: first.slice(0, 20) || '?' } };
  if (command === 'item') return { type: 'TakeUpItem', itemId: item.id };
  const reason = after ? { reason: after.slice(0, REASON_MAX) } : {};
  return command === 'withdraw'
    ? { type: 'WithdrawItem', itemId: item.id, ...reason }
    : { type: 'PostponeItem', itemId: item.id, ...reason };
}
