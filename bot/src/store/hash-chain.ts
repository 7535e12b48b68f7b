/**
 * The hash chain of a meeting's event log, kept free of any database so that an audit tool can
 * recompute it from an export: hash = sha256(prevHash + canonical JSON of
 * {meetingId, seq, type, data, at}), hex; the first event's prevHash is GENESIS_HASH.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  meetingId: string;
  seq: number;
  type: string;
  data: unknown;
  /** ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
  at: string;
}

export interface ChainedEvent extends HashedFields {
  prevHash: string;
  hash: string;
}

export function eventHash(
  prevHash: string,
  { meetingId, seq, type, data, at }: HashedFields,
): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson({ meetingId, seq, type, data, at }))
    .digest('hex');
}

/**
 * JSON with the keys of every object sorted by UTF-16 code units and no whitespace: the
 * serialisation of RFC 8785 (JCS) for the values JSON can hold. What JSON.stringify would drop
 * (undefined, functions) is dropped; toJSON is honoured, so a Date becomes its ISO string.
 */
export function canonicalJson(value: unknown): string {
  const json = serialise(value);
  if (json === undefined) throw new TypeError('the value has no JSON form');
  return json;
}

function serialise(value: unknown): string | undefined {
  const plain = hasToJson(value) ? value.toJSON() : value;
  if (plain === undefined || typeof plain === 'function' || typeof plain === 'symbol') {
    return undefined;
  }
  if (typeof plain === 'bigint') throw new TypeError('a bigint has no JSON form');
  if (plain === null || typeof plain !== 'object') return JSON.stringify(plain);
  if (Array.isArray(plain)) {
    return `[${plain.map((item: unknown) => serialise(item) ?? 'null').join(',')}]`;
  }
  const record = plain as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .flatMap((key) => {
      const member = serialise(record[key]);
      return member === undefined ? [] : [`${JSON.stringify(key)}:${member}`];
    });
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON: () => unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'toJSON' in value &&
    typeof value.toJSON === 'function'
  );
}

export type ChainCheck = { intact: true } | { intact: false; seq: number; reason: string };

/**
 * Recomputes a meeting's chain from its events in order. A chain read from seq 1 must start at
 * GENESIS_HASH; one read from later on is anchored on the prevHash of its first event.
 */
export function checkChain(events: readonly ChainedEvent[]): ChainCheck {
  let previous: ChainedEvent | undefined;
  for (const event of events) {
    const broken = (reason: string): ChainCheck => ({ intact: false, seq: event.seq, reason });
    if (previous === undefined) {
      if (event.seq === 1 && event.prevHash !== GENESIS_HASH) {
        return broken('the first event does not start from the genesis hash');
      }
    } else {
      if (event.meetingId !== previous.meetingId) return broken('the events of two meetings');
      if (event.seq !== previous.seq + 1) return broken('a sequence number is missing');
      if (event.prevHash !== previous.hash) return broken('prevHash is not the previous hash');
    }
    if (eventHash(event.prevHash, event) !== event.hash) {
      return broken('the hash does not match the event');
    }
    previous = event;
  }
  return { intact: true };
}
