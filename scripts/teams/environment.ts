/**
 * Teams Toolkit's environments: `env/.env.<name>` (committed) and `env/.env.<name>.user` (secrets,
 * git-ignored), read with dotenv as the toolkit does, and the `${{VAR}}` placeholders they fill.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';

export interface Environment {
  readonly name: string;
  /** The files read, in order; a later file overrides an earlier one. */
  readonly files: readonly string[];
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Reads `env/.env.<name>` and, if present, `env/.env.<name>.user`; `overrides` (the process
 * environment, for the command line) win over both.
 */
export function readEnvironment(
  rootDir: string,
  name: string,
  overrides: Readonly<Record<string, string | undefined>> = {},
): Environment {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new Error(`"${name}" is not an environment name (letters, digits, - and _ only).`);
  }
  const main = path.join(rootDir, 'env', `.env.${name}`);
  if (!existsSync(main)) {
    throw new Error(
      `There is no environment "${name}": ${path.relative(rootDir, main)} does not exist.`,
    );
  }
  const files = [main, `${main}.user`].filter((file) => existsSync(file));
  const values: Record<string, string> = {};
  for (const file of files) Object.assign(values, dotenv.parse(readFileSync(file)));
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) values[key] = value;
  }
  return { name, files, values };
}

/** `${{NAME}}`, with optional spaces inside the braces, as Teams Toolkit accepts. */
const PLACEHOLDER = /\$\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/** Variables that may be set to nothing: the suffix is empty for a production environment. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export function isSet(values: Readonly<Record<string, string>>, name: string): boolean {
  const value = values[name];
  return value !== undefined && (value !== '' || MAY_BE_EMPTY.has(name));
}

/**
 * Replaces every placeholder of a JSON document's text. Values are escaped for a JSON string, so
 * a quote or a backslash in a value cannot break the document.
 */
export function fillJson(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_whole, name: string) =>
    JSON.stringify(values[name] ?? '').slice(1, -1),
  );
}
