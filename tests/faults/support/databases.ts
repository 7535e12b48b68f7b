/**
 * Databases for a service run as its own process: a PGlite folder (DATA_DIR), always, and a schema
 * of its own on PostgreSQL (DATABASE_URL) when TEST_DATABASE_URL is set, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPostgres } from '../../../bot/src/store';
import { pgliteDatabase, type BenchDatabase } from '../../../bench/lib/databases';
import { pgliteTemplate, pgliteVersion } from '../../bot/store/databases';

export type EngineName = 'PGlite' | 'PostgreSQL';
export type FreshDatabase = () => Promise<BenchDatabase>;

export function serviceDatabases(): [EngineName, FreshDatabase][] {
  const url = process.env.TEST_DATABASE_URL;
  const pglite: [EngineName, FreshDatabase] = ['PGlite', freshPgliteFolder];
  return url ? [pglite, ['PostgreSQL', () => freshPostgresSchema(url)]] : [pglite];
}

/** A temporary folder for one test's files (logs, data), under the system's temporary folder. */
export function workFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'council-faults-'));
}

/** An initialised PGlite folder, made once from the dump the other tests load, then copied. */
async function freshPgliteFolder(): Promise<BenchDatabase> {
  const template = join(
    tmpdir(),
    'council-meetings-tests',
    `pglite-${await pgliteVersion()}-folder`,
  );
  if (!existsSync(template)) {
    await mkdir(dirname(template), { recursive: true });
    const partial = `${template}.${randomBytes(4).toString('hex')}`;
    const db = await PGlite.create(partial, { loadDataDir: await pgliteTemplate() });
    await db.close();
    await rename(partial, template).catch(() => undefined);
  }
  return pgliteDatabase(template, await workFolder());
}

/** The service finds its schema through the connection's options: `-c search_path=…`. */
export function withSearchPath(url: string, schema: string): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function freshPostgresSchema(url: string): Promise<BenchDatabase> {
  const schema = `fault_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    engine: 'postgres',
    env: { DATABASE_URL: withSearchPath(url, schema) },
    open: () => openPostgres({ connectionString: url, schema, applicationName: schema }),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}
