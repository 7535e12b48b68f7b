import type { AgendaItem } from '../agenda';
import { refuse, type Decision } from '../decision';
import type { RulesProfile, Subject } from '../profiles';

/**
 * A secret ballot is the exception to the public vote: it is held on the subjects the rules list
 * (CDLD L1122-27 and its equivalents), and on others only where `secretOtherwise` allows it.
 */
export function secretAllowed(profile: RulesProfile, subject: Subject): boolean {
  return profile.secretSubjects.value.includes(subject) || profile.secretOtherwise.value;
}

/** An agenda may not announce a secret ballot the rules would refuse to open. */
export function secretItemRefusal(
  agenda: readonly AgendaItem[],
  profile: RulesProfile,
): Decision | null {
  const item = agenda.find(
    (i) => i.expectedVote === 'secret' && !secretAllowed(profile, i.subject),
  );
  return item ? refuse('SECRET_ITEM_NOT_ALLOWED', { item: item.id }) : null;
}
