import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db';
import { identifier } from './sql';

/** PGlite in `dataDir`, or in memory. The first start in a new folder runs initdb (seconds). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  return pgliteDb(await PGlite.create(dataDir));
}

/**
 * PGlite is a single connection. Its query() and transaction() wait in one queue, so a transaction
 * runs alone and a query waits until it ends; notifications are delivered in-process after commit.
 */
export function pgliteDb(pglite: PGlite): Db {
  const on = (target: Pick<PGlite, 'query'>): Queryable => ({
    query: async (sql, params = []) => (await target.query<Row>(sql, [...params])).rows,
  });
  let closing: Promise<void> | undefined;
  return {
    ...on(pglite),
    engine: 'pglite',
    transaction: (fn) => pglite.transaction((tx) => fn(on(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(identifier(channel), onPayload);
      return () => unlisten();
    },
    async notify(channel, payload) {
      await pglite.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close() {
      closing ??= pglite.close();
      return closing;
    },
  };
}
