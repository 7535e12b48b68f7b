import type { AgendaItem } from '../agenda';
import type { Language } from '../language';

/**
 * An item's title in the reader's language, else in the meeting's: a commune may write its agenda
 * in its own language only, and the setup's rules make sure every item has that one.
 */
export function titleIn(
  item: Pick<AgendaItem, 'title'>,
  language: Language,
  meetingLanguage: Language,
): string {
  return item.title[language] ?? item.title[meetingLanguage] ?? '';
}
