import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demo } from './support/service';
import { startServiceProcess } from './support/service-process';

/**
 * Issue 14, point 8: a newcomer's `npm start` (scripts/start.mjs, run by node as npm does, not
 * through npx): JSON on a pipe, one banner and quiet lines on a terminal, never DEP0111.
 */
const root = join(__dirname, '..', '..');
const start = join(root, 'scripts/start.mjs');

// The first start may build the tab, and each start opens an embedded database.
jest.setTimeout(240_000);

const chair = demo.members.find((m) => m.role === 'chair');
const councillor = demo.members.find((m) => m.role === 'councillor');

async function until(done: () => boolean, what: () => string): Promise<void> {
  for (let i = 0; i < 1_800 && !done(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!done()) throw new Error(`never happened; output:\n${what()}`);
}

/** `npm start` on a pseudo-terminal (util-linux's `script`), as a developer runs it. */
function onTerminal(dataDir: string, ...args: string[]) {
  const command = ['node', start, ...args].join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, TERM: 'dumb' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // The banner ends with the API line, once the demo council is loaded.
  const banner = async () => {
    await until(
      () => /^API: /m.test(output),
      () => output,
    );
    return output;
  };
  // Ctrl+C, as a person stops it: the terminal interrupts the service, which drains and exits.
  const stop = async () => {
    child.stdin.write('\x03');
    await exited;
    return output;
  };
  return { banner, stop, output: () => output };
}

/** The chair opens the demo sitting through the tab's API, as a person does in the browser. */
async function openSitting(base: string, meetingId: string): Promise<void> {
  const signIn = await fetch(`${base}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: demo.tenantId, objectId: chair?.aadObjectId, name: 'Chair' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const opened = await fetch(`${base}/api/meetings/${meetingId}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ commandId: 'open-it', command: { type: 'OpenMeeting' } }),
  });
  expect(opened.status).toBe(200);
}

const plain = (text: string) => text.replace(/\r/g, '');

describe('npm start', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'council-start-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('on a pipe every line is JSON, and one of them gives the demo’s links, database and state', async () => {
    const run = startServiceProcess([start], {
      cwd: root,
      env: { PORT: '0', DATA_DIR: dataDir },
    });
    try {
      await until(
        () => run.stdout().includes('demo council ready'),
        () => run.output(),
      );
      const lines = run
        .stdout()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const ready = lines.find((line) => line.msg === 'demo council ready');
      const meetingId = String(ready?.meetingId);
      const base = String(ready?.base);
      expect(ready).toMatchObject({
        level: 30,
        database: `embedded PGlite in ${dataDir}`,
        dataDir,
        continuing: null,
      });
      expect(ready?.links).toContainEqual({
        role: 'councillor',
        view: 'panel',
        name: councillor?.name,
        url: `${base}/tab/index.html?meeting=${meetingId}&as=${councillor?.aadObjectId ?? ''}&view=panel`,
      });
      expect(
        (ready?.links as { role: string; view: string }[]).map((l) => `${l.role} ${l.view}`),
      ).toEqual([
        'chair panel',
        'councillor panel',
        'director panel',
        'observer panel',
        'chair stage',
        'director details',
      ]);
      expect(run.stderr()).not.toMatch(/DEP0111|DeprecationWarning/);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });

  test('on a terminal: one banner with a link per role and view, no request lines, no DEP0111; a restart continues; --fresh starts over', async () => {
    const first = onTerminal(dataDir);
    const shown = plain(await first.banner());
    const base = /The demo council meets at (http:\/\/[\d.:]+)/.exec(shown)?.[1] ?? '';
    const meetingId = /meeting=([\w-]+)/.exec(shown)?.[1] ?? '';
    expect(shown).toContain(`Database: embedded PGlite in ${dataDir}`);
    expect(shown).toContain('A new demo sitting, convened and waiting for the chair to open it.');
    expect(shown).toContain(`npm start -- --fresh (it deletes ${dataDir})`);
    for (const [role, view] of [
      ['chair', 'side panel'],
      ['councillor', 'side panel'],
      ['director', 'side panel'],
      ['observer', 'side panel'],
      ['chair', 'meeting stage'],
      ['director', 'meeting details'],
    ]) {
      expect(shown).toMatch(new RegExp(`^  ${role} \\([^)]+\\), ${view ?? ''}:$`, 'm'));
    }
    expect(shown).toContain(
      `${base}/tab/index.html?meeting=${meetingId}&as=${chair?.aadObjectId ?? ''}&view=stage`,
    );
    expect(shown.match(/The demo council meets at/g)).toHaveLength(1);
    await openSitting(base, meetingId);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const said = plain(await first.stop());
    // Logs are human lines, not JSON; the access log of each request is below info.
    expect(said).toMatch(/INFO.*meeting service listening/);
    expect(said).toMatch(/INFO.*draining/);
    expect(said).not.toMatch(/^\{"level"/m);
    expect(said).not.toMatch(/INFO.*\brequest\b/);
    expect(said).not.toMatch(/DEP0111|DeprecationWarning/);

    const again = onTerminal(dataDir);
    // Created, its 17 documents attached, convened, opened.
    expect(plain(await again.banner())).toContain(
      `Continuing the sitting stored in ${dataDir} (open, 20 events).`,
    );
    await again.stop();

    const fresh = onTerminal(dataDir, '--fresh');
    const renewed = plain(await fresh.banner());
    expect(renewed).toContain(`Deleted ${dataDir}: the demo council starts a new sitting.`);
    expect(renewed).toContain('A new demo sitting, convened and waiting for the chair to open it.');
    await fresh.stop();
  });

  test('--fresh deletes nothing that is not an embedded database', async () => {
    const notes = join(dataDir, 'notes.txt');
    await writeFile(notes, 'not a database');
    const run = startServiceProcess([start, '--fresh'], {
      cwd: root,
      env: { PORT: '0', DATA_DIR: dataDir },
    });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain(
      `${dataDir} does not hold an embedded database; nothing deleted.`,
    );
    expect(await readFile(notes, 'utf8')).toBe('not a database');
  });
});
