import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../bot/src/store';
import { int, text } from '../../bot/src/store/sql';

export type Engine = 'pglite' | 'postgres';

/** A database of its own for one service run, and a way to look into it once the service stops. */
export interface BenchDatabase {
  readonly engine: Engine;
  /** What the service needs to find it: DATA_DIR or DATABASE_URL. */
  readonly env: Record<string, string>;
  /** PGlite: only once the service has stopped, since one process at a time may open the folder. */
  open(): Promise<Db>;
  drop(): Promise<void>;
}

/** An initialised PGlite folder to copy: initdb takes seconds, a copy a few milliseconds. */
export async function pgliteTemplate(workDir: string): Promise<string> {
  const dir = join(workDir, 'pglite-template');
  const db = await openPglite(dir);
  await db.close();
  return dir;
}

export async function pgliteDatabase(template: string, workDir: string): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(workDir, 'pglite-'));
  await cp(template, dataDir, { recursive: true });
  return {
    engine: 'pglite',
    env: { DATA_DIR: dataDir },
    open: () => openPglite(dataDir),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** A new database on the PostgreSQL server at `adminUrl`, dropped afterwards. */
export async function postgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `council_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    engine: 'postgres',
    env: { DATABASE_URL: databaseUrl },
    open: () => openPostgres({ connectionString: databaseUrl, applicationName: 'council-bench' }),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** What the database holds of one secret vote: who took part, by both records, and the ballots. */
export interface BallotRecord {
  /** The participation register: the members who took part, once each. */
  readonly register: ReadonlySet<string>;
  /** How many BallotRecorded events the meeting's log holds for each member. */
  readonly recorded: ReadonlyMap<string, number>;
  /** The sealed ballots in the box. */
  readonly counted: number;
}

export async function ballotRecord(db: Db, meetingId: string, voteId: string) {
  const register = await db.query('SELECT member_id FROM ballot_participation WHERE vote_id = $1', [
    voteId,
  ]);
  const recorded = await db.query(
    `SELECT data->>'member' AS member, count(*)::int AS n FROM events
     WHERE meeting_id = $1 AND type = 'BallotRecorded' AND data->>'voteId' = $2
     GROUP BY data->>'member'`,
    [meetingId, voteId],
  );
  const [sealed] = await db.query(
    'SELECT count(*)::int AS n FROM sealed_ballots WHERE vote_id = $1',
    [voteId],
  );
  return {
    register: new Set(register.map((row) => text(row, 'member_id'))),
    recorded: new Map(recorded.map((row) => [text(row, 'member'), int(row, 'n')])),
    counted: sealed ? int(sealed, 'n') : 0,
  } satisfies BallotRecord;
}

/**
 * Lost: an acknowledged ballot missing from the register or the log, or a registered ballot the
 * box does not hold. Duplicated: a member recorded twice, or more ballots than registered.
 */
export function audit(acknowledged: ReadonlySet<string>, record: BallotRecord) {
  let lost = 0;
  for (const member of acknowledged) {
    if (!record.register.has(member) || !record.recorded.has(member)) lost++;
  }
  lost += Math.max(0, record.register.size - record.counted);
  let duplicated = Math.max(0, record.counted - record.register.size);
  for (const n of record.recorded.values()) duplicated += Math.max(0, n - 1);
  return { lost, duplicated };
}
