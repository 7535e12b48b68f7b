/**
 * Builds `appPackage/build/appPackage.<env>.zip`: fills the `${{VAR}}` placeholders of the manifest
 * and its localization files from the environment, checks the result offline, and zips it with the
 * icons. Every problem is collected and reported at once.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { fillJson, isSet, placeholdersIn, readEnvironment } from './environment';
import {
  ICON_RULES,
  MANIFEST_VERSION,
  danglingLocalizationKeys,
  domainProblems,
  iconProblems,
  isObject,
  loadSchemas,
  schemaProblems,
  type Json,
  type JsonObject,
} from './manifest-checks';

export interface PackageOptions {
  /** The repository root: appPackage/, env/ and node_modules/ are found under it. */
  readonly rootDir: string;
  /** The environment, as in env/.env.<env>. */
  readonly env: string;
  /** Values that win over the environment files (the command line passes process.env). */
  readonly overrides?: Readonly<Record<string, string | undefined>>;
  /** Where the zip goes; appPackage/build by default. */
  readonly outDir?: string;
}

export interface PackageResult {
  readonly zipPath: string;
  readonly manifest: JsonObject;
  /** The files in the zip, by their name in it. */
  readonly entries: readonly string[];
  /** Not wrong, but worth a look before publishing (placeholder publisher details). */
  readonly warnings: readonly string[];
}

