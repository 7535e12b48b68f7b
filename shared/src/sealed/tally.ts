import { canonicalBallot } from './ballot';
import { addPairs, decodePair, emptyPair, encodePair, type Pair } from './elgamal';
import type { Bytes, Group } from './group';
import { proveEquality, verifyEquality, type Binding } from './proofs';
import { lagrangeAtZero } from './trustee';
import type {
  Aggregate,
  PartialDecryption,
  SealedBallot,
  SittingKey,
  Trustee,
  VoteContext,
} from './types';
import { fieldOf, listOf } from './wire';

const PARTIAL = 'council/sealed/partial-decryption/v1';
/** The most ballots a vote's totals are looked up among (i·G for i = 0..MAX_BALLOTS). */
export const MAX_BALLOTS = 10_000;

export const tracker = (group: Group, ballot: SealedBallot): string =>
  group.sha256Hex(canonicalBallot(ballot));

/** The board's hash: every tracker, sorted, one a line. */
export const boardOf = (group: Group, trackers: readonly string[]): string =>
  group.sha256Hex([...trackers].sort().join('\n'));

export function aggregate(
  group: Group,
  ballots: readonly SealedBallot[],
  choices: number,
): Aggregate {
  const sums: Pair[] = Array.from({ length: choices }, () => emptyPair(group));
  for (const ballot of ballots) {
    if (ballot.choices.length !== choices)
      throw new Error('a ballot has the wrong number of choices');
    ballot.choices.forEach(({ ciphertext }, slot) => {
      const pair = decodePair(group, ciphertext, 'refused');
      if (!pair) throw new Error('a ballot holds a malformed ciphertext');
      sums[slot] = addPairs(group, sums[slot] as Pair, pair);
    });
  }
  return {
    ciphertexts: sums.map((pair) => encodePair(group, pair)),
    ballots: ballots.length,
    board: boardOf(
      group,
      ballots.map((ballot) => tracker(group, ballot)),
    ),
  };
}

const partialBinding = (context: VoteContext, trustee: Trustee, slot: number): Binding => [
  context.meetingId,
  context.voteId,
  trustee.member,
  trustee.index,
  slot,
];

function aggregatePairs(group: Group, aggregate: Aggregate): Pair[] | null {
  const ciphertexts = listOf(fieldOf(aggregate, 'ciphertexts'));
  if (!ciphertexts || ciphertexts.length < 1) return null;
  const pairs = ciphertexts.map((ciphertext) => decodePair(group, ciphertext, 'allowed'));
  return pairs.every((pair): pair is Pair => pair !== null) ? pairs : null;
}

/** d = x_i·a for each choice's aggregate, each proved against x_i·G. */
export function decryptShare(
  group: Group,
  share: Bytes,
  me: Trustee,
  aggregate: Aggregate,
  context: VoteContext,
): PartialDecryption {
  const pairs = aggregatePairs(group, aggregate);
  if (!pairs) throw new Error('the aggregate is malformed');
  const verificationKey = group.base(share);
  return {
    shares: pairs.map(({ a }, slot) => {
      const d = group.multiply(share, a);
      const statement = { g1: group.generator, h1: verificationKey, g2: a, h2: d };
      return {
        d: group.encode(d),
        proof: proveEquality(group, PARTIAL, partialBinding(context, me, slot), statement, share),
      };
    }),
  };
}

/** Never throws. */
export function verifyPartial(
  group: Group,
  key: SittingKey,
  member: string,
  aggregate: Aggregate,
  partial: PartialDecryption,
  context: VoteContext,
): boolean {
  try {
    const trustee = key.trustees.find((candidate) => candidate.member === member);
    const verificationKey = trustee ? group.point(trustee.verificationKey) : null;
    const pairs = aggregatePairs(group, aggregate);
    if (!trustee || !verificationKey || !pairs) return false;
    const shares = listOf(fieldOf(partial, 'shares'));
    if (!shares || shares.length !== pairs.length) return false;
    return shares.every((share, slot) => {
      const d = group.point(fieldOf(share, 'd'), 'allowed');
      const a = (pairs[slot] as Pair).a;
      if (!d) return false;
      const statement = { g1: group.generator, h1: verificationKey, g2: a, h2: d };
      const binding = partialBinding(context, trustee, slot);
      return verifyEquality(group, PARTIAL, binding, statement, fieldOf(share, 'proof'));
    });
  } catch {
    return false;
  }
}

/** i·G → i for i = 0..ballots: the totals are small discrete logarithms. */
function lookupTable(group: Group, ballots: number): Map<string, number> {
  const table = new Map<string, number>();
  let point = group.identity();
  for (let i = 0; i <= ballots; i += 1) {
    table.set(group.encode(point), i);
    point = group.add(point, group.generator);
  }
  return table;
}

/** A partial decryption given to combine() whose proof does not hold: the count is refused. */
export class PartialRefused extends Error {
  constructor(readonly member: string) {
    super(`the partial decryption by ${member} does not verify against their key`);
    this.name = 'PartialRefused';
  }
}

/**
 * The counts per choice from k partial decryptions (the first k trustees, by index, of those
 * given). Every partial given is checked against its trustee's key first: one that does not
 * verify refuses the count (PartialRefused), whoever checked it before. Throws too when fewer
 * than k are given or a total is out of range.
 */
export function combine(
  group: Group,
  key: SittingKey,
  aggregate: Aggregate,
  partials: Readonly<Record<string, PartialDecryption>>,
  context: VoteContext,
): number[] {
  const pairs = aggregatePairs(group, aggregate);
  if (!pairs) throw new Error('the aggregate is malformed');
  if (
    !Number.isInteger(aggregate.ballots) ||
    aggregate.ballots < 0 ||
    aggregate.ballots > MAX_BALLOTS
  ) {
    throw new RangeError(`the aggregate counts ${aggregate.ballots} ballots`);
  }
  for (const [member, partial] of Object.entries(partials)) {
    if (!verifyPartial(group, key, member, aggregate, partial, context)) {
      throw new PartialRefused(member);
    }
  }
  const usable = [...key.trustees]
    .sort((x, y) => x.index - y.index)
    .flatMap((trustee) => {
      const shares = listOf(fieldOf(partials[trustee.member], 'shares'));
      if (!shares || shares.length !== pairs.length) return [];
      const ds = shares.map((share) => group.point(fieldOf(share, 'd'), 'allowed'));
      return ds.every((d): d is Bytes => d !== null) ? [{ index: trustee.index, ds }] : [];
    })
    .slice(0, key.threshold);
  if (usable.length < key.threshold) {
    throw new Error(`${usable.length} partial decryptions of the ${key.threshold} needed`);
  }
  const indices = usable.map(({ index }) => index);
  const weights = usable.map(({ index }) => lagrangeAtZero(group, indices, index));
  const table = lookupTable(group, aggregate.ballots);
  return pairs.map(({ b }, slot) => {
    const mask = usable.reduce(
      (sum, { ds }, n) => group.add(sum, group.multiply(weights[n] as Bytes, ds[slot] as Bytes)),
      group.identity(),
    );
    const count = table.get(group.encode(group.sub(b, mask)));
    if (count === undefined)
      throw new Error(`choice ${slot + 1}'s total is not 0..${aggregate.ballots}`);
    return count;
  });
}
