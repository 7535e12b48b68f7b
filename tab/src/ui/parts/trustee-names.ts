import { SYSTEM, serviceTrusteeWords, type Language, type Meeting } from '@council/shared';
import { memberName } from '../../meeting';

/** A trustee as a person reads it: a member by their name, the meeting service in words. */
export function trusteeName(meeting: Meeting, trustee: string, language: Language): string {
  return trustee === SYSTEM ? serviceTrusteeWords[language] : memberName(meeting, trustee);
}

/** "Ana Peeters, Bram Claes and the meeting service (…)"; "… or …" where any of them will do. */
export function trusteeNames(
  meeting: Meeting,
  trustees: readonly string[],
  language: Language,
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  return new Intl.ListFormat(language, { type }).format(
    trustees.map((trustee) => trusteeName(meeting, trustee, language)),
  );
}
