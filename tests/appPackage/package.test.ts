import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { PackageError, buildAppPackage } from '../../scripts/teams/app-package';
import { colourIcon, outlineIcon } from '../../scripts/teams/icons';
import {
  PROVISIONED_DEV,
  ROOT,
  pngSize,
  projectCopy,
  readJson,
  removeTemporaryDirs,
  tempDir,
} from './helpers';

type Manifest = Record<string, unknown> & {
  manifestVersion: string;
  validDomains: string[];
  localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] };
  icons: { color: string; outline: string };
};

const schemaDir = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams/v1.30',
);

function compile(file: string) {
  // The schemas' patterns are JavaScript regular expressions without the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')) as object);
}

function packageFor(overrides: Record<string, string> = PROVISIONED_DEV, rootDir = ROOT) {
  const outDir = tempDir();
  const result = buildAppPackage({ rootDir, env: 'dev', overrides, outDir });
  const files = unzipSync(readFileSync(result.zipPath));
  const text = (name: string): string => Buffer.from(files[name] ?? []).toString('utf8');
  return { result, files, text, manifest: JSON.parse(text('manifest.json')) as Manifest };
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PackageError) return error.problems;
    throw error;
  }
  throw new Error('the package was built');
}

afterAll(removeTemporaryDirs);

