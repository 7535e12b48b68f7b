/**
 * `npm run artefact` (scripts/artefact.mjs) assembles build/artefact/, the folder teamsapp.yml
 * zip-deploys: only what App Service runs. Built once here, then inspected and started.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startServiceProcess } from '../bot/support/service-process';
import { ROOT, readJson } from './helpers';

const artefact = path.join(ROOT, 'build/artefact');

/** Every file of the artefact, relative to it; node_modules apart. */
function filesOf(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(under, entry.name);
    if (entry.isDirectory()) return relative === 'node_modules' ? [] : filesOf(dir, relative);
    return [relative];
  });
}

function startArtefact(env: Record<string, string>) {
  return startServiceProcess(['bot/dist/main.js'], {
    cwd: artefact,
    env: { NODE_ENV: 'production', ...env },
  });
}

let files: string[] = [];
let installed: Record<string, { dev?: boolean }> = {};

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/artefact.mjs')], {
    cwd: ROOT,
  });
  files = filesOf(artefact);
  installed = (
    JSON.parse(readFileSync(path.join(artefact, 'node_modules/.package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    }
  ).packages;
}, 600_000);

describe('the deployed artefact', () => {
  test('holds the bundled service, the built tab, and a package.json with its lock', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bot/dist/main.js',
        'tab/dist/index.html',
        'tab/dist/config.html',
        'package.json',
        'package-lock.json',
      ]),
    );
    const outside = files.filter(
      (file) => !/^(bot\/dist|tab\/dist)\//.test(file) && !/^package(-lock)?\.json$/.test(file),
    );
    expect(outside).toEqual([]);
  });

  test('carries no TypeScript, source map, test, fixture nor Vite manifest', () => {
    expect(files.filter((file) => /\.(ts|tsx|mts|cts|map)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /(^|\/)tests?\/|\.test\./.test(file))).toEqual([]);
    expect(files.filter((file) => /fixtures|council-demo/.test(file))).toEqual([]);
    expect(files.filter((file) => file.includes('.vite/'))).toEqual([]);
    const demo = readJson('bot/fixtures/council-demo.json') as { director: { name: string } };
    const tab = files
      .filter((file) => file.startsWith('tab/'))
      .map((file) => readFileSync(path.join(artefact, file), 'utf8'))
      .join('\n');
    expect(tab).not.toContain(demo.director.name);
  });

  test('lists and installs runtime dependencies only', () => {
    const manifest = JSON.parse(readFileSync(path.join(artefact, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies?: unknown;
    };
    expect(manifest.devDependencies).toBeUndefined();
    const service = readJson('bot/package.json') as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(
      Object.keys(service.dependencies)
        .filter((name) => !name.startsWith('@council/'))
        .sort(),
    );
    const names = Object.keys(installed).map((key) => key.replace(/^.*node_modules\//, ''));
    expect(Object.entries(installed).filter(([, entry]) => entry.dev === true)).toEqual([]);
    for (const tool of ['typescript', 'esbuild', 'vite', 'jest', 'tsx', 'react', '@council/shared'])
      expect(names).not.toContain(tool);
  });

  test('started as App Service starts it, in production it refuses dev sign-in beyond loopback', async () => {
    const run = startArtefact({ AUTH_MODE: 'dev', HOST: '0.0.0.0', PORT: '0' });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(/loopback/i);
  });

  // Production mode itself needs PostgreSQL over verified TLS and the bot's app id (boot.test.ts and
  // production-settings.test.ts check that it refuses without them): here the embedded database.
  test('started with Entra sign-in and no dev tools, it answers /healthz and serves the tab, not its manifest', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'council-artefact-'));
    const run = startArtefact({
      NODE_ENV: 'staging',
      AUTH_MODE: 'entra',
      ENTRA_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      TAB_DIR: 'tab/dist',
    });
    try {
      const url = await run.listening();
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${url}/tab/index.html`)).status).toBe(200);
      expect((await fetch(`${url}/tab/.vite/manifest.json`)).status).toBe(404);
      expect((await fetch(`${url}/api/dev/token`, { method: 'POST' })).status).toBe(404);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
