import type { Bytes, Group } from './group';
import type { EqualityProof, ZeroOrOneProof } from './types';
import type { PreparedSlot } from './prepared';
import { fieldOf } from './wire';

/** What a proof's challenge hashes besides its statement: the vote, the slot, the prover. */
export type Binding = readonly (string | number | Bytes)[];

/** The two pairs whose discrete logarithms an equality proof says are one: h1 = x·g1, h2 = x·g2. */
export interface Statement {
  readonly g1: Bytes;
  readonly h1: Bytes;
  readonly g2: Bytes;
  readonly h2: Bytes;
}

const ZERO_OR_ONE = 'council/sealed/zero-or-one/v1';

const times = (group: Group, n: Bytes, point: Bytes) =>
  group.equal(point, group.generator) ? group.base(n) : group.multiply(n, point);

/** A prover's first move in an equality proof: t1 = w·g1 and t2 = w·g2 for a fresh secret w. */
export interface Commitment {
  readonly w: Bytes;
  readonly t1: Bytes;
  readonly t2: Bytes;
}

export function commitEquality(group: Group, g1: Bytes, g2: Bytes): Commitment {
  const w = group.randomScalar();
  return { w, t1: times(group, w, g1), t2: times(group, w, g2) };
}

/**
 * Chaum–Pedersen: knowledge of x with h1 = x·g1 and h2 = x·g2, bound to `tag` and `binding`. The
 * commitment may have been made earlier (it depends on g1 and g2 only), but is used once.
 */
export function proveEquality(
  group: Group,
  tag: string,
  binding: Binding,
  statement: Statement,
  x: Bytes,
  { w, t1, t2 }: Commitment = commitEquality(group, statement.g1, statement.g2),
): EqualityProof {
  const { g1, h1, g2, h2 } = statement;
  const c = group.challenge(tag, [...binding, g1, h1, g2, h2, t1, t2]);
  const z = group.scalarAdd(w, group.scalarMul(c, x));
  return { c: group.encode(c), z: group.encode(z) };
}

export function verifyEquality(
  group: Group,
  tag: string,
  binding: Binding,
  statement: Statement,
  proof: unknown,
): boolean {
  const c = group.scalar(fieldOf(proof, 'c'));
  const z = group.scalar(fieldOf(proof, 'z'));
  if (!c || !z) return false;
  const { g1, h1, g2, h2 } = statement;
  const t1 = group.sub(times(group, z, g1), group.multiply(c, h1));
  const t2 = group.sub(times(group, z, g2), group.multiply(c, h2));
  return group.equal(c, group.challenge(tag, [...binding, g1, h1, g2, h2, t1, t2]));
}

/**
 * Disjunctive Chaum–Pedersen: (a, b) encrypts 0 or 1 under `key`, i.e. b − m·G = r·key with
 * a = r·G for m = 0 or m = 1. The branch not taken is simulated from a chosen challenge. Every
 * product the proof needs comes from the slot, made before the choice was known.
 */
export function proveZeroOrOne(
  group: Group,
  binding: Binding,
  key: Bytes,
  ciphertext: { a: Bytes; b: Bytes },
  m: 0 | 1,
  slot: PreparedSlot,
): ZeroOrOneProof {
  const { a, b } = ciphertext;
  const other = m === 0 ? 1 : 0;
  // c·(b − other·G) with b = masked + m·G: c·masked − c·G for m = 0, c·masked + c·G for m = 1.
  const shifted = m === 0 ? group.sub(slot.cMasked, slot.cG) : group.add(slot.cMasked, slot.cG);
  const commitments: Bytes[] = [];
  commitments[m * 2] = slot.wG;
  commitments[m * 2 + 1] = slot.wK;
  commitments[other * 2] = group.sub(slot.zG, slot.cA);
  commitments[other * 2 + 1] = group.sub(slot.zK, shifted);
  const c = group.challenge(ZERO_OR_ONE, [...binding, key, a, b, ...commitments]);
  const cMine = group.scalarSub(c, slot.c);
  const zMine = group.scalarAdd(slot.w, group.scalarMul(cMine, slot.r));
  const [c0, c1] = m === 0 ? [cMine, slot.c] : [slot.c, cMine];
  const [z0, z1] = m === 0 ? [zMine, slot.z] : [slot.z, zMine];
  return { c0: group.encode(c0), c1: group.encode(c1), z0: group.encode(z0), z1: group.encode(z1) };
}

export function verifyZeroOrOne(
  group: Group,
  binding: Binding,
  key: Bytes,
  ciphertext: { a: Bytes; b: Bytes },
  proof: unknown,
): boolean {
  const [c0, c1, z0, z1] = ['c0', 'c1', 'z0', 'z1'].map((name) =>
    group.scalar(fieldOf(proof, name)),
  );
  if (!c0 || !c1 || !z0 || !z1) return false;
  const { a, b } = ciphertext;
  const commitments = [
    group.sub(group.base(z0), group.multiply(c0, a)),
    group.difference(z0, key, c0, b),
    group.sub(group.base(z1), group.multiply(c1, a)),
    group.difference(z1, key, c1, group.sub(b, group.generator)),
  ];
  const c = group.challenge(ZERO_OR_ONE, [...binding, key, a, b, ...commitments]);
  return group.equal(c, group.scalarAdd(c0, c1));
}
