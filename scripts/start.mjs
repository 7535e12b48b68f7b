// `npm start`: the meeting service on loopback with the embedded database, dev sign-in and the
// demo council (loaded once), serving the tab (built first when missing or stale). Any variable
// already set in the environment wins. `npm start -- --fresh` deletes the embedded database first,
// for a new demo sitting.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTabBuilt } from './tab-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoCouncil = `${root}bot/fixtures/council-demo.json`;
const env = {
  AUTH_MODE: 'dev',
  HOST: '127.0.0.1',
  DATA_DIR: `${root}data`,
  DEMO_COUNCIL: demoCouncil,
  TAB_DIR: `${root}tab/dist`,
  // The demo council's documents live in its own (fictional) SharePoint, as its file says.
  DOCUMENT_HOSTS: JSON.parse(readFileSync(demoCouncil, 'utf8')).documentHosts.join(','),
  ...process.env,
};

/** Deletes the embedded database's folder, and only a folder that is one (PGlite's PG_VERSION). */
function startOver() {
  if (env.DATABASE_URL) {
    console.error('--fresh deletes the embedded database only: DATABASE_URL names PostgreSQL.');
    process.exit(2);
  }
  const dataDir = path.resolve(env.DATA_DIR);
  if (!existsSync(dataDir)) return;
  if (readdirSync(dataDir).length > 0 && !existsSync(path.join(dataDir, 'PG_VERSION'))) {
    console.error(`--fresh: ${dataDir} does not hold an embedded database; nothing deleted.`);
    process.exit(2);
  }
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`Deleted ${dataDir}: the demo council starts a new sitting.`);
}

/**
 * The key outside the database that seals the service's share where the rules make it a trustee:
 * a local key file, made once (git-ignored), unless a key source is set already.
 */
function keepSealedBoxKey() {
  if (env.SEALED_BOX_KEY_FILE || env.SEALED_BOX_KEY_VAULT_URL) return;
  const file = path.join(root, 'keys', 'sealed-box.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  env.SEALED_BOX_KEY_FILE = file;
}

const unknown = process.argv.slice(2).filter((arg) => arg !== '--fresh');
if (unknown.length > 0) {
  console.error(`npm start takes --fresh only; unknown: ${unknown.join(' ')}`);
  process.exit(2);
}
if (process.argv.includes('--fresh')) startOver();
ensureTabBuilt(root);
keepSealedBoxKey();
const child = spawn(
  process.execPath,
  [
    // restify loads spdy whatever its options, and spdy's http-deceiver reads
    // process.binding('http_parser'): Node then warns DEP0111 on every start. Only that code is
    // silenced; any other warning still shows.
    '--disable-warning=DEP0111',
    '--import',
    'tsx',
    `${root}bot/src/main.ts`,
  ],
  { env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
