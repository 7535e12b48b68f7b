import {
  articlesOf,
  listOf,
  ruleDescription,
  type Language,
  type Meeting,
  type WireCommand,
} from '@council/shared';
import type { Texts } from './i18n';

/** "convoquer …": what follows is why a remote sitting is remote, or where one in the room sits. */
export function conveneCommand(meeting: Meeting, rest: string): WireCommand {
  if (!rest) return { type: 'ConveneMeeting' };
  return meeting.setup.mode === 'in-person'
    ? { type: 'ConveneMeeting', place: rest }
    : { type: 'ConveneMeeting', reason: rest };
}

/** The director's answer: the convocation is on its way, and a warning with the rule if it is late. */
export function convenedText(t: Texts, meeting: Meeting, language: Language): string {
  const late = meeting.convocation?.late;
  if (!late) return t('convene.sent');
  const rule = meeting.profile.noticePeriod;
  const articles = articlesOf(language, { rule: 'noticePeriod', ...rule }, 'question');
  const warning = t('convene.late', {
    given: late.given,
    needed: late.needed,
    rule: ruleDescription(language, meeting.profile, 'noticePeriod'),
    articles: listOf(language, articles),
  });
  return `${t('convene.sent')}\n\n${warning}`;
}