describe('the app package, once provision has filled env/.env.dev', () => {
  const packaged = packageFor();

  test('holds the manifest, both icons and the French, Dutch and German texts', () => {
    expect(Object.keys(packaged.files).sort()).toEqual(
      ['color.png', 'de.json', 'fr.json', 'manifest.json', 'nl.json', 'outline.png'].sort(),
    );
    expect(packaged.result.zipPath).toMatch(/appPackage\.dev\.zip$/);
  });

  test('its manifest validates offline against the bundled v1.30 schema', () => {
    const validate = compile('MicrosoftTeams.schema.json');
    expect(packaged.manifest.manifestVersion).toBe('1.30');
    expect(validate(packaged.manifest) ? [] : validate.errors).toEqual([]);
  });

  test("and Teams Toolkit's own check (AppManifestUtils, its bundled schema, offline) agrees", () => {
    // In a child process: the package needs Node's require() of ES modules, which jest lacks.
    const file = path.join(tempDir(), 'manifest.json');
    writeFileSync(file, JSON.stringify(packaged.manifest));
    const check = [
      "const { AppManifestUtils } = require('@microsoft/app-manifest');",
      "const manifest = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));",
      'AppManifestUtils.validateAgainstSchema(manifest).then((e) => console.log(JSON.stringify(e)));',
    ].join('\n');
    const { status, stdout, stderr } = spawnSync(process.execPath, ['-e', check, file], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect({ status, stderr: stderr.replace(/^\(node:\d+\) .*\n(\(Use .*\n)?/gm, '') }).toEqual({
      status: 0,
      stderr: '',
    });
    expect(JSON.parse(stdout)).toEqual([]);
  });

  test('no placeholder is left in any file', () => {
    for (const name of ['manifest.json', 'fr.json', 'nl.json', 'de.json']) {
      expect(packaged.text(name)).not.toContain('${{');
    }
    expect(packaged.manifest.id).toBe(PROVISIONED_DEV.TEAMS_APP_ID);
  });

  test('each language file validates against the localization schema and names only manifest texts', () => {
    const validate = compile('MicrosoftTeams.Localization.schema.json');
    const languages = packaged.manifest.localizationInfo.additionalLanguages;
    expect(languages.map((l) => l.languageTag).sort()).toEqual(['de', 'fr', 'nl']);
    for (const { file } of languages) {
      const texts = JSON.parse(packaged.text(file)) as Record<string, string>;
      expect(validate(texts) ? [] : validate.errors).toEqual([]);
      // Every text a person reads is translated; command titles are the words the bot knows there.
      expect(
        Object.keys(texts)
          .filter((key) => key !== '$schema')
          .sort(),
      ).toEqual(translatableTexts(readJson('appPackage/manifest.json')).sort());
    }
  });

  test('the colour icon is 192 × 192 and the outline icon 32 × 32, white on transparent', () => {
    const colour = pngSize(packaged.files[packaged.manifest.icons.color] ?? new Uint8Array());
    const outline = pngSize(packaged.files[packaged.manifest.icons.outline] ?? new Uint8Array());
    expect([colour.width, colour.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colourType).toBe(6); // RGBA: the outline needs an alpha channel

    const pixels = PNG.sync.read(Buffer.from(packaged.files['outline.png'] ?? [])).data;
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      else if (pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255) white++;
    }
    expect(transparent + white).toBe(32 * 32);
    expect(white).toBeGreaterThan(100); // a drawing, not an empty square
    expect(transparent).toBeGreaterThan(100);
  });

  test('every URL of the manifest has its host in validDomains', () => {
    const urls: string[] = [];
    const walk = (node: unknown, key: string): void => {
      if (typeof node === 'string' && key !== '$schema' && node.includes('://')) urls.push(node);
      else if (Array.isArray(node)) {
        for (const item of node) walk(item, '');
      } else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) walk(v, k);
      }
    };
    walk(packaged.manifest, '');
    // The publisher's three pages, the tab's configuration page and the SSO resource.
    expect(urls.length).toBe(5);
    const domains = packaged.manifest.validDomains;
    for (const url of urls) {
      const host = new URL(url).hostname;
      const allowed = domains.some((d) =>
        d.startsWith('*.') ? host.endsWith(d.slice(1)) : host === d,
      );
      expect({ url, allowed }).toEqual({ url, allowed: true });
    }
  });

  test('the tab lives in meetings, the bot in meeting chats and 1:1, with SSO and the RSC permissions', () => {
    const m = packaged.manifest as unknown as {
      configurableTabs: { scopes: string[]; context: string[]; configurationUrl: string }[];
      bots: { botId: string; scopes: string[]; commandLists: { commands: unknown[] }[] }[];
      webApplicationInfo: { id: string; resource: string };
      authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
    };
    const [tab] = m.configurableTabs;
    expect(tab?.scopes).toEqual(['groupChat']);
    expect(tab?.context.sort()).toEqual(
      ['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'].sort(),
    );
    expect(tab?.configurationUrl).toBe(`${PROVISIONED_DEV.APP_ENDPOINT}/tab/config.html`);
    expect(m.bots[0]?.botId).toBe(PROVISIONED_DEV.BOT_ID);
    expect(m.bots[0]?.scopes.sort()).toEqual(['groupChat', 'personal']);
    expect(m.bots[0]?.commandLists.length).toBe(2);
    expect(m.webApplicationInfo).toEqual({
      id: PROVISIONED_DEV.AAD_APP_CLIENT_ID,
      resource: `api://${PROVISIONED_DEV.APP_DOMAIN}/${PROVISIONED_DEV.AAD_APP_CLIENT_ID}`,
    });
    expect(m.authorization.permissions.resourceSpecific).toEqual(
      expect.arrayContaining([
        { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
        { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
        { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
        { name: 'ChatMessage.Read.Chat', type: 'Application' },
        { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
        { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
        { name: 'ChannelMeetingParticipant.Read.Group', type: 'Application' },
        { name: 'ChannelMeetingNotification.Send.Group', type: 'Application' },
        { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
      ]),
    );
  });

  test('the same inputs give the same zip, byte for byte', () => {
    expect(readFileSync(packageFor().result.zipPath)).toEqual(
      readFileSync(packaged.result.zipPath),
    );
  });

  test('the placeholder publisher details are pointed out', () => {
    expect(packaged.result.warnings.join('\n')).toMatch(
      /PUBLISHER_PRIVACY_URL is still a placeholder/,
    );
  });
});

describe('packaging refuses, and says why', () => {
  test('a variable with no value is named, with the env file and the file that uses it', () => {
    const { TEAMS_APP_ID: _teamsAppId, ...withoutAppId } = PROVISIONED_DEV;
    const problems = problemsOf(() => packageFor(withoutAppId));
    expect(problems[0]).toBe(
      'TEAMS_APP_ID has no value in env/.env.dev (used in appPackage/manifest.json)',
    );
    expect(problems.at(-1)).toMatch(/teamsapp provision --env dev/);
  });

  test('before provision, every variable that provision writes is listed at once', () => {
    const problems = problemsOf(() => packageFor({}));
    for (const name of Object.keys(PROVISIONED_DEV)) {
      expect(problems.some((p) => p.startsWith(`${name} has no value`))).toBe(true);
    }
  });

  test('an environment that does not exist', () => {
    expect(
      problemsOf(() => buildAppPackage({ rootDir: ROOT, env: 'prod', outDir: tempDir() })),
    ).toEqual(['There is no environment "prod": env/.env.prod does not exist.']);
  });

  test('a manifest that breaks the schema, with the path of each fault', () => {
    const dir = projectCopy();
    const file = path.join(dir, 'appPackage', 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...manifest, accentColor: 'blue', meetingMode: true }));
    const problems = problemsOf(() => packageFor(PROVISIONED_DEV, dir));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest\.json: \/accentColor must match pattern/),
        'manifest.json: (top level) must NOT have additional properties "meetingMode"',
      ]),
    );
  });

  test('an id that is not a GUID', () => {
    const problems = problemsOf(() => packageFor({ ...PROVISIONED_DEV, BOT_ID: 'my-bot' }));
    expect(problems).toEqual([
      expect.stringMatching(/^manifest\.json: \/bots\/0\/botId must match pattern/),
    ]);
  });

  test('a URL whose host is not in validDomains, or that is not https', () => {
    const problems = problemsOf(() =>
      packageFor({
        ...PROVISIONED_DEV,
        PUBLISHER_PRIVACY_URL: 'https://privacy.elsewhere.example/council',
        APP_ENDPOINT: 'http://council1a2b3c.azurewebsites.net',
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /\/developer\/privacyUrl: the host of .* \(privacy\.elsewhere\.example\) is not in validDomains/,
        ),
        expect.stringMatching(/\/configurableTabs\/0\/configurationUrl: .* must use https/),
      ]),
    );
  });

  test('a language file that translates a text the manifest does not have', () => {
    const dir = projectCopy();
    const file = path.join(dir, 'appPackage', 'fr.json');
    const texts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    texts['bots[0].commandLists[0].commands[10].description'] = 'Voter';
    writeFileSync(file, JSON.stringify(texts));
    expect(problemsOf(() => packageFor(PROVISIONED_DEV, dir))).toEqual([
      'fr.json: "bots[0].commandLists[0].commands[10].description" names no text of the manifest',
    ]);
  });

  test('a language file that is not JSON', () => {
    const dir = projectCopy();
    writeFileSync(path.join(dir, 'appPackage', 'de.json'), '{ "name.short": "Ratssitzung", }');
    expect(problemsOf(() => packageFor(PROVISIONED_DEV, dir))).toEqual([
      expect.stringMatching(/^appPackage\/de\.json is not JSON: /),
    ]);
  });

  test('an outline icon that is not a 32 × 32 white outline', () => {
    const dir = projectCopy();
    writeFileSync(path.join(dir, 'appPackage', 'outline.png'), colourIcon());
    expect(problemsOf(() => packageFor(PROVISIONED_DEV, dir))).toEqual([
      'outline.png: 192×192 pixels, must be 32×32',
      expect.stringMatching(/^outline\.png: \d+ pixels are not white/),
      'outline.png: no transparent pixel (the background must be transparent)',
    ]);
  });
});

