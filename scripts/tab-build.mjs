// Builds the tab (tab/dist) when it is missing or older than its sources: `npm start`, the browser
// tests and the bench all serve the built tab, and a fresh clone has none.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time under `target` (a file or a folder), in milliseconds. */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

/** The sources the tab is built from: its own, and the domain library it bundles. */
export function tabSources(root) {
  return [
    'tab/src',
    'tab/index.html',
    'tab/config.html',
    'tab/vite.config.ts',
    'tab/package.json',
    'shared/src',
  ].map((part) => path.join(root, part));
}

export function tabIsStale(root) {
  const built = path.join(root, 'tab/dist/.vite/manifest.json');
  if (!existsSync(built)) return true;
  const sources = Math.max(...tabSources(root).map(newest));
  return sources > statSync(built).mtimeMs;
}

/** Builds the tab if needed; returns whether it built. Throws if the build fails. */
export function ensureTabBuilt(root, log = (line) => process.stderr.write(`${line}\n`)) {
  if (!tabIsStale(root)) return false;
  log('Building the tab (tab/dist)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['run', 'build', '--silent', '-w', '@council/tab'], {
    cwd: root,
    // Under jest NODE_ENV is "test", and Vite would then bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    throw new Error(`the tab did not build:\n${built.stdout}\n${built.stderr}`);
  }
  return true;
}
