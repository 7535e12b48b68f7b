import { languages } from '../../../shared/src';
import { catalogs, textsFor } from '../../../bot/src/teams/i18n';
import { en } from '../../../bot/src/teams/locales/en';
import {
  commandAliases,
  isSecretWord,
  parseText,
  parseVoteWords,
  textCommands,
} from '../../../bot/src/teams/text-commands';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the bot’s words in four languages', () => {
  test.each(languages)(
    'the %s catalogue has every text, with the same placeholders as English',
    (language) => {
      const catalog = catalogs[language];
      for (const [key, english] of Object.entries(en)) {
        const text = catalog[key as keyof typeof en];
        expect({ key, text: text.trim().length > 0 }).toEqual({ key, text: true });
        expect({ key, placeholders: placeholders(text) }).toEqual({
          key,
          placeholders: placeholders(english),
        });
      }
    },
  );

  test('i18next fills in the placeholders', () => {
    expect(textsFor('nl')('vote.participation', { count: 31, eligible: 47 })).toBe(
      '31 van 47 hebben gestemd',
    );
    expect(textsFor('de')('vote.participation', { count: 31, eligible: 47 })).toBe(
      '31 von 47 haben abgestimmt',
    );
  });

  test('a count agrees in number: one has voted, 0 and 1 are singular in French', () => {
    const fr = textsFor('fr');
    expect(fr('vote.participation', { count: 1, eligible: 47 })).toBe('1 sur 47 a voté');
    expect(fr('vote.participation', { count: 0, eligible: 47 })).toBe('0 sur 47 a voté');
    expect(fr('vote.participation', { count: 2, eligible: 47 })).toBe('2 sur 47 ont voté');
    expect(fr('result.void', { count: 1, needed: 5 })).toBe(
      'Vote nul faute de quorum (1 présent, 5 requis)',
    );
    expect(textsFor('en')('vote.participation', { count: 1, eligible: 47 })).toBe(
      '1 of 47 has voted',
    );
  });

  test('every text command answers to its word in each language, and no word names two commands', () => {
    const seen = new Map<string, string>();
    for (const command of textCommands) {
      for (const language of languages) {
        const word = catalogs[language][`word.${command}`];
        expect({ word, command: parseText(word).command }).toEqual({ word, command });
        const other = seen.get(word.toLowerCase());
        expect({ word, command: other ?? command }).toEqual({ word, command });
        seen.set(word.toLowerCase(), command);
      }
      expect(parseText(command).command).toBe(command);
    }
  });

  test('the minutes answer to a second word in each language: "pv" and "procès-verbal" in French', () => {
    for (const word of [
      'pv',
      'procès-verbal',
      'PV',
      'notulen',
      'verslag',
      'protokoll',
      'minutes',
    ]) {
      expect({ word, command: parseText(word).command }).toEqual({ word, command: 'minutes' });
    }
    const others = textCommands
      .filter((command) => command !== 'minutes')
      .flatMap((command) => languages.map((l) => catalogs[l][`word.${command}`].toLowerCase()));
    for (const language of languages) {
      const alias = catalogs[language][commandAliases.minutes];
      expect({ alias, taken: others.includes(alias.toLowerCase()) }).toEqual({
        alias,
        taken: false,
      });
    }
  });

  test('a motion’s text is kept as written after the command word', () => {
    expect(parseText('  Motie  Keep the  post office\nopen ')).toEqual({
      command: 'motion',
      rest: 'Keep the  post office\nopen',
      text: 'Motie  Keep the  post office\nopen',
    });
    expect(parseText('PRÉSENT').command).toBe('present');
    expect(parseText('what?').command).toBeNull();
  });

  test('"secret" is understood in every language', () => {
    for (const word of ['secret', 'geheim', 'Secret']) expect(isSecretWord(word)).toBe(true);
    expect(isSecretWord('named')).toBe(false);
  });

  test.each([
    ['2/3 présents', { threshold: '2/3', base: 'membersPresent' }],
    ['2/3 Presents', { threshold: '2/3', base: 'membersPresent' }],
    ['3/4 aanwezig', { threshold: '3/4', base: 'membersPresent' }],
    ['geheim 2/3 anwesend', { secret: true, threshold: '2/3', base: 'membersPresent' }],
    ['2/3 en fonction', { threshold: '2/3', base: 'membersInOffice' }],
    ['3/4 zittend', { threshold: '3/4', base: 'membersInOffice' }],
    ['2/3 amtierend', { threshold: '2/3', base: 'membersInOffice' }],
    ['2/3 in office', { threshold: '2/3', base: 'membersInOffice' }],
    ['2/3 exprimés', { threshold: '2/3', base: 'votesCast' }],
    ['2/3 uitgebracht', { threshold: '2/3', base: 'votesCast' }],
    ['3/4 abgegeben', { threshold: '3/4', base: 'votesCast' }],
    ['secret', { secret: true }],
    ['', {}],
  ])('"vote %s" carries a majority and its base in any language', (rest, words) => {
    expect(parseVoteWords(rest)).toEqual(words);
  });

  test.each(['2/5 présents', '2/3 presque', 'nominatif'])(
    '"vote %s" is not understood, rather than opened on another majority',
    (rest) => {
      expect(parseVoteWords(rest)).toBeNull();
    },
  );
});
