#!/usr/bin/env node
/**
 * Small steps for the `script` actions of teamsapp.yml and teamsapp.local.yml. Teams Toolkit runs
 * them with the environment's variables set, and writes every `::set-teamsfx-env NAME=value` line
 * they print back to the environment (names starting with SECRET_ go to the git-ignored .user file).
 *
 *   node scripts/teamsfx-env.mjs secret NAME      a random password in NAME, unless NAME is set
 *   node scripts/teamsfx-env.mjs domain FROM TO   the host name of the https URL in FROM, into TO
 */
import { randomInt } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789'];

/**
 * 32 characters from upper case, lower case and digits, each present at least once: Azure
 * Database for PostgreSQL asks for three of the four kinds of character. No symbol, so the value
 * needs no quoting in an env file and no escaping in a connection string.
 */
export function password(length = 32) {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((alphabet) => alphabet[randomInt(alphabet.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

export function run(args, env) {
  const [command, ...names] = args;
  if (command === 'secret' && names.length === 1) {
    const [name] = names;
    if (env[name]) return { out: '' };
    return { out: `::set-teamsfx-env ${name}=${password()}\n` };
  }
  if (command === 'domain' && names.length === 2) {
    const [from, to] = names;
    const value = env[from] ?? '';
    let url;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || url.origin !== value) {
      return {
        error:
          `${from} must be the https URL of your dev tunnel, with no path and no trailing slash (for example ` +
          `https://abcd1234-3978.euw.devtunnels.ms); it is ${value ? `"${value}"` : 'empty'}. ` +
          `Start one with "devtunnel host -p 3978 --allow-anonymous" and set ${from} in ` +
          `env/.env.${env.TEAMSFX_ENV ?? 'local'}.`,
      };
    }
    return { out: `::set-teamsfx-env ${to}=${url.host}\n` };
  }
  return { error: 'usage: teamsfx-env.mjs secret NAME | domain FROM_URL_VAR TO_DOMAIN_VAR' };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = run(process.argv.slice(2), process.env);
  if (result.error) {
    process.stderr.write(`${result.error}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(result.out);
  }
}