describe('npm run package', () => {
  const run = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/package.ts', ...args],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...env },
      },
    );

  test('exits 1 and lists the missing variables, writing nothing', () => {
    const out = tempDir();
    const { status, stderr } = run({}, '--env', 'dev', '--out', out);
    expect(status).toBe(1);
    expect(stderr).toContain('The app package for "dev" was not built:');
    expect(stderr).toContain(
      '  - TEAMS_APP_ID has no value in env/.env.dev (used in appPackage/manifest.json)',
    );
  });

  test('writes appPackage.<env>.zip when every variable has a value', () => {
    const out = tempDir();
    const { status, stdout, stderr } = run(PROVISIONED_DEV, '--env', 'dev', '--out', out);
    expect({ status, stderr: stderr.replace(/^warning: .*\n/gm, '') }).toEqual({
      status: 0,
      stderr: '',
    });
    expect(stdout).toContain(
      'appPackage.dev.zip: manifest.json, color.png, outline.png, fr.json, nl.json, de.json',
    );
    expect(Object.keys(unzipSync(readFileSync(path.join(out, 'appPackage.dev.zip'))))).toContain(
      'manifest.json',
    );
  });
});

test('the committed icons are the ones `npm run icons` draws', () => {
  expect(readFileSync(path.join(ROOT, 'appPackage/color.png'))).toEqual(colourIcon());
  expect(readFileSync(path.join(ROOT, 'appPackage/outline.png'))).toEqual(outlineIcon());
});

/** The localization keys of the manifest's texts: names, descriptions, features, bot commands. */
function translatableTexts(manifest: unknown): string[] {
  const m = manifest as {
    description: { features: unknown[] };
    bots: { commandLists: { commands: unknown[] }[] }[];
  };
  return [
    'name.short',
    'name.full',
    'description.short',
    'description.full',
    ...m.description.features.flatMap((_, i) => [
      `description.features[${i}].title`,
      `description.features[${i}].description`,
    ]),
    ...m.bots.flatMap((bot, b) =>
      bot.commandLists.flatMap((list, l) =>
        list.commands.flatMap((_, c) => [
          `bots[${b}].commandLists[${l}].commands[${c}].title`,
          `bots[${b}].commandLists[${l}].commands[${c}].description`,
        ]),
      ),
    ),
  ];
}
