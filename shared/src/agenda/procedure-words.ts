import type { Language } from '../language';
import type { Procedure } from './procedure';

/**
 * What a procedural vote decides, as the minutes record it and the tab shows it; kept apart from the
 * minutes' catalogue so the tab can name the vote without downloading every word of the minutes.
 */
export const procedureVoteWords: Readonly<
  Record<Language, Readonly<Record<Procedure['kind'], string>>>
> = {
  fr: { closedSession: 'Vote sur le huis clos', urgency: 'Vote sur l’urgence' },
  nl: {
    closedSession: 'Stemming over de besloten zitting',
    urgency: 'Stemming over de dringendheid',
  },
  de: {
    closedSession: 'Abstimmung über die nichtöffentliche Sitzung',
    urgency: 'Abstimmung über die Dringlichkeit',
  },
  en: { closedSession: 'Vote on closed session', urgency: 'Vote on urgency' },
};

/** Between a label and its text: French typography spaces the colon. */
export const labelSeparators: Readonly<Record<Language, string>> = {
  fr: ' : ',
  nl: ': ',
  de: ': ',
  en: ': ',
};
