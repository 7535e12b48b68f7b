/**
 * The attacker's last step: with a member linked to a ciphertext, try every value of 32 bytes the
 * database, its files and the service's configuration hold as the decryption key. A key x opens a
 * ballot's ciphertext (a, b) when b − x·a is 0·G or 1·G, and a vote's aggregate when it is t·G for
 * the vote's total t.
 */
import type { Ciphertext } from '@council/shared/sealed';
import type { Bytes, Group } from '../../../shared/src/sealed/group';

const base64url32 = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
const hex32 = /(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])/g;

/**
 * Every 32-byte value written as base64url (points, scalars, box keys) or hex (hashes, trackers)
 * in the texts, as a scalar: taken as it is when below the group order, else reduced.
 */
export function storedScalars(group: Group, texts: Iterable<string>): Map<string, Bytes> {
  const found = new Map<string, Bytes>();
  const keep = (bytes: Uint8Array) => {
    const wide = new Uint8Array(64);
    wide.set(bytes);
    const scalar = group.sodium.crypto_core_ristretto255_scalar_reduce(wide);
    found.set(group.encode(scalar), scalar);
  };
  for (const text of texts) {
    for (const [value] of text.matchAll(base64url32)) {
      const bytes = group.decode(value);
      if (bytes) keep(bytes);
    }
    for (const [value] of text.matchAll(hex32)) keep(Buffer.from(value, 'hex'));
  }
  return found;
}

/**
 * Whether a key decrypts a ciphertext to one of the `plaintexts`: b − x·a compared with m·G, each
 * m·G computed once.
 */
export function keyTester(group: Group) {
  const messages = new Map<number, Bytes>();
  const message = (m: number) => {
    let point = messages.get(m);
    if (!point) messages.set(m, (point = group.base(group.integer(m))));
    return point;
  };
  return (key: Bytes, ciphertext: Ciphertext, plaintexts: readonly number[]): boolean => {
    const a = group.point(ciphertext.a, 'allowed');
    const b = group.point(ciphertext.b, 'allowed');
    if (!a || !b) return false;
    const opened = group.sub(b, group.multiply(key, a));
    return plaintexts.some((m) => group.equal(opened, message(m)));
  };
}
