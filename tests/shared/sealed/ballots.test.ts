import fc from 'fast-check';
import type { SealedBallot } from '@council/shared/sealed';
import type { Sealed } from '@council/shared/sealed';
import { encodePair } from '../../../shared/src/sealed/elgamal';
import { prepareSlot } from '../../../shared/src/sealed/prepared';
import type { Group } from '../../../shared/src/sealed/group';
import { proveEquality, proveZeroOrOne } from '../../../shared/src/sealed/proofs';
import { altered, ceremony, context, loadBoth, must, type Ceremony } from './support';

let sealed: Sealed;
let group: Group;
let sitting: Ceremony;
let key: string;

beforeAll(async () => {
  ({ sealed, group } = await loadBoth());
  sitting = ceremony(sealed, 3, 2);
  key = sitting.key.publicKey;
});

const decryptOne = (ballot: SealedBallot, choices: number) => {
  const aggregate = sealed.aggregate([ballot], choices);
  const [first, second] = sitting.trustees;
  const partials = Object.fromEntries(
    [first, second].map((trustee) => [
      must(trustee).member,
      sealed.decryptShare(
        must(sitting.shares[must(trustee).member]),
        must(trustee),
        aggregate,
        context,
      ),
    ]),
  );
  return sealed.combine(sitting.key, aggregate, partials, context);
};

describe('a sealed ballot', () => {
  test.each([
    ['sealed at once', undefined],
    // As the service's proof workers do: prepared while waiting, copied to where it is used.
    ['sealed from a preparation made before the choice, copied', structuredClone],
  ])('%s, it decrypts to the one choice it was cast for, and its proofs verify', (_way, copy) => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((choices) =>
            fc.tuple(fc.constant(choices), fc.integer({ min: 0, max: choices - 1 })),
          ),
        ([choices, choice]) => {
          const prepared = copy?.(sealed.prepareBallot(key, choices));
          const ballot = sealed.encryptBallot(key, context, choice, choices, prepared);
          expect(sealed.verifyBallot(key, context, ballot, choices)).toBe(true);
          expect(decryptOne(ballot, choices)).toEqual(
            Array.from({ length: choices }, (_, slot) => (slot === choice ? 1 : 0)),
          );
        },
      ),
      { numRuns: 15 },
    );
  });

  test('a preparation is spent by its ballot: given again it is refused, its secrets wiped', () => {
    const prepared = sealed.prepareBallot(key, 3);
    sealed.encryptBallot(key, context, 0, 3, prepared);
    expect(
      prepared.slots.every(({ r, w }) => r.every((b) => b === 0) && w.every((b) => b === 0)),
    ).toBe(true);
    expect(() => sealed.encryptBallot(key, context, 1, 3, prepared)).toThrow(/used already/);
  });

  test('a preparation for another key or another number of choices is refused', () => {
    const otherKey = ceremony(sealed, 3, 2).key.publicKey;
    expect(() =>
      sealed.encryptBallot(key, context, 0, 3, sealed.prepareBallot(otherKey, 3)),
    ).toThrow(/another key/);
    expect(() => sealed.encryptBallot(key, context, 0, 3, sealed.prepareBallot(key, 2))).toThrow(
      /number of choices/,
    );
  });

  test('two ballots for the same choice look nothing alike, and neither carries the choice', () => {
    const one = sealed.encryptBallot(key, context, 1, 3);
    const two = sealed.encryptBallot(key, context, 1, 3);
    expect(sealed.tracker(one)).not.toBe(sealed.tracker(two));
    expect(sealed.tracker(one)).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(one)).not.toMatch(/"(choice|m|vote)"/);
  });

  test('its tracker ignores key order and extra fields (the canonical JSON)', () => {
    const ballot = sealed.encryptBallot(key, context, 0, 2);
    const reordered = JSON.parse(
      JSON.stringify({ sum: ballot.sum, choices: ballot.choices, extra: 1 }),
    ) as SealedBallot;
    expect(sealed.tracker(reordered)).toBe(sealed.tracker(ballot));
  });

  test('a choice outside the vote cannot be encrypted', () => {
    expect(() => sealed.encryptBallot(key, context, 3, 3)).toThrow(RangeError);
    expect(() => sealed.encryptBallot(key, context, -1, 3)).toThrow(RangeError);
    expect(() => sealed.encryptBallot(key, context, 0, 0)).toThrow(RangeError);
  });
});

