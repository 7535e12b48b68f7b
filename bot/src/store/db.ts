/**
 * The database port: the little the store asks of a database, in one SQL dialect, with two
 * engines behind it: PGlite (PostgreSQL compiled to WASM, in this process) and PostgreSQL itself.
 */
import { openPglite } from './pglite-db';
import { openPostgres } from './postgres-db';

export type Row = Record<string, unknown>;

export interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /**
   * Commits when `fn` resolves and rolls back when it throws. Inside `fn`, query through `tx`
   * only: PGlite has one connection, and a query on the database waits for the transaction.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` for each notification on `channel` until the returned function is called.
   * `onReconnect` is called when a lost listening connection is back: whatever was notified in
   * between is lost, so the listener should catch up from the log.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** PostgreSQL, when given. */
  databaseUrl?: string | undefined;
  /** Otherwise PGlite in this folder, or in memory when there is none. */
  dataDir?: string | undefined;
}

export function openDb({ databaseUrl, dataDir }: DbOptions): Promise<Db> {
  return databaseUrl ? openPostgres({ connectionString: databaseUrl }) : openPglite(dataDir);
}
