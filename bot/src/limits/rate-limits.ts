import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Config } from '../config';
import { refusal } from '../http/problems';
import type { Queryable } from '../store';

type Budgets = Pick<
  Config,
  | 'RATE_LIMIT_ADDRESS_REQUESTS'
  | 'RATE_LIMIT_ADDRESS_COMMANDS'
  | 'RATE_LIMIT_USER_REQUESTS'
  | 'RATE_LIMIT_USER_COMMANDS'
  | 'RATE_LIMIT_PUBLIC_REQUESTS'
>;

/** Who is counted: the caller's address before sign-in, then the person (tenant and object id). */
export interface Person {
  readonly tenantId: string;
  readonly objectId: string;
}

const WINDOW_SECONDS = 60;

/** RateLimiterPostgres speaks to node-postgres; the service's Db answers rows, not results. */
function pgClientOver(db: Queryable) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      return { rows: await db.query(q.text, q.values ?? []) };
    },
  };
}

/**
 * Requests and commands per address and per person, in fixed one-minute windows. A person's
 * counts are kept, on PostgreSQL, in one table every instance shares (migration 5), so a load
 * balancer spreading them over instances does not multiply their budget; should the database
 * fail, each instance counts in memory meanwhile. An address is counted before sign-in, in each
 * instance's memory: a flood from anyone must not become writes to the database.
 */
export function createRateLimits(counters: Queryable | null, budgets: Budgets) {
  let cleaner = true;
  const inMemory = (keyPrefix: string, points: number) =>
    new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
  const shared = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const options = { keyPrefix, points, duration: WINDOW_SECONDS };
    const memory = new RateLimiterMemory(options);
    if (!counters) return memory;
    // One limiter is enough to delete the expired rows of the shared table.
    const clearExpiredByTimeout = cleaner;
    cleaner = false;
    return new RateLimiterPostgres({
      ...options,
      storeClient: pgClientOver(counters),
      storeType: 'client',
      tableName: 'rate_limits',
      tableCreated: true,
      clearExpiredByTimeout,
      insuranceLimiter: memory,
    });
  };
  const addressRequests = inMemory('address', budgets.RATE_LIMIT_ADDRESS_REQUESTS);
  const addressCommands = inMemory('address-commands', budgets.RATE_LIMIT_ADDRESS_COMMANDS);
  const publicRequests = inMemory('public', budgets.RATE_LIMIT_PUBLIC_REQUESTS);
  const personRequests = shared('person', budgets.RATE_LIMIT_USER_REQUESTS);
  const personCommands = shared('person-commands', budgets.RATE_LIMIT_USER_COMMANDS);

  async function take(counter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await counter.consume(key);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      throw refusal('RATE_LIMITED', {
        seconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)),
      });
    }
  }
  const personKey = (person: Person) => `${person.tenantId}/${person.objectId}`;

  return {
    /** Before sign-in: throws RATE_LIMITED once the address has spent its budget. */
    address: (address: string) => take(addressRequests, address),
    addressCommand: (address: string) => take(addressCommands, address),
    /** The public page and its stream, on top of the address's budget for every request. */
    publicRequest: (address: string) => take(publicRequests, address),
    /** After sign-in, on the tab's API or a Bot Framework activity's member. */
    person: (person: Person) => take(personRequests, personKey(person)),
    personCommand: (person: Person) => take(personCommands, personKey(person)),
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
