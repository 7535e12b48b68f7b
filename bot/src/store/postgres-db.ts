import pg from 'pg';
import type { Db, Row } from './db';
import { identifier } from './sql';

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (a test's own schema, say) instead of the default search path. */
  schema?: string;
  /** Shows in pg_stat_activity; the listening connection adds ":listen". */
  applicationName?: string;
  poolSize?: number;
}

/** PostgreSQL through a pool, plus one dedicated connection for LISTEN that comes back if lost. */
export async function openPostgres(options: PostgresOptions): Promise<Db> {
  const applicationName = options.applicationName ?? 'council-meetings';
  const config: pg.ClientConfig = {
    connectionString: options.connectionString,
    application_name: applicationName,
    ...(options.schema === undefined
      ? {}
      : { options: `-c search_path=${identifier(options.schema)}` }),
  };
  const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
  // An idle client whose connection drops emits here; without a handler that would end the process.
  // The pool drops the client and opens a new one on demand.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const listener = new Listener({ ...config, application_name: `${applicationName}:listen` });
  let closing: Promise<void> | undefined;
  return {
    engine: 'postgres',
    async query(sql, params = []) {
      return (await pool.query<Row>(sql, [...params])).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // While a client is checked out the pool stops listening for its errors: a connection lost
      // between two statements (the server restarted) would otherwise be an unhandled 'error'
      // event that ends the process. The next statement fails, and the client is thrown away.
      const lost = (error: Error) => {
        broken = error;
      };
      client.on('error', lost);
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query(sql, params = []) {
            return (await client.query<Row>(sql, [...params])).rows;
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackFailed: unknown) => {
          broken = rollbackFailed instanceof Error ? rollbackFailed : new Error('ROLLBACK failed');
        });
        throw error;
      } finally {
        client.removeListener('error', lost);
        client.release(broken);
      }
    },
    listen: (channel, onPayload, onReconnect) =>
      listener.add(identifier(channel), { onPayload, onReconnect }),
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close() {
      closing ??= Promise.all([listener.close(), pool.end()]).then(() => undefined);
      return closing;
    },
  };
}

interface Subscription {
  onPayload: (payload: string) => void;
  onReconnect?: (() => void) | undefined;
}

const firstRetryMs = 100;
const lastRetryMs = 5000;

class Listener {
  private readonly channels = new Map<string, Set<Subscription>>();
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = firstRetryMs;
  private closed = false;

  constructor(private readonly config: pg.ClientConfig) {}

  async add(channel: string, subscription: Subscription): Promise<() => Promise<void>> {
    const subscriptions = this.channels.get(channel) ?? new Set();
    this.channels.set(channel, subscriptions);
    subscriptions.add(subscription);
    try {
      const client = await this.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      subscriptions.delete(subscription);
      throw error;
    }
    return async () => {
      subscriptions.delete(subscription);
      if (subscriptions.size > 0 || this.channels.get(channel) !== subscriptions) return;
      this.channels.delete(channel);
      await this.client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    client.on('notification', ({ channel, payload }) => {
      for (const { onPayload } of this.channels.get(channel) ?? []) onPayload(payload ?? '');
    });
    client.on('error', () => {
      this.lost(client);
    });
    client.on('end', () => {
      this.lost(client);
    });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end();
      throw new Error('the database is closed');
    }
    this.client = client;
    return client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.retryLater();
  }

  private retryLater(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect().then(
        () => {
          this.retryMs = firstRetryMs;
          for (const subscriptions of this.channels.values()) {
            for (const { onReconnect } of subscriptions) onReconnect?.();
          }
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, lastRetryMs);
          this.retryLater();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
