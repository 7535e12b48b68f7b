import type { Language } from '../language';
import type { Threshold, ThresholdBase } from '../profiles';
import { fill } from '../template';
import type { VoteResult } from './result';

type Countable = Readonly<{ one: string; many: string }>;

interface MajorityWords {
  readonly majority: Readonly<Record<Threshold, string>>;
  readonly of: Readonly<Record<ThresholdBase, string>>;
  /** `{majority}`, then the votes needed and the number counted on. */
  readonly sentence: string;
  readonly votes: Countable;
  readonly counted: Readonly<Record<ThresholdBase, Countable>>;
}

const words: Readonly<Record<Language, MajorityWords>> = {
  fr: {
    majority: {
      '1/2': 'majorité absolue',
      '2/3': 'majorité des deux tiers',
      '3/4': 'majorité des trois quarts',
    },
    of: {
      votesCast: 'des suffrages exprimés',
      membersPresent: 'des membres présents',
      membersInOffice: 'des membres en fonction',
    },
    sentence: '{majority} : {needed} {votes} sur {count} {counted}',
    votes: { one: 'voix requise', many: 'voix requises' },
    counted: {
      votesCast: { one: 'suffrage exprimé', many: 'suffrages exprimés' },
      membersPresent: { one: 'présent', many: 'présents' },
      membersInOffice: { one: 'membre en fonction', many: 'membres en fonction' },
    },
  },
  nl: {
    majority: {
      '1/2': 'volstrekte meerderheid',
      '2/3': 'tweederdemeerderheid',
      '3/4': 'driekwartmeerderheid',
    },
    of: {
      votesCast: 'van de uitgebrachte stemmen',
      membersPresent: 'van de aanwezige leden',
      membersInOffice: 'van de zittende leden',
    },
    sentence: '{majority}: {needed} {votes} op {count} {counted}',
    votes: { one: 'stem vereist', many: 'stemmen vereist' },
    counted: {
      votesCast: { one: 'uitgebrachte stem', many: 'uitgebrachte stemmen' },
      membersPresent: { one: 'aanwezige', many: 'aanwezigen' },
      membersInOffice: { one: 'zittend lid', many: 'zittende leden' },
    },
  },
  de: {
    majority: {
      '1/2': 'absolute Mehrheit',
      '2/3': 'Zweidrittelmehrheit',
      '3/4': 'Dreiviertelmehrheit',
    },
    of: {
      votesCast: 'der abgegebenen Stimmen',
      membersPresent: 'der anwesenden Mitglieder',
      membersInOffice: 'der amtierenden Mitglieder',
    },
    sentence: '{majority}: {needed} {votes} von {count} {counted}',
    votes: { one: 'Stimme erforderlich', many: 'Stimmen erforderlich' },
    counted: {
      votesCast: { one: 'abgegebenen Stimme', many: 'abgegebenen Stimmen' },
      membersPresent: { one: 'Anwesenden', many: 'Anwesenden' },
      membersInOffice: { one: 'amtierenden Mitglied', many: 'amtierenden Mitgliedern' },
    },
  },
  en: {
    majority: {
      '1/2': 'absolute majority',
      '2/3': 'two-thirds majority',
      '3/4': 'three-quarters majority',
    },
    of: {
      votesCast: 'of the votes cast',
      membersPresent: 'of the members present',
      membersInOffice: 'of the members in office',
    },
    sentence: '{majority}: {needed} {votes} of {count} {counted}',
    votes: { one: 'vote needed', many: 'votes needed' },
    counted: {
      votesCast: { one: 'vote cast', many: 'votes cast' },
      membersPresent: { one: 'present', many: 'present' },
      membersInOffice: { one: 'member in office', many: 'members in office' },
    },
  },
};

const counted = (n: number, forms: Countable) => (n === 1 ? forms.one : forms.many);

/** "majorité des deux tiers des membres présents": what a vote requires, as the chair picks it. */
export function majorityName(
  threshold: Threshold,
  base: ThresholdBase,
  language: Language,
): string {
  const w = words[language];
  return `${w.majority[threshold]} ${w.of[base]}`;
}

/** A plain majority of votes cast is today's wording; any other says its base in words. */
export function isPlainMajority(threshold: Threshold, base: ThresholdBase): boolean {
  return threshold === '1/2' && base === 'votesCast';
}

/** "majorité des deux tiers des membres présents : 14 voix requises sur 20 présents". */
export function majorityInWords(
  threshold: Threshold,
  result: Pick<VoteResult, 'needed' | 'base' | 'baseCount'>,
  language: Language,
): string {
  const w = words[language];
  return fill(w.sentence, {
    majority: majorityName(threshold, result.base, language),
    needed: result.needed,
    votes: counted(result.needed, w.votes),
    count: result.baseCount,
    counted: counted(result.baseCount, w.counted[result.base]),
  });
}