describe('a tampered ballot does not verify', () => {
  const ballot = () => sealed.encryptBallot(key, context, 1, 3);
  const refused = (tampered: unknown) => {
    expect(sealed.verifyBallot(key, context, tampered as SealedBallot, 3)).toBe(false);
  };

  test.each(['c0', 'c1', 'z0', 'z1'] as const)('with %s of one slot altered', (field) => {
    for (const slot of [0, 1, 2]) {
      const original = ballot();
      const choices = original.choices.map((entry, i) =>
        i === slot
          ? {
              ...entry,
              proof: { ...entry.proof, [field]: altered(group, 'scalar', entry.proof[field]) },
            }
          : entry,
      );
      refused({ ...original, choices });
    }
  });

  test.each(['a', 'b'] as const)('with the %s of one ciphertext altered', (field) => {
    const original = ballot();
    const [first, ...rest] = original.choices;
    const ciphertext = {
      ...must(first).ciphertext,
      [field]: altered(group, 'point', must(first).ciphertext[field]),
    };
    refused({ ...original, choices: [{ ...must(first), ciphertext }, ...rest] });
  });

  test.each(['c', 'z'] as const)('with the sum proof’s %s altered', (field) => {
    const original = ballot();
    refused({
      ...original,
      sum: { ...original.sum, [field]: altered(group, 'scalar', original.sum[field]) },
    });
  });

  test('with a slot and its proof swapped in from another ballot of the same vote', () => {
    const mine = sealed.encryptBallot(key, context, 0, 3);
    const theirs = sealed.encryptBallot(key, context, 2, 3);
    refused({ ...mine, choices: [theirs.choices[0], ...mine.choices.slice(1)] });
    refused({ ...mine, choices: [mine.choices[0], mine.choices[2], mine.choices[1]] });
  });

  test('with a ciphertext swapped in without its proof', () => {
    const mine = sealed.encryptBallot(key, context, 0, 3);
    const theirs = sealed.encryptBallot(key, context, 0, 3);
    refused({
      ...mine,
      choices: [
        { ...must(mine.choices[0]), ciphertext: must(theirs.choices[0]).ciphertext },
        ...mine.choices.slice(1),
      ],
    });
  });

  test('when it was proved for another vote, another meeting or another number of choices', () => {
    const original = ballot();
    expect(sealed.verifyBallot(key, { ...context, voteId: 'vote-4' }, original, 3)).toBe(false);
    expect(sealed.verifyBallot(key, { ...context, meetingId: 'meeting-8' }, original, 3)).toBe(
      false,
    );
    expect(sealed.verifyBallot(key, context, original, 2)).toBe(false);
    const otherKey = ceremony(sealed, 3, 2).key.publicKey;
    expect(sealed.verifyBallot(otherKey, context, original, 3)).toBe(false);
  });

  /** Built by hand, as a cheating client would: each slot honestly proved where it can be. */
  const forged = (messages: readonly bigint[]): SealedBallot => {
    const publicKey = must(group.point(key));
    const prepared = messages.map(() => prepareSlot(group, publicKey));
    const randomness = prepared.map(({ r }) => r);
    const pairs = messages.map((m, slot) => {
      const { a, masked } = must(prepared[slot]);
      if (m === 0n) return { a, b: masked };
      const shift = group.base(group.integer(Number(m < 0n ? -m : m)));
      return { a, b: m < 0n ? group.sub(masked, shift) : group.add(masked, shift) };
    });
    const binding = (slot: number) => [
      'ballot',
      context.meetingId,
      context.voteId,
      messages.length,
      slot,
    ];
    const total = randomness.reduce((sum, r) => group.scalarAdd(sum, r));
    const sumA = pairs.reduce((sum, pair) => group.add(sum, pair.a), group.identity());
    const sumB = pairs.reduce((sum, pair) => group.add(sum, pair.b), group.identity());
    return {
      choices: pairs.map((pair, slot) => ({
        ciphertext: encodePair(group, pair),
        proof: proveZeroOrOne(
          group,
          binding(slot),
          publicKey,
          pair,
          messages[slot] === 0n ? 0 : 1,
          must(prepared[slot]),
        ),
      })),
      sum: proveEquality(
        group,
        'council/sealed/one-choice/v1',
        [
          context.meetingId,
          context.voteId,
          messages.length,
          ...pairs.flatMap((pair) => [pair.a, pair.b]),
        ],
        { g1: group.generator, h1: sumA, g2: publicKey, h2: group.sub(sumB, group.generator) },
        total,
      ),
    };
  };

  test('the hand-built forger is faithful: an honest one-hot ballot it builds verifies', () => {
    expect(sealed.verifyBallot(key, context, forged([0n, 1n, 0n]), 3)).toBe(true);
  });

  test('with two 1s (each slot proved, the sum is 2)', () => {
    refused(forged([1n, 1n, 0n]));
  });

  test('with a 2 in one slot and a −1 in another (the sum is 1)', () => {
    refused(forged([2n, -1n, 0n]));
  });

  test('with no choice at all (all 0s)', () => {
    refused(forged([0n, 0n, 0n]));
  });
});

