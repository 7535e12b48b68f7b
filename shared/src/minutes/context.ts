import type { ItemId } from '../agenda';
import type { Member, MemberId } from '../roster';
import type { Meeting, TellersCeremony, Vote } from '../state';
import { sealingCeremony } from '../tellers/sealing-ceremony';
import { fill } from '../template';
import type { Reader } from '../visibility';
import type { MinutesWords, Plural } from './catalog';

/** A paragraph, a labelled line, a list: what the minutes say, laid out by whoever renders them. */
export type MinutesBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | {
      readonly kind: 'paragraph';
      readonly text: string;
      /** Printed before the text, set apart (bold), as "Present (30): …". */
      readonly label?: string;
      readonly tone?: 'quote' | 'note' | 'decision';
    }
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'signatures';
      /** How the sitting ended, or where a draft stands: kept on the page of the signatures. */
      readonly closing: string;
      readonly intro: string;
      readonly approval: string;
      readonly signatories: readonly { readonly role: string; readonly name: string }[];
    };

/** What every part of the minutes needs: the words, the meeting as the reader may see it, and clocks. */
export interface Context {
  readonly words: MinutesWords;
  readonly reader: Reader;
  /** The meeting as this reader may see it (`meetingFor`). */
  readonly meeting: Meeting;
  readonly time: (iso: string) => string;
  readonly date: (iso: string) => string;
  readonly name: (member: MemberId) => string;
  /** The ceremony that sealed a secret vote, named in every reader's minutes (the public's too). */
  readonly sealedBy: (vote: Vote) => TellersCeremony | undefined;
  /** A member as the attendance and the signatures name them: title, name and office. */
  readonly person: (member: Member) => string;
  /** The office the roster gives a member, agreed with their gender; null when none is given. */
  readonly office: (member: Member) => string | null;
  /** A phrase in the number `n` asks for, filled with `n` and `params`. */
  readonly count: (
    forms: Plural,
    n: number,
    params?: Readonly<Record<string, string | number>>,
  ) => string;
  /** The item's number on the convocation's agenda. */
  readonly itemNumber: (itemId: ItemId) => number;
  readonly fill: (template: string, params?: Readonly<Record<string, string | number>>) => string;
  /** The service's public address, when known: the minutes then name the files they point at. */
  readonly origin: string | undefined;
}

export function contextOf(
  words: MinutesWords,
  full: Meeting,
  seen: Meeting,
  reader: Reader,
  timeZone: string,
  origin?: string,
): Context {
  const time = new Intl.DateTimeFormat(words.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const date = new Intl.DateTimeFormat(words.locale, { dateStyle: 'full', timeZone });
  const names = new Map(full.setup.roster.map((member) => [member.id, member.name]));
  const plural = new Intl.PluralRules(words.locale);
  const office = (member: Member) =>
    member.function ? words.functions[member.function][member.gender ?? 'neutral'] : null;
  const numbers = new Map(full.setup.agenda.map((item, index) => [item.id, index + 1]));
  return {
    words,
    reader,
    meeting: seen,
    time: (iso) => time.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    name: (member) => names.get(member) ?? member,
    sealedBy: (vote) => sealingCeremony(full, vote),
    person: (member) => {
      const held = office(member);
      // Without an office on the roster, the free title stays where the roster put it.
      if (!held) return [member.name, member.title].filter(Boolean).join(', ');
      return `${[member.title, member.name].filter(Boolean).join(' ')}, ${held}`;
    },
    office,
    count: (forms, n, params = {}) =>
      fill(plural.select(n) === 'one' ? forms.one : forms.other, { n, ...params }),
    itemNumber: (itemId) => numbers.get(itemId) ?? 0,
    fill,
    origin,
  };
}

export const heading = (level: 1 | 2 | 3, text: string): MinutesBlock => ({
  kind: 'heading',
  level,
  text,
});

export function paragraph(
  text: string,
  options: { label?: string; tone?: 'quote' | 'note' | 'decision' } = {},
): MinutesBlock {
  return { kind: 'paragraph', text, ...options };
}
