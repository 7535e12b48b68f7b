import type { Bytes, Group } from './group';
import { commitEquality, type Commitment } from './proofs';

/**
 * Everything one slot of a ballot costs in scalar multiplications, made before the choice is known:
 * the ciphertext's randomness r with a = r·G and masked = r·K, the real branch's commitment
 * (w·G, w·K), and the simulated branch's challenge c and answer z with the products it needs
 * (z·G, z·K, c·a, c·masked, c·G). Sealing a choice then takes additions and hashes only. The
 * secrets are used once: sealing wipes them, and a wiped slot is refused.
 */
export interface PreparedSlot {
  readonly r: Bytes;
  readonly a: Bytes;
  readonly masked: Bytes;
  readonly w: Bytes;
  readonly wG: Bytes;
  readonly wK: Bytes;
  readonly c: Bytes;
  readonly z: Bytes;
  readonly zG: Bytes;
  readonly zK: Bytes;
  readonly cA: Bytes;
  readonly cMasked: Bytes;
  readonly cG: Bytes;
}

/** A ballot's worth of preparation under one key: a slot per choice and the sum proof's commitment. */
export interface PreparedBallot {
  readonly key: Bytes;
  readonly slots: readonly PreparedSlot[];
  readonly sum: Commitment;
}

export function prepareSlot(group: Group, key: Bytes): PreparedSlot {
  const [r, w, c, z] = [0, 1, 2, 3].map(() => group.randomScalar()) as [Bytes, Bytes, Bytes, Bytes];
  const a = group.base(r);
  const masked = group.multiply(r, key);
  return {
    r,
    a,
    masked,
    w,
    wG: group.base(w),
    wK: group.multiply(w, key),
    c,
    z,
    zG: group.base(z),
    zK: group.multiply(z, key),
    cA: group.multiply(c, a),
    cMasked: group.multiply(c, masked),
    cG: group.base(c),
  };
}

export function prepareBallot(group: Group, key: Bytes, choices: number): PreparedBallot {
  if (!Number.isInteger(choices) || choices < 1) throw new RangeError('a ballot needs a choice');
  return {
    key,
    slots: Array.from({ length: choices }, () => prepareSlot(group, key)),
    sum: commitEquality(group, group.generator, key),
  };
}

/**
 * The prepared secrets (each slot's r and w, the sum's w), refused if they were spent already; the
 * caller wipes them once the ballot is sealed, so reusing a preparation fails instead of leaking
 * (two ballots with one r would reveal the difference of their choices).
 */
export function unspentSecrets(group: Group, prepared: PreparedBallot): readonly Bytes[] {
  const secrets = [...prepared.slots.flatMap((slot) => [slot.r, slot.w]), prepared.sum.w];
  // A wiped secret is zero; a fresh one is zero with probability 2^-252.
  if (secrets.some((secret) => group.sodium.is_zero(secret))) {
    throw new Error('this prepared ballot was used already');
  }
  return secrets;
}
