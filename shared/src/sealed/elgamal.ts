import type { Bytes, Group } from './group';
import type { Ciphertext } from './types';
import { fieldOf } from './wire';

export interface Pair {
  readonly a: Bytes;
  readonly b: Bytes;
}

/** The sum of two ciphertexts encrypts the sum of their messages. */
export const addPairs = (group: Group, x: Pair, y: Pair): Pair => ({
  a: group.add(x.a, y.a),
  b: group.add(x.b, y.b),
});

export const emptyPair = (group: Group): Pair => ({ a: group.identity(), b: group.identity() });

export const encodePair = (group: Group, pair: Pair): Ciphertext => ({
  a: group.encode(pair.a),
  b: group.encode(pair.b),
});

/** A ciphertext off the wire, or null; a ballot's never holds the identity, an aggregate's may. */
export function decodePair(
  group: Group,
  ciphertext: unknown,
  identity: 'allowed' | 'refused',
): Pair | null {
  const pa = group.point(fieldOf(ciphertext, 'a'), identity);
  const pb = group.point(fieldOf(ciphertext, 'b'), identity);
  return pa && pb ? { a: pa, b: pb } : null;
}
