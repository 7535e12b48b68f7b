/** Small helpers for reading rows and database errors the same way on PGlite and PostgreSQL. */
import type { Row } from './db';

export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`column ${column} is not text`);
  return value;
}

export function nullableText(row: Row, column: string): string | null {
  return row[column] === null ? null : text(row, column);
}

export function int(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`column ${column} is not an integer`);
  }
  return value;
}

/** A bytea as a Buffer over the same memory; undefined when the row or the value is missing. */
export function bytea(row: Row | undefined, column: string): Buffer | undefined {
  const value = row?.[column];
  return value instanceof Uint8Array
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : undefined;
}

/** A timestamptz as an ISO 8601 string in UTC, with milliseconds. */
export function isoTime(row: Row, column: string): string {
  const value = row[column];
  // Not instanceof: a driver's Date may come from another realm (a jest sandbox, a worker).
  if (Object.prototype.toString.call(value) !== '[object Date]') {
    throw new TypeError(`column ${column} is not a timestamp`);
  }
  return (value as Date).toISOString();
}

/** The SQLSTATE of a database error. */
export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** The constraint that a unique violation (23505) broke. */
export function brokenUniqueConstraint(error: unknown): string | undefined {
  if (sqlState(error) !== '23505') return undefined;
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/** Names spliced into SQL text (channels, schemas) must be plain identifiers. */
export function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}
