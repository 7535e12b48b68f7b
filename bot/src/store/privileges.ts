/**
 * Least privilege: the service's own role appends to the meeting's record and reads it, and
 * changes only the few columns that must change. It may not rewrite or empty the log (no UPDATE,
 * DELETE or TRUNCATE on events, commands, ballot_participation, sealed_ballots, sealed_minutes,
 * published_pages) nor create anything; the owner that runs the migrations grants exactly this,
 * after every migration.
 */
import { escapeIdentifier } from 'pg';
import type { Queryable } from './db';
import { text } from './sql';

/** Every table the migrations create, and what the service's role may do with it. */
export const servicePrivileges: Readonly<Record<string, string>> = {
  schema_migrations: 'SELECT',
  meetings: 'SELECT, INSERT, UPDATE (teams_meeting_id)',
  events: 'SELECT, INSERT',
  commands: 'SELECT, INSERT',
  ballot_boxes: 'SELECT, INSERT, UPDATE (closed)',
  ballot_participation: 'SELECT, INSERT',
  sealed_ballots: 'SELECT, INSERT',
  chat_memory: 'SELECT, INSERT, UPDATE (value, updated_at), DELETE',
  rate_limits: 'SELECT, INSERT, UPDATE, DELETE',
  meeting_summaries: 'SELECT, INSERT, UPDATE (title, municipality, scheduled_start, status, roles)',
  chat_announcements: 'SELECT, INSERT',
  chat_card_versions: 'SELECT, INSERT, UPDATE (version), DELETE',
  service_trustee_keys: 'SELECT, INSERT, UPDATE (share)',
  sealed_minutes: 'SELECT, INSERT',
  published_pages: 'SELECT, INSERT',
};

/**
 * Grants the service's role what `servicePrivileges` lists, and nothing else, in the owner's
 * current schema. Revoking first makes a narrower list take effect on a database granted before.
 * A table the list forgets would fail the service at its first write: it fails the migration now.
 */
export async function grantServicePrivileges(owner: Queryable, serviceRole: string): Promise<void> {
  const role = escapeIdentifier(serviceRole);
  const [schemaRow] = await owner.query('SELECT current_schema() AS name');
  if (!schemaRow) throw new Error('the owner connection has no current schema');
  const schema = escapeIdentifier(text(schemaRow, 'name'));
  const tables = await owner.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const unlisted = tables
    .map((row) => text(row, 'table_name'))
    .filter((table) => !Object.hasOwn(servicePrivileges, table));
  if (unlisted.length > 0) {
    throw new Error(`no privileges listed for the service on: ${unlisted.join(', ')}`);
  }

  await owner.query(`REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC, ${role}`);
  await owner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
  for (const [table, privileges] of Object.entries(servicePrivileges)) {
    const name = `${schema}.${escapeIdentifier(table)}`;
    await owner.query(`REVOKE ALL ON TABLE ${name} FROM PUBLIC, ${role}`);
    await owner.query(`GRANT ${privileges} ON TABLE ${name} TO ${role}`);
  }
  // An identity column's INSERT draws from its sequence.
  await owner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`);
}
