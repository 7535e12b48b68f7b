import { addPairs, decodePair, encodePair, type Pair } from './elgamal';
import type { Bytes, Group } from './group';
import {
  proveEquality,
  proveZeroOrOne,
  verifyEquality,
  verifyZeroOrOne,
  type Binding,
  type Statement,
} from './proofs';
import { prepareBallot, unspentSecrets, type PreparedBallot, type PreparedSlot } from './prepared';
import type { SealedBallot, VoteContext } from './types';
import { fieldOf, listOf } from './wire';

const ONE_CHOICE = 'council/sealed/one-choice/v1';

const slotBinding = (context: VoteContext, choices: number, slot: number): Binding => [
  'ballot',
  context.meetingId,
  context.voteId,
  choices,
  slot,
];

/** The sum proof hashes every ciphertext of the ballot, so no slot can be swapped for another. */
function sumStatement(group: Group, key: Bytes, pairs: readonly Pair[]) {
  const total = pairs.reduce((sum, pair) => addPairs(group, sum, pair));
  const statement: Statement = {
    g1: group.generator,
    h1: total.a,
    g2: key,
    h2: group.sub(total.b, group.generator),
  };
  const binding = (context: VoteContext): Binding => [
    context.meetingId,
    context.voteId,
    pairs.length,
    ...pairs.flatMap((pair) => [pair.a, pair.b]),
  ];
  return { statement, binding };
}

/**
 * Seals a choice: a ciphertext per choice, 1 for the one chosen and 0 elsewhere, each proved 0 or 1,
 * and a proof that they add up to 1. `prepared` (prepareBallot) moves every scalar multiplication
 * before the choice is known; it is spent here and refused if given again.
 */
export function encryptBallot(
  group: Group,
  key: Bytes,
  context: VoteContext,
  choice: number,
  choices: number,
  prepared: PreparedBallot = prepareBallot(group, key, choices),
): SealedBallot {
  if (!Number.isInteger(choices) || choices < 1) throw new RangeError('a ballot needs a choice');
  if (!Number.isInteger(choice) || choice < 0 || choice >= choices) {
    throw new RangeError('the choice is not one of the vote');
  }
  if (prepared.slots.length !== choices || !group.equal(prepared.key, key)) {
    throw new RangeError('the prepared ballot is for another key or number of choices');
  }
  const secrets = unspentSecrets(group, prepared);
  try {
    const pairs = prepared.slots.map(({ a, masked }, slot) => ({
      a,
      b: slot === choice ? group.add(masked, group.generator) : masked,
    }));
    const slots = pairs.map((pair, slot) => ({
      ciphertext: encodePair(group, pair),
      proof: proveZeroOrOne(
        group,
        slotBinding(context, choices, slot),
        key,
        pair,
        slot === choice ? 1 : 0,
        prepared.slots[slot] as PreparedSlot,
      ),
    }));
    const total = prepared.slots.reduce((sum, { r }) => group.scalarAdd(sum, r), group.integer(0));
    const { statement, binding } = sumStatement(group, key, pairs);
    return {
      choices: slots,
      sum: proveEquality(group, ONE_CHOICE, binding(context), statement, total, prepared.sum),
    };
  } finally {
    for (const secret of secrets) secret.fill(0);
  }
}

/** Never throws: anything malformed is simply not a valid ballot. */
export function verifyBallot(
  group: Group,
  key: Bytes,
  context: VoteContext,
  ballot: unknown,
  choices: number,
): boolean {
  try {
    const slots = listOf(fieldOf(ballot, 'choices'));
    if (!slots || slots.length !== choices || choices < 1) return false;
    const pairs: Pair[] = [];
    for (const [index, slot] of slots.entries()) {
      const pair = decodePair(group, fieldOf(slot, 'ciphertext'), 'refused');
      const proof = fieldOf(slot, 'proof');
      if (
        !pair ||
        !verifyZeroOrOne(group, slotBinding(context, choices, index), key, pair, proof)
      ) {
        return false;
      }
      pairs.push(pair);
    }
    const { statement, binding } = sumStatement(group, key, pairs);
    return verifyEquality(group, ONE_CHOICE, binding(context), statement, fieldOf(ballot, 'sum'));
  } catch {
    return false;
  }
}

/** The ballot with its fields in one fixed order and nothing else: what its tracker hashes. */
export function canonicalBallot(ballot: SealedBallot): string {
  return JSON.stringify({
    choices: ballot.choices.map(({ ciphertext, proof }) => ({
      ciphertext: { a: ciphertext.a, b: ciphertext.b },
      proof: { c0: proof.c0, c1: proof.c1, z0: proof.z0, z1: proof.z1 },
    })),
    sum: { c: ballot.sum.c, z: ballot.sum.z },
  });
}
