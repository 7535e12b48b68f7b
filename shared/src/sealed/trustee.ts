import type { Bytes, Group } from './group';
import type { DealtShares, Scalar, SittingKey, Trustee, TrusteeCommitment } from './types';
import { fieldOf, listOf } from './wire';

/** What a trustee's tab keeps (wrapped): their polynomial and the key their shares are sealed to. */
export interface TrusteeSecret {
  /** a_0..a_{k-1} */
  readonly coefficients: readonly Scalar[];
  readonly boxPublic: string;
  readonly boxSecret: string;
}

export type Received = { ok: true; share: Scalar } | { ok: false; against: string };

const BOX_KEY = 32;
/** A 32-byte scalar sealed by crypto_box_seal: an ephemeral key and a MAC come with it. */
const SEALED_SHARE = 32 + 48;

/** f(x) = Σ a_l·x^l modulo the order (Horner). */
function evaluate(group: Group, coefficients: readonly Bytes[], x: number): Bytes {
  const at = group.integer(x);
  return coefficients.reduceRight(
    (sum, coefficient) => group.scalarAdd(group.scalarMul(sum, at), coefficient),
    new Uint8Array(32),
  );
}

/** Σ j^l·C_l: what f(j)·G must be, from the dealer's Feldman commitments. */
function committedAt(group: Group, commitments: readonly Bytes[], j: number): Bytes {
  let power = group.integer(1);
  let sum = group.identity();
  for (const commitment of commitments) {
    sum = group.add(sum, group.multiply(power, commitment));
    power = group.scalarMul(power, group.integer(j));
  }
  return sum;
}

function coefficientsOf(group: Group, secret: TrusteeSecret): Bytes[] {
  return secret.coefficients.map((value) => {
    const scalar = group.scalar(value);
    if (!scalar) throw new Error('the trustee secret holds a malformed coefficient');
    return scalar;
  });
}

/** The commitments of one dealer, or null when any is malformed or the identity. */
function commitmentsOf(group: Group, commitment: TrusteeCommitment, threshold: number) {
  const values = listOf(fieldOf(commitment, 'commitments'));
  if (values?.length !== threshold) return null;
  const points = values.map((value) => group.point(value));
  return points.every((point): point is Bytes => point !== null) ? points : null;
}

export function newTrustee(group: Group, threshold: number) {
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError('threshold must be ≥ 1');
  const coefficients = Array.from({ length: threshold }, () => group.randomScalar());
  const box = group.sodium.crypto_box_keypair();
  const secret: TrusteeSecret = {
    coefficients: coefficients.map((a) => group.encode(a)),
    boxPublic: group.encode(box.publicKey),
    boxSecret: group.encode(box.privateKey),
  };
  const commitment: TrusteeCommitment = {
    boxKey: secret.boxPublic,
    commitments: coefficients.map((a) => group.encode(group.base(a))),
  };
  return { secret, commitment };
}

/**
 * Shares are taken at indices 1..n, one per trustee: f(0) is a dealer's secret coefficient, and
 * Σ f_i(0) the sitting's secret. A list that asks for index 0 or gives two trustees one index is
 * refused, whoever drew it up.
 */
function checkIndices(trustees: readonly Trustee[]): void {
  const byMember = new Map(trustees.map((trustee) => [trustee.member, trustee.index]));
  const indices = new Set(byMember.values());
  if (
    indices.size !== byMember.size ||
    [...indices].some((index) => !Number.isSafeInteger(index) || index < 1)
  ) {
    throw new RangeError('trustee indices must be distinct integers ≥ 1');
  }
}

/** f_me(j), sealed to j's box key, for every trustee j but me. */
export function dealShares(
  group: Group,
  secret: TrusteeSecret,
  me: Trustee,
  to: readonly (Trustee & { boxKey: string })[],
): DealtShares {
  checkIndices([...to.filter((trustee) => trustee.member !== me.member), me]);
  const coefficients = coefficientsOf(group, secret);
  const shares: Record<string, string> = {};
  for (const trustee of to) {
    if (trustee.member === me.member) continue;
    const boxKey = group.decode(trustee.boxKey, BOX_KEY);
    if (!boxKey) throw new Error(`${trustee.member}'s box key is malformed`);
    const share = evaluate(group, coefficients, trustee.index);
    shares[trustee.member] = group.encode(group.sodium.crypto_box_seal(share, boxKey));
  }
  return { shares };
}

