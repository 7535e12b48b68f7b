import type { NoticePeriodRule } from '../profiles';
import { COUNCIL_TIME_ZONE } from '../time-zone';
import type { NoticeShortfall } from './types';

const DAY_MS = 86_400_000;
const calendar = new Intl.DateTimeFormat('en-CA', {
  timeZone: COUNCIL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day of an instant on the council's calendar, as a count of days. */
function dayOf(instant: string): number {
  return Math.round(Date.parse(`${calendar.format(new Date(instant))}T00:00:00Z`) / DAY_MS);
}

/**
 * How short of its notice period a convocation sent at `sentAt` falls for a sitting at `start`, or
 * null when it is in time. Days are the council's calendar days; clear days (jours francs, CDLD
 * L1122-13 and NLC art. 87) count neither the day it is sent nor the day of the sitting. A repeat
 * convocation after a sitting without quorum has its own, shorter period where the rule gives one.
 */
export function noticeShortfall(
  rule: NoticePeriodRule,
  sent: { readonly at: string; readonly convocation: number; readonly urgent: boolean },
  start: string,
): NoticeShortfall | null {
  if (sent.urgent && rule.urgency) return null;
  const needed = sent.convocation > 1 && rule.repeatDays !== null ? rule.repeatDays : rule.days;
  if (needed === null) return null;
  const between = dayOf(start) - dayOf(sent.at);
  const given = Math.max(0, rule.clear ? between - 1 : between);
  return given < needed ? { needed, given, clear: rule.clear } : null;
}
