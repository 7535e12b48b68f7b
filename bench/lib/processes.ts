import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository's root: npm scripts and jest both run from it. */
export function repoRoot(): string {
  const root = process.cwd();
  if (!existsSync(join(root, 'bot', 'src', 'main.ts'))) {
    throw new Error(`run from the repository's root (no bot/src/main.ts under ${root})`);
  }
  return root;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * Benchmarks and fault tests drive the service far past one council from one address (thousands
 * of voters, thousands of fuzzed requests a minute): its abuse limits are lifted for them.
 */
export const loadTestLimits: Readonly<Record<string, string>> = {
  RATE_LIMIT_ADDRESS_REQUESTS: '10000000',
  RATE_LIMIT_ADDRESS_COMMANDS: '10000000',
  RATE_LIMIT_USER_REQUESTS: '10000000',
  RATE_LIMIT_USER_COMMANDS: '10000000',
  MAX_ROSTER: '20000',
  MAX_AGENDA_ITEMS: '500',
  MAX_MEETINGS_PER_TENANT: '100000',
  MAX_STREAMS_PER_USER: '10000',
  MAX_STREAMS_PER_MEETING: '20000',
};

export interface SpawnOptions {
  /** Relative to the repository's root; the service's entry unless told. */
  readonly entry?: string;
  readonly env: Record<string, string>;
  /** Where the process's output goes (appended), so that nothing waits on a pipe. */
  readonly logFile: string;
  /** Extra node flags, before `--import tsx`. */
  readonly nodeFlags?: readonly string[];
  /** Extra modules to preload after tsx. */
  readonly preload?: readonly string[];
  readonly readyTimeoutMs?: number;
}

export interface ServiceProcess {
  readonly url: string;
  readonly pid: number;
  /** From spawning the process to `/readyz` answering 200. */
  readonly readyAfterMs: number;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL: no drain, no cleanup, as a crash or an out-of-memory kill. */
  kill(): Promise<void>;
  log(): Promise<string>;
}

/** Runs the service (or another entry) as `node --import tsx <entry>` and waits until it is ready. */
export async function spawnService(options: SpawnOptions): Promise<ServiceProcess> {
  const root = repoRoot();
  const port = options.env.PORT ?? String(await freePort());
  const out = openSync(options.logFile, 'a');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      '--import',
      'tsx',
      ...(options.preload ?? []).flatMap((module) => ['--import', module]),
      join(root, options.entry ?? 'bot/src/main.ts'),
    ],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        AUTH_MODE: 'dev',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...loadTestLimits,
        ...options.env,
        PORT: port,
      },
      stdio: ['ignore', out, out],
    },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the service did not start');
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const log = () => readFile(options.logFile, 'utf8');

  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const deadline = started + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (ended()) throw new Error(`the service exited before it was ready:\n${await log()}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service was not ready in time:\n${await log()}`);
    }
    if (await isReady(url)) break;
    await sleep(10);
  }
  const readyAfterMs = performance.now() - started;

  return {
    url,
    pid,
    readyAfterMs,
    child,
    exited,
    async stop(graceMs = 30_000) {
      if (ended()) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (!ended()) child.kill('SIGKILL');
      await exited;
    },
    log,
  };
}

export async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * CPU time (user and system, ms) a process has used so far, from /proc; undefined where there is
 * no /proc (not Linux). Clock ticks are taken as 100 a second, as on every Linux build Node runs on.
 */
export async function cpuTimeMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
