/**
 * The service's login role, made by the owner when it is missing (a first deployment), with the
 * password DATABASE_URL carries. Only a SCRAM-SHA-256 verifier travels to the server, so the
 * password itself is in no statement the server could log. An existing role is left as it is:
 * rotating its password is ALTER ROLE by the owner, then the new DATABASE_URL.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { Queryable } from './db';
import { sqlState, text } from './sql';

// Another instance starting at the same moment made it first.
const madeMeanwhile = new Set(['42710', '23505']);

export async function ensureServiceRole(
  owner: Queryable,
  role: string,
  password: string,
): Promise<void> {
  const existing = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (existing.length > 0 || !password) return;
  const [statement] = await owner.query(
    `SELECT format('CREATE ROLE %I LOGIN NOINHERIT PASSWORD %L', $1::text, $2::text) AS sql`,
    [role, scramVerifier(password)],
  );
  if (!statement) return;
  await owner.query(text(statement, 'sql')).catch((error: unknown) => {
    if (!madeMeanwhile.has(sqlState(error) ?? '')) throw error;
  });
}

/** What PostgreSQL stores for a SCRAM-SHA-256 password (RFC 5802, RFC 7677). */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const hmac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  const b64 = (bytes: Buffer) => bytes.toString('base64');
  return `SCRAM-SHA-256$${iterations}:${b64(salt)}$${b64(storedKey)}:${b64(serverKey)}`;
}