/**
 * x_me = f_me(me) + Σ f_i(me), each share opened and checked against its dealer's commitments
 * (Feldman); the first dealer whose share is missing, unreadable or inconsistent is named.
 */
export function receiveShares(
  group: Group,
  secret: TrusteeSecret,
  me: Trustee,
  from: readonly { trustee: Trustee; commitment: TrusteeCommitment; dealt: DealtShares }[],
): Received {
  checkIndices([...from.map(({ trustee }) => trustee).filter((t) => t.member !== me.member), me]);
  const coefficients = coefficientsOf(group, secret);
  const boxPublic = group.decode(secret.boxPublic, BOX_KEY);
  const boxSecret = group.decode(secret.boxSecret, BOX_KEY);
  if (!boxPublic || !boxSecret) throw new Error('the trustee secret holds a malformed box key');
  let share = evaluate(group, coefficients, me.index);
  for (const { trustee, commitment, dealt } of from) {
    if (trustee.member === me.member) continue;
    const commitments = commitmentsOf(group, commitment, coefficients.length);
    const sealed = group.decode(fieldOf(fieldOf(dealt, 'shares'), me.member), SEALED_SHARE);
    const dealtShare = commitments && sealed ? open(group, sealed, boxPublic, boxSecret) : null;
    if (
      !commitments ||
      !dealtShare ||
      !group.equal(group.base(dealtShare), committedAt(group, commitments, me.index))
    ) {
      return { ok: false, against: trustee.member };
    }
    share = group.scalarAdd(share, dealtShare);
  }
  return { ok: true, share: group.encode(share) };
}

function open(group: Group, sealed: Bytes, boxPublic: Bytes, boxSecret: Bytes): Bytes | null {
  try {
    return group.scalar(
      group.encode(group.sodium.crypto_box_seal_open(sealed, boxPublic, boxSecret)),
    );
  } catch {
    return null;
  }
}

/** The sitting's public key Σ C_{i,0} and each trustee's verification key x_j·G = Σ_i F_i(j). */
export function sittingKey(
  group: Group,
  trustees: readonly Trustee[],
  commitments: Readonly<Record<string, TrusteeCommitment>>,
  threshold: number,
): SittingKey {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > trustees.length) {
    throw new RangeError(`a threshold of ${threshold} for ${trustees.length} trustees`);
  }
  checkIndices(trustees);
  if (new Set(trustees.map((trustee) => trustee.member)).size !== trustees.length) {
    throw new RangeError('a trustee is listed twice');
  }
  const dealers = trustees.map((trustee) => {
    const commitment = commitments[trustee.member];
    const points = commitment ? commitmentsOf(group, commitment, threshold) : null;
    if (!points) throw new Error(`${trustee.member}'s commitments are missing or malformed`);
    return points;
  });
  const publicKey = dealers.reduce(
    (sum, points) => group.add(sum, points[0] as Bytes),
    group.identity(),
  );
  if (group.isIdentity(publicKey)) throw new Error('the sitting key is the identity');
  return {
    publicKey: group.encode(publicKey),
    threshold,
    trustees: trustees.map((trustee) => ({
      member: trustee.member,
      index: trustee.index,
      verificationKey: group.encode(
        dealers.reduce(
          (sum, points) => group.add(sum, committedAt(group, points, trustee.index)),
          group.identity(),
        ),
      ),
    })),
  };
}

/** λ_i = Π_{j≠i} j / (j − i): the weight of trustee i's share when `indices` decrypt together. */
export function lagrangeAtZero(group: Group, indices: readonly number[], i: number): Bytes {
  let numerator = group.integer(1);
  let denominator = group.integer(1);
  for (const j of indices) {
    if (j === i) continue;
    numerator = group.scalarMul(numerator, group.integer(j));
    denominator = group.scalarMul(denominator, group.scalarSub(group.integer(j), group.integer(i)));
  }
  return group.scalarMul(numerator, group.scalarInvert(denominator));
}
