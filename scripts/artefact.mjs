// `npm run artefact`: assembles build/artefact/, exactly what App Service runs and nothing else
// (teamsapp.yml zip-deploys that folder): the bundled service (bot/dist/*.js), the tab built in
// deploy mode (tab/vite.config.ts: no demo council, no Vite manifest), and the service's runtime
// dependencies installed from a package.json and lock of their own. No TypeScript, source map,
// test, fixture or dev tool. App Service runs the zip as is (WEBSITE_RUN_FROM_PACKAGE), so
// node_modules travels in it. The layout is the repository's: `node bot/dist/main.js`, TAB_DIR=tab/dist.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'build/artefact');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, cwd) {
  const done = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (done.status !== 0) {
    throw new Error(`${command} ${args.join(' ')}:\n${done.stdout}\n${done.stderr}`);
  }
}

const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

/** The version installed for the service, so the artefact runs what the tests ran. */
function installedVersion(name) {
  for (const folder of ['bot/node_modules', 'node_modules']) {
    const manifest = path.join(folder, name, 'package.json');
    if (existsSync(path.join(root, manifest))) return readJson(manifest).version;
  }
  throw new Error(`${name} is not installed: run npm ci first`);
}

/** The npm packages the bundle leaves external: the service's and the domain library's. */
function runtimeDependencies() {
  const names = ['bot/package.json', 'shared/package.json']
    .flatMap((file) => Object.keys(readJson(file).dependencies ?? {}))
    .filter((name) => !name.startsWith('@council/'));
  return Object.fromEntries([...new Set(names)].sort().map((n) => [n, installedVersion(n)]));
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const service = path.join(out, 'bot/dist');
run(process.execPath, [path.join(root, 'bot/build.mjs'), service], root);
for (const file of readdirSync(service)) {
  if (file.endsWith('.map')) rmSync(path.join(service, file));
}
run(
  npm,
  ['exec', '--', 'vite', 'build', '--mode', 'deploy', '--outDir', path.join(out, 'tab/dist')],
  path.join(root, 'tab'),
);

const project = readJson('package.json');
writeFileSync(
  path.join(out, 'package.json'),
  `${JSON.stringify(
    {
      name: `${project.name}-service`,
      version: project.version,
      private: true,
      description: project.description,
      type: 'module',
      engines: project.engines,
      scripts: { start: 'node bot/dist/main.js' },
      dependencies: runtimeDependencies(),
    },
    null,
    2,
  )}\n`,
);
run(
  npm,
  ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
  out,
);
process.stdout.write(`${path.relative(process.cwd(), out) || '.'}: the service as deployed\n`);
