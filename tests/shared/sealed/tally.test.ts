import fc from 'fast-check';
import {
  PartialRefused,
  type PartialDecryption,
  type Sealed,
  type SealedBallot,
} from '@council/shared/sealed';
import type { Group } from '../../../shared/src/sealed/group';
import { altered, ceremony, context, loadBoth, must, type Ceremony } from './support';

let sealed: Sealed;
let group: Group;
const sittings = new Map<string, Ceremony>();

beforeAll(async () => {
  ({ sealed, group } = await loadBoth());
  sittings.set('2 of 3', ceremony(sealed, 3, 2));
  sittings.set('3 of 5', ceremony(sealed, 5, 3));
});

const sitting = (name: string) => sittings.get(name) as Ceremony;

const partialsOf = (
  of: Ceremony,
  members: readonly string[],
  aggregate: ReturnType<Sealed['aggregate']>,
) =>
  Object.fromEntries(
    members.map((member) => {
      const trustee = must(of.trustees.find((t) => t.member === member));
      return [member, sealed.decryptShare(must(of.shares[member]), trustee, aggregate, context)];
    }),
  );

/** k distinct trustees of the n, in a random order. */
const someTrustees = (of: Ceremony) =>
  fc.shuffledSubarray(
    of.trustees.map((t) => t.member),
    { minLength: of.threshold, maxLength: of.threshold },
  );

describe.each(['2 of 3', '3 of 5'])('with %s trustees', (name) => {
  test('the tally of random ballots equals the plaintext count, whichever k trustees decrypt', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((choices) =>
            fc.tuple(
              fc.constant(choices),
              fc.array(fc.integer({ min: 0, max: choices - 1 }), { maxLength: 60 }),
              someTrustees(sitting(name)),
            ),
          ),
        ([choices, cast, members]) => {
          const of = sitting(name);
          const ballots = cast.map((choice) =>
            sealed.encryptBallot(of.key.publicKey, context, choice, choices),
          );
          const aggregate = sealed.aggregate(ballots, choices);
          const partials = partialsOf(of, members, aggregate);
          for (const [member, partial] of Object.entries(partials)) {
            expect(sealed.verifyPartial(of.key, member, aggregate, partial, context)).toBe(true);
          }
          const expected = Array.from(
            { length: choices },
            (_, slot) => cast.filter((c) => c === slot).length,
          );
          expect(aggregate.ballots).toBe(cast.length);
          expect(sealed.combine(of.key, aggregate, partials, context)).toEqual(expected);
        },
      ),
      { numRuns: 8 },
    );
  });

  test('fewer than k partial decryptions cannot count', () => {
    const of = sitting(name);
    const ballots = [0, 1].map((choice) =>
      sealed.encryptBallot(of.key.publicKey, context, choice, 2),
    );
    const aggregate = sealed.aggregate(ballots, 2);
    const members = of.trustees.slice(0, of.threshold - 1).map((t) => t.member);
    expect(() =>
      sealed.combine(of.key, aggregate, partialsOf(of, members, aggregate), context),
    ).toThrow(`${of.threshold - 1} partial decryptions of the ${of.threshold} needed`);
  });
});

