/**
 * The schema, as one ordered list of migrations. Each runs once, recorded in schema_migrations.
 * Append new migrations at the end; never edit one that has shipped.
 */
import type { Db } from './db';
import { int } from './sql';

interface Migration {
  version: number;
  name: string;
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
];

// Any constant that every instance of the service shares.
const migrationLock = 7_240_517_301;

/**
 * Brings the schema up to date and returns the versions it applied. One transaction under an
 * advisory lock: a second instance starting at the same moment waits, then finds nothing to do.
 */
export function migrate(db: Db): Promise<number[]> {
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
    const applying = migrations.filter((migration) => !applied.has(migration.version));
    for (const { version, name, statements } of applying) {
      for (const statement of statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        version,
        name,
      ]);
    }
    return applying.map((migration) => migration.version);
  });
}
