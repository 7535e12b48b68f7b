/**
 * Offline checks of a filled-in Teams app manifest: the JSON schemas that @microsoft/app-manifest
 * bundles (the app manifest v1.30 and its localization file), the icons, and the rule that every
 * URL's host is one of the manifest's validDomains.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';

export const MANIFEST_VERSION = '1.30';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Schemas {
  readonly manifest: ValidateFunction;
  readonly localization: ValidateFunction;
  /** Where the schemas were read from, for messages. */
  readonly source: string;
}

/** The v1.30 schemas bundled in @microsoft/app-manifest, resolved from `rootDir`'s node_modules. */
export function loadSchemas(rootDir: string): Schemas {
  const require = createRequire(path.join(rootDir, 'package.json'));
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const dir = path.join(packageDir, 'build', 'json-schemas', 'teams', `v${MANIFEST_VERSION}`);
  const read = (file: string): object =>
    JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as object;
  // The schemas' patterns are written for JavaScript regular expressions without the `u` flag
  // (the localization schema has a bare "]", which `u` rejects), so Ajv must not add it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return {
    manifest: ajv.compile(read('MicrosoftTeams.schema.json')),
    localization: ajv.compile(read('MicrosoftTeams.Localization.schema.json')),
    source: path.relative(rootDir, dir),
  };
}

export function schemaProblems(
  validate: ValidateFunction,
  document: unknown,
  label: string,
): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${label}: ${describe(error)}`);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties'
      ? ` "${String(params.additionalProperty)}"`
      : error.keyword === 'enum'
        ? `: ${JSON.stringify(params.allowedValues)}`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string of the document that is a URL, with its JSON pointer; the root `$schema` aside. */
export function urlsIn(document: Json, pointer = ''): { pointer: string; url: string }[] {
  if (typeof document === 'string') {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(document) ? [{ pointer, url: document }] : [];
  }
  if (Array.isArray(document)) {
    return document.flatMap((item, index) => urlsIn(item, `${pointer}/${index}`));
  }
  if (isObject(document)) {
    return Object.entries(document).flatMap(([key, value]) =>
      pointer === '' && key === '$schema' ? [] : urlsIn(value, `${pointer}/${key}`),
    );
  }
  return [];
}

/** A host matches an entry equal to it, or a `*.parent` entry when it is below `parent`. */
export function hostAllowed(host: string, validDomains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return validDomains.some((entry) => {
    const domain = entry.toLowerCase();
    return domain.startsWith('*.') ? h.endsWith(domain.slice(1)) : h === domain;
  });
}

/** Problems with validDomains itself, and every URL whose host is not under it. */
export function domainProblems(manifest: JsonObject): string[] {
  const domains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((d): d is string => typeof d === 'string')
    : [];
  const problems: string[] = [];
  for (const domain of domains) {
    if (domain === '' || /[/:\s]/.test(domain) || domain.includes('*', 1)) {
      problems.push(
        `validDomains: "${domain}" is not a host name (no scheme, port or path; "*." only as a prefix)`,
      );
    }
  }
  for (const { pointer, url } of urlsIn(manifest)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${pointer}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'api:') {
      problems.push(`${pointer}: "${url}" must use https`);
    }
    if (!hostAllowed(parsed.hostname, domains)) {
      problems.push(
        `${pointer}: the host of "${url}" (${parsed.hostname}) is not in validDomains ${JSON.stringify(domains)}`,
      );
    }
  }
  return problems;
}

/**
 * Follows a localization key such as `bots[0].commandLists[1].commands[2].title` into the
 * manifest; undefined when the manifest has nothing there.
 */
export function lookUp(manifest: Json, key: string): Json | undefined {
  let node: Json | undefined = manifest;
  for (const part of key.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match?.[1]) return undefined;
    node = isObject(node) ? node[match[1]] : undefined;
    for (const index of (match[2] ?? '').match(/\d+/g) ?? []) {
      node = Array.isArray(node) ? node[Number(index)] : undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}

/** Keys of a localization file that name no string of the manifest (a typo, or a removed item). */
export function danglingLocalizationKeys(manifest: Json, localization: JsonObject): string[] {
  return Object.keys(localization).filter(
    (key) =>
      key !== '$schema' && key !== 'localizationKeys' && typeof lookUp(manifest, key) !== 'string',
  );
}

export interface IconRule {
  readonly width: number;
  readonly height: number;
  /** The outline icon: white wherever it is not fully transparent. */
  readonly whiteOnTransparent: boolean;
}

export const ICON_RULES: Readonly<Record<'color' | 'outline', IconRule>> = {
  color: { width: 192, height: 192, whiteOnTransparent: false },
  outline: { width: 32, height: 32, whiteOnTransparent: true },
};

export function iconProblems(label: string, bytes: Buffer, rule: IconRule): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    return [
      `${label}: not a PNG image (${error instanceof Error ? error.message : String(error)})`,
    ];
  }
  const problems: string[] = [];
  if (png.width !== rule.width || png.height !== rule.height) {
    problems.push(
      `${label}: ${png.width}×${png.height} pixels, must be ${rule.width}×${rule.height}`,
    );
  }
  if (rule.whiteOnTransparent) {
    let coloured = 0;
    let transparent = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] === 0) {
        transparent++;
      } else if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) {
        coloured++;
      }
    }
    if (coloured > 0)
      problems.push(`${label}: ${coloured} pixels are not white (an outline icon is white)`);
    if (transparent === 0)
      problems.push(`${label}: no transparent pixel (the background must be transparent)`);
  }
  return problems;
}
