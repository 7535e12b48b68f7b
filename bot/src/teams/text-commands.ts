import {
  languages,
  thresholdBases,
  thresholds,
  type CommandType,
  type Threshold,
  type ThresholdBase,
} from '@council/shared';
import { catalogs, type TextKey } from './i18n';

/** What a member may write to the bot; `help` lists them, in their language. */
export const textCommands = [
  'help',
  'agenda',
  'queue',
  'results',
  'meetings',
  'link',
  'unlink',
  'open',
  'next',
  'item',
  'withdraw',
  'postpone',
  'closedsession',
  'rollcall',
  'present',
  'conflict',
  'motion',
  'vote',
  'close',
  'adjourn',
  'previous',
  'excuse',
  'floor',
  'end',
  'publish',
  'runoff',
  'suspend',
  'resume',
  'minutes',
  'convene',
] as const;

export type TextCommand = (typeof textCommands)[number];

/** Commands of the personal chat; the others belong in the meeting chat. */
export const personalCommands: readonly TextCommand[] = ['help', 'meetings', 'results', 'minutes'];

/** A second word some commands answer to in each language ("pv" and "procès-verbal"). */
export const commandAliases = { minutes: 'word.minutesAlias' } as const satisfies Partial<
  Record<TextCommand, TextKey>
>;

const normal = (word: string) => word.normalize('NFC').toLocaleLowerCase();

/** Every command answers to its English word and to its word in each catalogue. */
const words = new Map<string, TextCommand>(
  textCommands.flatMap((command) => [
    [command, command] as const,
    ...languages.map((l) => [normal(catalogs[l][`word.${command}`]), command] as const),
  ]),
);
for (const [command, key] of Object.entries(commandAliases)) {
  for (const l of languages) words.set(normal(catalogs[l][key]), command as TextCommand);
}

const secretWords = new Set([
  'secret',
  ...languages.map((l) => normal(catalogs[l]['word.secret'])),
]);

const personsWords = new Set([
  'persons',
  ...languages.map((l) => normal(catalogs[l]['word.persons'])),
]);

export interface ParsedText {
  readonly command: TextCommand | null;
  /** What follows the command word (a motion's text, a meeting id), as written. */
  readonly rest: string;
  readonly text: string;
}

/** The most words a command's name takes ("donner la parole", "zweiter Wahlgang"). */
const LONGEST_NAME = Math.max(...[...words.keys()].map((word) => word.split(' ').length));

export function parseText(raw: string | undefined): ParsedText {
  const text = (raw ?? '').trim();
  const said = text.split(/\s+/);
  for (let count = Math.min(LONGEST_NAME, said.length); count > 0; count--) {
    const name = said.slice(0, count).join(' ');
    const command = words.get(normal(name.replace(/^\//, '')));
    if (command) return { command, rest: rest(text, count), text };
  }
  return { command: null, rest: rest(text, 1), text };
}

/** What follows the first `count` words, as written. */
function rest(text: string, count: number): string {
  return text.replace(new RegExp(`^(\\S+\\s*){0,${String(count)}}`), '').trim();
}

/** The command a text command issues, for `help` to list only what the reader may do. */
export const issues: Partial<Record<TextCommand, CommandType>> = {
  open: 'OpenMeeting',
  next: 'NextItem',
  item: 'TakeUpItem',
  withdraw: 'WithdrawItem',
  postpone: 'PostponeItem',
  closedsession: 'MoveToClosedSession',
  rollcall: 'OpenRollCall',
  present: 'CheckIn',
  conflict: 'DeclareConflict',
  motion: 'ProposeMotion',
  vote: 'OpenVote',
  close: 'CloseVote',
  adjourn: 'CloseMeeting',
  previous: 'PreviousItem',
  excuse: 'ExcuseMember',
  floor: 'GiveFloor',
  end: 'EndSpeech',
  publish: 'PublishResult',
  runoff: 'OpenVote',
  suspend: 'SuspendSitting',
  resume: 'ResumeSitting',
  convene: 'ConveneMeeting',
};

export function isSecretWord(word: string): boolean {
  return secretWords.has(normal(word.trim()));
}

/** Accents, case and a plural "s" aside: "présents" and "Presents" are "present". */
const bare = (word: string) =>
  normal(word)
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/s$/, '');

const baseWords = new Map<string, ThresholdBase>(
  thresholdBases.flatMap((base) =>
    languages.map((l) => [bare(catalogs[l][`word.${base}`]), base] as const),
  ),
);

/** What follows `vote`: "secret", a majority ("2/3") and its base ("présents", "en fonction"). */
export type VoteWords = { secret?: true; threshold?: Threshold; base?: ThresholdBase } | null;

export function parseVoteWords(rest: string): VoteWords {
  const words: { secret?: true; threshold?: Threshold; base?: ThresholdBase } = {};
  const others: string[] = [];
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const threshold = thresholds.find((th) => th === word);
    if (isSecretWord(word)) words.secret = true;
    else if (threshold) words.threshold = threshold;
    else others.push(word);
  }
  if (others.length === 0) return words;
  const base = baseWords.get(bare(others.join(' ')));
  return base ? { ...words, base } : null;
}

/** "huisclos personnes": the chair says persons are discussed, which closes the sitting at once. */
export function isPersonsWord(word: string): boolean {
  return personsWords.has(normal(word.trim()));
}
