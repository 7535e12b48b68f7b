// `npm start`: the meeting service on loopback with the embedded database, dev sign-in and the
// demo council (loaded once), serving the tab (built first when missing or stale). Any variable
// already set in the environment wins.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureTabBuilt } from './tab-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
ensureTabBuilt(root);
const env = {
  AUTH_MODE: 'dev',
  HOST: '127.0.0.1',
  DATA_DIR: `${root}data`,
  DEMO_COUNCIL: `${root}bot/fixtures/council-demo.json`,
  TAB_DIR: `${root}tab/dist`,
  ...process.env,
};
const child = spawn(process.execPath, ['--import', 'tsx', `${root}bot/src/main.ts`], {
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
