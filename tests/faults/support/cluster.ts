/**
 * A PostgreSQL cluster of a test's own, to stop and start at will, made the way .ci/postgres.sh
 * makes CI's: Debian's binaries (TEST_PG_BIN, or the newest under /usr/lib/postgresql), run as
 * `postgres` when the tests run as root, since initdb refuses root.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../bench/lib/processes';

const run = promisify(execFile);

/** The folder of pg_ctl and initdb, or undefined where PostgreSQL is not installed. */
export function postgresBin(): string | undefined {
  const candidates = [
    process.env.TEST_PG_BIN,
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => join('/usr/lib/postgresql', version, 'bin'))
      : []),
  ];
  return candidates.find(
    (dir): dir is string =>
      dir !== undefined && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb')),
  );
}

export interface Cluster {
  readonly url: string;
  /** The cluster's folder (pg_wal inside), owned by `postgres` when the tests run as root. */
  readonly data: string;
  /** Runs one of the cluster's programs (pg_waldump, pg_dump) as the cluster's owner. */
  tool(name: string, args: string[]): Promise<{ stdout: string }>;
  start(): Promise<void>;
  /** `immediate` is a crash: no checkpoint, and recovery from the log at the next start. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  destroy(): Promise<void>;
}

export async function throwawayCluster(bin: string): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0;
  const tool = (name: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, name), ...args], { maxBuffer: 2 ** 30 })
      : run(join(bin, name), args, { maxBuffer: 2 ** 30 });
  const root = await mkdtemp(join(tmpdir(), 'council-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(root, Number(stdout.trim()), Number(group.trim()));
  }
  const data = join(root, 'data');
  const port = await freePort();
  await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8']);
  const start = async () => {
    await tool('pg_ctl', [
      '-D',
      data,
      '-l',
      join(root, 'server.log'),
      '-w',
      'start',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off`,
    ]);
  };
  const stop = async (mode: 'fast' | 'immediate') => {
    await tool('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    data,
    tool,
    start,
    stop,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