export class PackageError extends Error {
  constructor(
    readonly env: string,
    readonly problems: readonly string[],
  ) {
    super(
      `The app package for "${env}" was not built:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'PackageError';
  }
}

/** Zip entries get this time, so the same inputs give the same bytes. */
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

export function buildAppPackage(options: PackageOptions): PackageResult {
  const { rootDir, env: envName } = options;
  const appDir = path.join(rootDir, 'appPackage');
  const fail = (problems: string[]): never => {
    throw new PackageError(envName, problems);
  };

  let environment;
  try {
    environment = readEnvironment(rootDir, envName, options.overrides);
  } catch (error) {
    return fail([error instanceof Error ? error.message : String(error)]);
  }
  const envFile = `env/.env.${envName}`;

  const readText = (relative: string): string | undefined => {
    const file = path.join(appDir, relative);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };

  const manifestText =
    readText('manifest.json') ?? fail(['appPackage/manifest.json does not exist']);
  let template: Json;
  try {
    template = JSON.parse(manifestText) as Json;
  } catch (error) {
    return fail([`appPackage/manifest.json is not JSON: ${(error as Error).message}`]);
  }
  if (!isObject(template)) return fail(['appPackage/manifest.json is not a JSON object']);

  // Which files the manifest names: the icons and the localization files travel with it.
  const localizationFiles = localizationFilesOf(template);
  const iconFiles = iconFilesOf(template);
  const problems: string[] = [];
  for (const relative of [...localizationFiles, ...Object.values(iconFiles)]) {
    if (!isPlainRelative(relative)) {
      problems.push(
        `appPackage/manifest.json names "${relative}": files must be beside the manifest`,
      );
    } else if (!existsSync(path.join(appDir, relative))) {
      problems.push(`appPackage/${relative} does not exist (named by appPackage/manifest.json)`);
    }
  }
  if (problems.length > 0) fail(problems);

  // Every placeholder must have a value before anything else is checked.
  const texts = new Map<string, string>([['manifest.json', manifestText]]);
  for (const file of localizationFiles) texts.set(file, readText(file) ?? '');
  const missing = new Map<string, string[]>();
  for (const [file, text] of texts) {
    for (const name of placeholdersIn(text)) {
      if (!isSet(environment.values, name)) missing.set(name, [...(missing.get(name) ?? []), file]);
    }
  }
  if (missing.size > 0) {
    fail([
      ...[...missing].map(
        ([name, files]) =>
          `${name} has no value in ${envFile} (used in ${files.map((f) => `appPackage/${f}`).join(', ')})`,
      ),
      `Set them in ${envFile}, or run "teamsapp provision --env ${envName}", which writes the ones its steps produce.`,
    ]);
  }

  const schemas = loadSchemas(rootDir);
  const filled = new Map<string, JsonObject>();
  for (const [file, text] of texts) {
    let document: Json;
    try {
      document = JSON.parse(fillJson(text, environment.values)) as Json;
    } catch (error) {
      problems.push(`appPackage/${file} is not JSON: ${(error as Error).message}`);
      continue;
    }
    if (isObject(document)) filled.set(file, document);
    else problems.push(`appPackage/${file} is not a JSON object`);
  }
  const manifest = filled.get('manifest.json') ?? fail(problems);

  if (manifest.manifestVersion !== MANIFEST_VERSION) {
    problems.push(
      `manifest.json: manifestVersion is ${JSON.stringify(manifest.manifestVersion)}, expected "${MANIFEST_VERSION}"`,
    );
  }
  if (
    typeof manifest.$schema !== 'string' ||
    !manifest.$schema.includes(`/v${MANIFEST_VERSION}/`)
  ) {
    problems.push(`manifest.json: $schema must be the v${MANIFEST_VERSION} schema`);
  }
  problems.push(...schemaProblems(schemas.manifest, manifest, 'manifest.json'));
  for (const file of localizationFiles) {
    const localization = filled.get(file);
    if (!localization) continue;
    problems.push(...schemaProblems(schemas.localization, localization, file));
    for (const key of danglingLocalizationKeys(manifest, localization)) {
      problems.push(`${file}: "${key}" names no text of the manifest`);
    }
  }
  for (const [kind, file] of Object.entries(iconFiles) as ['color' | 'outline', string][]) {
    problems.push(...iconProblems(file, readFileSync(path.join(appDir, file)), ICON_RULES[kind]));
  }
  problems.push(...domainProblems(manifest).map((problem) => `manifest.json: ${problem}`));
  if (problems.length > 0) fail(problems);

  const warnings = Object.entries(environment.values)
    .filter(
      ([name, value]) => name.startsWith('PUBLISHER_') && /example\.(org|com|net)\b/i.test(value),
    )
    .map(
      ([name, value]) =>
        `${name} is still a placeholder (${value}): set your own before publishing`,
    );

  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const add = (name: string, bytes: Uint8Array): void => {
    entries[name] = [bytes, { mtime: FIXED_TIME }];
  };
  add('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const file of Object.values(iconFiles)) add(file, readFileSync(path.join(appDir, file)));
  for (const [file, document] of filled) {
    if (file !== 'manifest.json') add(file, Buffer.from(`${JSON.stringify(document, null, 2)}\n`));
  }

  const outDir = options.outDir ?? path.join(appDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  writeFileSync(
    path.join(outDir, `manifest.${envName}.json`),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
  return { zipPath, manifest, entries: Object.keys(entries), warnings };
}

/** The language files: the default language's, if any, and each additional language's. */
function localizationFilesOf(manifest: JsonObject): string[] {
  const info = manifest.localizationInfo;
  if (!isObject(info)) return [];
  const files = typeof info.defaultLanguageFile === 'string' ? [info.defaultLanguageFile] : [];
  for (const language of Array.isArray(info.additionalLanguages) ? info.additionalLanguages : []) {
    if (isObject(language) && typeof language.file === 'string') files.push(language.file);
  }
  return files;
}

function iconFilesOf(manifest: JsonObject): Partial<Record<'color' | 'outline', string>> {
  const icons = isObject(manifest.icons) ? manifest.icons : {};
  const result: Partial<Record<'color' | 'outline', string>> = {};
  if (typeof icons.color === 'string') result.color = icons.color;
  if (typeof icons.outline === 'string') result.outline = icons.outline;
  return result;
}

/** A file name beside the manifest: no folder, no way out of appPackage/. */
function isPlainRelative(file: string): boolean {
  return (
    file !== '' && !file.includes('/') && !file.includes('\\') && file !== '.' && file !== '..'
  );
}
