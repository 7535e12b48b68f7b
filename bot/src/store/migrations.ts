/**
 * The schema, as one ordered list of migrations. Each runs once, recorded in schema_migrations.
 * Append new migrations at the end; never edit one that has shipped.
 */
import type { Db, Queryable } from './db';
import { refuseUncountedCounterBoxes } from './counter-boxes';
import { grantServicePrivileges } from './privileges';
import { int, sqlState } from './sql';

interface Migration {
  version: number;
  name: string;
  /** Throws, before any statement runs, when the data is such that the migration would lose some. */
  guard?: (tx: Queryable) => Promise<void>;
  statements: readonly string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'meetings, their event logs, command results and the secret ballot',
    statements: [
      `CREATE TABLE meetings (
         id text PRIMARY KEY,
         tenant_id text NOT NULL,
         teams_meeting_id text,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT meetings_teams_meeting_unique UNIQUE (tenant_id, teams_meeting_id)
       )`,
      'CREATE INDEX meetings_of_tenant ON meetings (tenant_id, created_at)',
      `CREATE TABLE events (
         meeting_id text NOT NULL REFERENCES meetings (id),
         seq integer NOT NULL CHECK (seq > 0),
         type text NOT NULL,
         data jsonb NOT NULL,
         at timestamptz NOT NULL,
         prev_hash text NOT NULL,
         hash text NOT NULL,
         PRIMARY KEY (meeting_id, seq)
       )`,
      `CREATE TABLE commands (
         meeting_id text NOT NULL REFERENCES meetings (id),
         command_id text NOT NULL,
         result jsonb,
         PRIMARY KEY (meeting_id, command_id)
       )`,
      `CREATE TABLE ballot_boxes (
         vote_id text PRIMARY KEY,
         meeting_id text NOT NULL REFERENCES meetings (id),
         closed boolean NOT NULL DEFAULT false
       )`,
      // Secret ballot invariant 1: no timestamp, no serial, nothing that orders the rows, and
      // nothing that links a member to a counter.
      `CREATE TABLE ballot_participation (
         vote_id text NOT NULL REFERENCES ballot_boxes (vote_id),
         member_id text NOT NULL,
         PRIMARY KEY (vote_id, member_id)
       )`,
      `CREATE TABLE ballot_counters (
         vote_id text NOT NULL REFERENCES ballot_boxes (vote_id),
         choice text NOT NULL,
         count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
         PRIMARY KEY (vote_id, choice)
       )`,
      `CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
       END
       $$`,
      `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
       FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      `CREATE TRIGGER events_not_truncated BEFORE TRUNCATE ON events
       FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      `CREATE TRIGGER ballot_participation_append_only
       BEFORE UPDATE OR DELETE ON ballot_participation
       FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    ],
  },
  {
    version: 2,
    name: 'what the chat bot remembers: conversation references and card ids',
    statements: [
      // Operational memory of the bot, not part of the meeting's record: it holds no choice.
      `CREATE TABLE chat_memory (
         key text PRIMARY KEY,
         value jsonb NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    ],
  },
  {
    version: 3,
    name: "a command id is its issuer's own: the issuer is part of the key of command results",
    statements: [
      'ALTER TABLE commands ADD COLUMN issued_by text',
      // Every event names the identity whose command wrote it, and a result's version is the
      // sequence number of its command's last event: so a retry across the upgrade is still known.
      `UPDATE commands SET issued_by = events.data->>'by'
       FROM events
       WHERE events.meeting_id = commands.meeting_id
         AND events.seq = CASE WHEN jsonb_typeof(commands.result->'version') = 'number'
                               THEN (commands.result->>'version')::numeric END`,
      // A result whose issuer cannot be told stays on record and answers no one's command.
      "UPDATE commands SET issued_by = '' WHERE issued_by IS NULL",
      'ALTER TABLE commands ALTER COLUMN issued_by SET NOT NULL',
      'ALTER TABLE commands DROP CONSTRAINT commands_pkey',
      'ALTER TABLE commands ADD PRIMARY KEY (meeting_id, issued_by, command_id)',
    ],
  },
  {
    version: 4,
    name: 'a summary of each meeting, for the lists of meetings a member may see',
    statements: [
      // Kept by each commit that changes it, so a list is one query rather than a fold per meeting.
      // `roles` maps each member of the roster to their role: the list is filtered on its keys.
      `CREATE TABLE meeting_summaries (
         meeting_id text PRIMARY KEY REFERENCES meetings (id),
         title text NOT NULL,
         municipality text NOT NULL,
         scheduled_start text NOT NULL,
         status text NOT NULL,
         roles jsonb NOT NULL
       )`,
      'CREATE INDEX meeting_summaries_members ON meeting_summaries USING gin (roles)',
    ],
  },
  {
    version: 5,
    name: 'rate-limit counts that every instance of the service shares',
    statements: [
      // The table rate-limiter-flexible's RateLimiterPostgres expects (bot/src/limits): created
      // here, since the service's role may not keep the right to create tables.
      `CREATE TABLE rate_limits (
         key varchar(255) PRIMARY KEY,
         points integer NOT NULL DEFAULT 0,
         expire bigint
       )`,
    ],
  },
  {
    version: 6,
    name: 'what the chat bot announced and which drawing of each card it sent, once across instances',
    statements: [
      // Operational, like chat_memory: which events of a log were announced, never what they say.
      `CREATE TABLE chat_announcements (
         meeting_id text NOT NULL REFERENCES meetings (id),
         seq integer NOT NULL,
         PRIMARY KEY (meeting_id, seq)
       )`,
      `CREATE TABLE chat_card_versions (
         meeting_id text NOT NULL REFERENCES meetings (id),
         card text NOT NULL,
         version integer NOT NULL,
         PRIMARY KEY (meeting_id, card)
       )`,
    ],
  },
  {
    version: 7,
    name: 'the sealed ballot box: encrypted ballots instead of counters per choice',
    guard: refuseUncountedCounterBoxes,
    statements: [
      // Secret ballot invariant 1, as for the participation register: no member, no time, no
      // serial; the key is the ballot's own hash, so even the order of the rows says nothing.
      // A ciphertext opens only with the shares of k trustees, none of which the database holds.
      `CREATE TABLE sealed_ballots (
         vote_id text NOT NULL REFERENCES ballot_boxes (vote_id),
         meeting_id text NOT NULL REFERENCES meetings (id),
         tracker text NOT NULL,
         ballot jsonb NOT NULL,
         PRIMARY KEY (vote_id, tracker)
       )`,
      `CREATE TRIGGER sealed_ballots_append_only
       BEFORE UPDATE OR DELETE ON sealed_ballots
       FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      // The counters linked each voter to a choice through their row versions (issue 15): they go,
      // and the counts of the votes they served stay in the log (VoteCounted).
      'DROP TABLE ballot_counters',
    ],
  },
  {
    version: 8,
    name: 'the service as a trustee of the sealed box: its secret and share, sealed outside the database',
    statements: [
      // Never in events: each value is sealed (AES-256-GCM) under a data key that only a key outside
      // the database (a key file, Key Vault) unwraps, bound to its meeting and ceremony.
      `CREATE TABLE service_trustee_keys (
         meeting_id text NOT NULL REFERENCES meetings (id),
         ceremony integer NOT NULL CHECK (ceremony > 0),
         data_key text NOT NULL,
         secret text NOT NULL,
         share text,
         PRIMARY KEY (meeting_id, ceremony)
       )`,
    ],
  },
  {
    version: 9,
    name: 'the sealed minutes: the PDF the signatories approved, with the service seal',
    statements: [
      `CREATE TABLE sealed_minutes (
         meeting_id text NOT NULL REFERENCES meetings (id),
         approved text NOT NULL,
         pdf bytea NOT NULL,
         PRIMARY KEY (meeting_id, approved)
       )`,
      `CREATE TRIGGER sealed_minutes_append_only
       BEFORE UPDATE OR DELETE ON sealed_minutes
       FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    ],
  },
  {
    version: 10,
    name: 'the published pages: the exact bytes of each version the register of publications records',
    statements: [
      // Keyed by the bytes' own hash, as the register names them: a page is kept once, then never
      // changed, so the register can be checked without rendering anything again.
      `CREATE TABLE published_pages (
         meeting_id text NOT NULL REFERENCES meetings (id),
         sha256 text NOT NULL,
         page bytea NOT NULL,
         PRIMARY KEY (meeting_id, sha256)
       )`,
      `CREATE TRIGGER published_pages_append_only
       BEFORE UPDATE OR DELETE ON published_pages
       FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      `CREATE TRIGGER published_pages_not_truncated BEFORE TRUNCATE ON published_pages
       FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    ],
  },
];

