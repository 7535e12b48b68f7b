/**
 * What a reader of the database's files sees, as the security review read it: every live row with
 * the transaction that wrote it (`xmin`), every row version still on the pages, live or dead,
 * through `pageinspect` (`heap_page_items` on each page of each table and its TOAST table), and
 * every key of every B-tree index (`bt_page_items`).
 */
import type { Queryable } from '../../../bot/src/store';

export interface LiveRow {
  readonly table: string;
  readonly xmin: string;
  readonly row: Readonly<Record<string, unknown>>;
}

export interface RowVersion {
  readonly relation: string;
  readonly block: number;
  readonly xmin: string;
  /** The tuple's bytes as stored: a compressed or TOASTed value is not readable as text. */
  readonly bytes: Buffer;
}

const PAGE = 8192;

/**
 * The tables to read: the current schema's, or with `cluster` every table of the database the
 * connection reads, the system catalogs' (pg_statistic keeps sampled column values) included.
 * The current schema's keep their bare quoted names.
 */
async function tablesOf(
  db: Queryable,
  scope: 'schema' | 'cluster' = 'schema',
): Promise<{ name: string; relation: string; toast: string | null }[]> {
  const rows = await db.query(
    `SELECT c.relname AS name,
            CASE WHEN n.nspname = current_schema() THEN '"' || replace(c.relname, '"', '""') || '"'
                 ELSE quote_ident(n.nspname) || '.' || quote_ident(c.relname) END AS relation,
            CASE WHEN c.reltoastrelid = 0 THEN NULL
            ELSE c.reltoastrelid::regclass::text END AS toast
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'm') AND c.relpersistence <> 't'
       AND ($1 = 'cluster' OR n.nspname = current_schema())
     ORDER BY n.nspname, c.relname`,
    [scope],
  );
  return rows.map((row) => ({
    name: String(row.name),
    relation: String(row.relation),
    toast: typeof row.toast === 'string' ? row.toast : null,
  }));
}

/** Every row of every table of the current schema, with its xmin. */
export async function liveRows(db: Queryable): Promise<LiveRow[]> {
  const rows: LiveRow[] = [];
  for (const { name } of await tablesOf(db)) {
    const found = await db.query(
      `SELECT xmin::text AS xmin, to_jsonb(t) AS row FROM "${name}" AS t`,
    );
    for (const row of found) {
      rows.push({
        table: name,
        xmin: String(row.xmin),
        row: row.row as Record<string, unknown>,
      });
    }
  }
  return rows;
}

/**
 * Every tuple on every page of the schema's tables (or, with `cluster`, of every table of the
 * database) and their TOAST tables (needs pageinspect).
 */
export async function rowVersions(
  db: Queryable,
  scope: 'schema' | 'cluster' = 'schema',
): Promise<RowVersion[]> {
  await db.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
  const versions: RowVersion[] = [];
  const relations = (await tablesOf(db, scope)).flatMap(({ relation, toast }) =>
    toast ? [relation, toast] : [relation],
  );
  for (const relation of relations) {
    const [size] = await db.query('SELECT pg_relation_size($1::regclass)::int AS bytes', [
      relation,
    ]);
    const blocks = Math.ceil(Number(size?.bytes ?? 0) / PAGE);
    for (let block = 0; block < blocks; block++) {
      const tuples = await db.query(
        `SELECT t_xmin::text AS xmin, t_data AS data
         FROM heap_page_items(get_raw_page($1::regclass::text, $2::int)) WHERE t_data IS NOT NULL`,
        [relation, block],
      );
      for (const tuple of tuples) {
        versions.push({
          relation,
          block,
          xmin: String(tuple.xmin),
          bytes: Buffer.from(tuple.data as Uint8Array),
        });
      }
    }
  }
  return versions;
}

/** The key of every entry of every B-tree index of the schema (no transaction: keys only). */
export async function indexKeys(db: Queryable): Promise<Buffer[]> {
  await db.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
  const indexes = await db.query(
    `SELECT c.oid::regclass::text AS name, pg_relation_size(c.oid)::int AS bytes
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam
     WHERE n.nspname = current_schema() AND c.relkind = 'i' AND a.amname = 'btree'`,
  );
  const keys: Buffer[] = [];
  for (const index of indexes) {
    // Block 0 is the index's metapage.
    for (let block = 1; block < Math.ceil(Number(index.bytes) / PAGE); block++) {
      const entries = await db.query(
        'SELECT data FROM bt_page_items(get_raw_page($1::text, $2::int))',
        [index.name, block],
      );
      for (const entry of entries) {
        const hex = typeof entry.data === 'string' ? entry.data : '';
        keys.push(Buffer.from(hex.replace(/ /g, ''), 'hex'));
      }
    }
  }
  return keys;
}
