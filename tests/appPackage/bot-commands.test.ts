import { languages } from '../../shared/src';
import { catalogs } from '../../bot/src/teams/i18n';
import { parseText, personalCommands } from '../../bot/src/teams/text-commands';
import { readJson } from './helpers';

interface CommandList {
  readonly scopes: readonly string[];
  readonly commands: readonly { readonly title: string; readonly description: string }[];
}

const manifest = readJson('appPackage/manifest.json') as {
  bots: { commandLists: CommandList[] }[];
};
const lists = manifest.bots[0]?.commandLists ?? [];
const listFor = (scope: string) => lists.find((list) => list.scopes.includes(scope));
const languageFiles = ['fr', 'nl', 'de'] as const;
const textsOf = (language: string) =>
  readJson(`appPackage/${language}.json`) as Record<string, string | undefined>;

/** The command the bot hears in a title, in any of its languages; null if it hears none. */
const heard = (title: string) => parseText(title).command;

describe('the bot’s command menus in the manifest', () => {
  test('every command listed is one the bot parses, in the meeting chat and the personal chat', () => {
    for (const list of lists) {
      for (const { title } of list.commands)
        expect({ title, command: heard(title) }).toEqual({
          title,
          command: title,
        });
    }
  });

  test('the personal menu lists exactly the personal chat’s commands', () => {
    const personal = listFor('personal')?.commands.map((c) => c.title) ?? [];
    expect(personal.sort()).toEqual([...personalCommands].sort());
  });

  test('each menu keeps to the ten commands Teams shows (the v1.30 schema allows twelve)', () => {
    for (const list of lists) expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  test.each(languageFiles)(
    'in %s, each title is the word the bot knows for the same command, and each is described',
    (language) => {
      const texts = textsOf(language);
      lists.forEach((list, l) => {
        list.commands.forEach(({ title }, c) => {
          const key = `bots[0].commandLists[${l}].commands[${c}]`;
          const localized = texts[`${key}.title`] ?? '';
          expect({ key, command: heard(localized) }).toEqual({ key, command: title });
          expect(localized).toBe(catalogs[language][`word.${heard(title) ?? 'help'}`]);
          expect(texts[`${key}.description`]).toEqual(expect.any(String));
        });
      });
    },
  );

  test('the bot’s languages are the manifest’s and English', () => {
    expect([...languages].sort()).toEqual([...languageFiles, 'en'].sort());
  });
});
