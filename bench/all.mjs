// `npm run bench [-- --quick]`: the service's numbers (bench/run.ts), the tab's (bench/tab.ts),
// then the sealed ballot box's cryptography (bench/sealed.ts) and the public page's readers
// (bench/public.ts).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
for (const script of ['bench/run.ts', 'bench/tab.ts', 'bench/sealed.ts', 'bench/public.ts']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${root}${script}`, ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
