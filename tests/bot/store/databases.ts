/**
 * The databases the storage tests run on: PGlite always, PostgreSQL too when TEST_DATABASE_URL is
 * set (`.ci/postgres.sh` sets it). Each test file gets a database of its own: a fresh PGlite in
 * memory, or a fresh schema on PostgreSQL, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPostgres, pgliteDb, type Db } from '../../../bot/src/store';

export interface TestDatabase {
  /**
   * A connection to this file's database, as another instance of the service would open it.
   * On PGlite every connection is the one in-process database.
   */
  connect(): Promise<Db>;
  /** On PostgreSQL: the schema, which is also the application name of every connection. */
  schema?: string;
  drop(): Promise<void>;
}

export type DatabaseEngine = 'PGlite' | 'PostgreSQL';

type Fresh = () => Promise<TestDatabase>;

/** For `describe.each`: PGlite, and PostgreSQL when there is one. */
export function testDatabases(): [DatabaseEngine, Fresh][] {
  const postgres = freshPostgres();
  return postgres
    ? [
        ['PGlite', freshPglite],
        ['PostgreSQL', postgres],
      ]
    : [['PGlite', freshPglite]];
}

/** For what only PostgreSQL has (several connections): defined only when there is one. */
export function freshPostgres(): Fresh | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url ? () => freshSchema(url) : undefined;
}

async function freshPglite(): Promise<TestDatabase> {
  const db = pgliteDb(await PGlite.create({ loadDataDir: await pgliteTemplate() }));
  const shared: Db = { ...db, close: () => Promise.resolve() };
  return {
    connect: () => Promise.resolve(shared),
    drop: () => db.close(),
  };
}

/**
 * A new PGlite runs initdb, which takes 10 to 20 seconds; loading a dump of a fresh cluster takes
 * one to three. The dump is kept in the temporary folder, one per version of PGlite.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const file = join(
    tmpdir(),
    'council-meetings-tests',
    `pglite-${await pgliteVersion()}-initdb.tar.gz`,
  );
  if (!existsSync(file)) {
    const fresh = await PGlite.create();
    const dump = await fresh.dumpDataDir('gzip');
    await fresh.close();
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.${randomBytes(4).toString('hex')}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  }
  return new Blob([await readFile(file)]);
}

export async function pgliteVersion(): Promise<string> {
  // Jest runs this file as CommonJS and the bench (tsx) as a module: resolve from the root in both.
  const resolve = createRequire(join(process.cwd(), 'package.json')).resolve;
  const packageJson = join(dirname(resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;
}

async function freshSchema(url: string): Promise<TestDatabase> {
  const schema = `store_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const opened: Db[] = [];
  return {
    async connect() {
      const db = await openPostgres({ connectionString: url, schema, applicationName: schema });
      opened.push(db);
      return db;
    },
    schema,
    async drop() {
      await Promise.all(opened.map((db) => db.close()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