describe('verifyBallot returns false on malformed input and never throws', () => {
  const identity = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  /** The group order L, little-endian: the smallest 32-byte string that is not a scalar. */
  const order = () => {
    const bytes = new Uint8Array(32);
    bytes.set([
      0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
      0x14,
    ]);
    bytes[31] = 0x10;
    return group.encode(bytes);
  };
  const withSlot = (
    original: SealedBallot,
    change: (slot: SealedBallot['choices'][number]) => unknown,
  ) => ({
    ...original,
    choices: [change(must(original.choices[0])), ...original.choices.slice(1)],
  });

  test.each([
    ['null', () => null],
    ['a string', () => 'ballot'],
    ['no choices', (b: SealedBallot) => ({ ...b, choices: [] })],
    ['choices not a list', (b: SealedBallot) => ({ ...b, choices: { 0: b.choices[0] } })],
    ['no sum proof', (b: SealedBallot) => ({ choices: b.choices })],
    ['a slot that is null', (b: SealedBallot) => withSlot(b, () => null)],
    [
      'a ciphertext missing b',
      (b: SealedBallot) => withSlot(b, (s) => ({ ...s, ciphertext: { a: s.ciphertext.a } })),
    ],
    [
      'a point one byte short',
      (b: SealedBallot) =>
        withSlot(b, (s) => ({
          ...s,
          ciphertext: { ...s.ciphertext, a: s.ciphertext.a.slice(0, 42) },
        })),
    ],
    [
      'a point with padding',
      (b: SealedBallot) =>
        withSlot(b, (s) => ({ ...s, ciphertext: { ...s.ciphertext, a: `${s.ciphertext.a}=` } })),
    ],
    [
      'a point in standard base64',
      (b: SealedBallot) =>
        withSlot(b, (s) => ({
          ...s,
          ciphertext: {
            ...s.ciphertext,
            a: s.ciphertext.a.replace(/-/g, '+').replace(/_/g, '/') + '+',
          },
        })),
    ],
    [
      'the identity as a ciphertext',
      (b: SealedBallot) =>
        withSlot(b, (s) => ({ ...s, ciphertext: { ...s.ciphertext, a: identity } })),
    ],
    [
      'a number as a scalar',
      (b: SealedBallot) => withSlot(b, (s) => ({ ...s, proof: { ...s.proof, z0: 7 } })),
    ],
    [
      'a scalar equal to the order',
      (b: SealedBallot) => withSlot(b, (s) => ({ ...s, proof: { ...s.proof, z0: order() } })),
    ],
    [
      'a sum scalar equal to the order',
      (b: SealedBallot) => ({ ...b, sum: { ...b.sum, z: order() } }),
    ],
  ])('%s', (_name, change) => {
    const original = sealed.encryptBallot(key, context, 0, 3);
    expect(sealed.verifyBallot(key, context, change(original) as SealedBallot, 3)).toBe(false);
  });

  test('a non-canonical encoding of a point (its last character changes unused bits)', () => {
    const original = sealed.encryptBallot(key, context, 0, 3);
    const a = must(original.choices[0]).ciphertext.a;
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = must(last[last.indexOf(must(a.at(-1))) ^ 1]);
    const nonCanonical = a.slice(0, -1) + sibling;
    const changed = withSlot(original, (s) => ({
      ...s,
      ciphertext: { ...s.ciphertext, a: nonCanonical },
    }));
    expect(group.decode(nonCanonical)).toBeNull();
    expect(sealed.verifyBallot(key, context, changed as SealedBallot, 3)).toBe(false);
  });

  test('a sitting key that is the identity or malformed', () => {
    const original = sealed.encryptBallot(key, context, 0, 3);
    expect(sealed.verifyBallot(identity, context, original, 3)).toBe(false);
    expect(sealed.verifyBallot('not-a-key', context, original, 3)).toBe(false);
    expect(() => sealed.encryptBallot(identity, context, 0, 3)).toThrow(/sitting key/);
  });
});