// Any constant that every instance of the service shares.
const migrationLock = 7_240_517_301;

/**
 * Brings the schema up to date (or up to `upTo`, for a test of a later migration on older rows) and
 * returns the versions it applied. One transaction under an advisory lock: a second instance
 * starting at the same moment waits, then finds nothing to do. With `serviceRole`, `db` is the
 * owner, and the service's role is granted what it needs.
 */
export function migrate(
  db: Db,
  { upTo = Infinity, serviceRole }: { upTo?: number; serviceRole?: string } = {},
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const applied = new Set(
      (await tx.query('SELECT version FROM schema_migrations')).map((row) => int(row, 'version')),
    );
    const applying = migrations.filter(
      (migration) => !applied.has(migration.version) && migration.version <= upTo,
    );
    for (const { version, name, guard, statements } of applying) {
      await guard?.(tx);
      for (const statement of statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        version,
        name,
      ]);
    }
    if (serviceRole !== undefined) await grantServicePrivileges(tx, serviceRole);
    return applying.map((migration) => migration.version);
  });
}

/** Throws unless every migration has been applied: for a service that may not run DDL itself. */
export async function expectMigrated(db: Db): Promise<void> {
  const latest = Math.max(...migrations.map((migration) => migration.version));
  const undefinedTable = '42P01';
  const [row] = await db
    .query('SELECT coalesce(max(version), 0) AS version FROM schema_migrations')
    .catch((error: unknown) => {
      if (sqlState(error) === undefinedTable) return [];
      throw error;
    });
  const current = row ? int(row, 'version') : 0;
  if (current < latest) {
    throw new Error(
      `the database schema is at version ${current}, the service needs ${latest}: ` +
        'run the migrations as the owner (DATABASE_MIGRATION_URL)',
    );
  }
}
