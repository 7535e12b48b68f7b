import type { Wording } from '../errors';
import { languages } from '../language';
import { SYSTEM, type Member, type MemberId } from '../roster';

/** The meeting service where it is a trustee, as a person reads it among the tellers. */
export const serviceTrusteeWords: Wording = {
  fr: 'le service de la réunion (clé hors de la base de données)',
  nl: 'de vergaderdienst (sleutel buiten de databank)',
  de: 'der Sitzungsdienst (Schlüssel außerhalb der Datenbank)',
  en: 'the meeting service (key outside the database)',
};

/**
 * Trustees named for an error's detail, as the roster names them: one string where they are all
 * persons, and words in each language where the service is among them.
 */
export function trusteesNamed(
  roster: readonly Member[],
  trustees: readonly MemberId[],
): string | Wording {
  const names = new Map(roster.map((m) => [m.id, m.name]));
  const named = (words: string) =>
    trustees
      .map((member) => (member === SYSTEM ? words : (names.get(member) ?? member)))
      .join(', ');
  if (!trustees.includes(SYSTEM)) return named('');
  return Object.fromEntries(
    languages.map((language) => [language, named(serviceTrusteeWords[language])]),
  ) as Wording;
}