describe('a partial decryption', () => {
  const setup = () => {
    const of = sitting('2 of 3');
    const ballots = [0, 1, 1].map((choice) =>
      sealed.encryptBallot(of.key.publicKey, context, choice, 2),
    );
    const aggregate = sealed.aggregate(ballots, 2);
    const [first, second] = of.trustees as [
      Ceremony['trustees'][number],
      Ceremony['trustees'][number],
    ];
    return { of, aggregate, first, second };
  };

  test('made with another trustee’s share does not verify as theirs', () => {
    const { of, aggregate, first, second } = setup();
    const forged = sealed.decryptShare(must(of.shares[second.member]), first, aggregate, context);
    expect(sealed.verifyPartial(of.key, first.member, aggregate, forged, context)).toBe(false);
  });

  test('made for another vote does not verify for this one', () => {
    const { of, aggregate, first } = setup();
    const elsewhere = sealed.decryptShare(must(of.shares[first.member]), first, aggregate, {
      ...context,
      voteId: 'x',
    });
    expect(sealed.verifyPartial(of.key, first.member, aggregate, elsewhere, context)).toBe(false);
  });

  test('with its d, c or z altered does not verify', () => {
    const { of, aggregate, first } = setup();
    const honest = sealed.decryptShare(must(of.shares[first.member]), first, aggregate, context);
    expect(sealed.verifyPartial(of.key, first.member, aggregate, honest, context)).toBe(true);
    const tamperings: PartialDecryption[] = [
      {
        shares: [
          { ...must(honest.shares[0]), d: altered(group, 'point', must(honest.shares[0]).d) },
          must(honest.shares[1]),
        ],
      },
      {
        shares: [
          must(honest.shares[0]),
          {
            ...must(honest.shares[1]),
            proof: {
              ...must(honest.shares[1]).proof,
              c: altered(group, 'scalar', must(honest.shares[1]).proof.c),
            },
          },
        ],
      },
      {
        shares: [
          {
            ...must(honest.shares[0]),
            proof: {
              ...must(honest.shares[0]).proof,
              z: altered(group, 'scalar', must(honest.shares[0]).proof.z),
            },
          },
          must(honest.shares[1]),
        ],
      },
      { shares: [must(honest.shares[1]), must(honest.shares[0])] },
      { shares: [must(honest.shares[0])] },
    ];
    for (const partial of tamperings) {
      expect(sealed.verifyPartial(of.key, first.member, aggregate, partial, context)).toBe(false);
    }
    expect(sealed.verifyPartial(of.key, 'stranger', aggregate, honest, context)).toBe(false);
    expect(
      sealed.verifyPartial(
        of.key,
        first.member,
        aggregate,
        null as unknown as PartialDecryption,
        context,
      ),
    ).toBe(false);
  });

  test('forged or made for another vote, it makes combine refuse the count and name its trustee', () => {
    const { of, aggregate, first, second } = setup();
    const honest = sealed.decryptShare(must(of.shares[second.member]), second, aggregate, context);
    const forgeries: PartialDecryption[] = [
      sealed.decryptShare(must(of.shares[second.member]), first, aggregate, context),
      sealed.decryptShare(must(of.shares[first.member]), first, aggregate, {
        ...context,
        voteId: 'x',
      }),
      {
        shares: sealed
          .decryptShare(must(of.shares[first.member]), first, aggregate, context)
          .shares.map((share, slot) =>
            slot === 0 ? { ...share, d: altered(group, 'point', share.d) } : share,
          ),
      },
    ];
    for (const forged of forgeries) {
      const partials = { [first.member]: forged, [second.member]: honest };
      expect(() => sealed.combine(of.key, aggregate, partials, context)).toThrow(PartialRefused);
      expect(() => sealed.combine(of.key, aggregate, partials, context)).toThrow(first.member);
    }
    const good = sealed.decryptShare(must(of.shares[first.member]), first, aggregate, context);
    const partials = { [first.member]: good, [second.member]: honest };
    expect(sealed.combine(of.key, aggregate, partials, context)).toEqual([1, 2]);
  });

  test('a good k with a forged extra one is still refused: every partial given is checked', () => {
    const { of, aggregate, first, second } = setup();
    const third = must(of.trustees[2]);
    const partials = {
      ...partialsOf(of, [first.member, second.member], aggregate),
      [third.member]: sealed.decryptShare(must(of.shares[first.member]), third, aggregate, context),
    };
    expect(() => sealed.combine(of.key, aggregate, partials, context)).toThrow(PartialRefused);
  });

  test('of an empty box decrypts to zeros', () => {
    const of = sitting('2 of 3');
    const aggregate = sealed.aggregate([], 3);
    const members = of.trustees.slice(1).map((t) => t.member);
    const partials = partialsOf(of, members, aggregate);
    for (const [member, partial] of Object.entries(partials)) {
      expect(sealed.verifyPartial(of.key, member, aggregate, partial, context)).toBe(true);
    }
    expect(sealed.combine(of.key, aggregate, partials, context)).toEqual([0, 0, 0]);
  });
});

test('the aggregate’s board is the hash of the sorted trackers, whatever the order of the ballots', () => {
  const of = sitting('2 of 3');
  const ballots: SealedBallot[] = [0, 1, 0].map((choice) =>
    sealed.encryptBallot(of.key.publicKey, context, choice, 2),
  );
  const forwards = sealed.aggregate(ballots, 2);
  const backwards = sealed.aggregate([...ballots].reverse(), 2);
  expect(backwards).toEqual(forwards);
  const trackers = ballots.map((ballot) => sealed.tracker(ballot)).sort();
  expect(forwards.board).toBe(group.sha256Hex(trackers.join('\n')));
});
