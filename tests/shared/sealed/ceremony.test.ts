import type { DealtShares, Sealed, Trustee, TrusteeCommitment } from '@council/shared/sealed';
import type { Group } from '../../../shared/src/sealed/group';
import { ceremony, loadBoth, must } from './support';

let sealed: Sealed;
let group: Group;

beforeAll(async () => {
  ({ sealed, group } = await loadBoth());
});

const trustees: Trustee[] = [1, 2, 3].map((index) => ({ member: `trustee-${index}`, index }));
const [ana, bram, chloe] = trustees as [Trustee, Trustee, Trustee];

/** Everyone commits and deals honestly; what each receives can then be changed before it arrives. */
function dealing(threshold = 2) {
  const made = trustees.map(() => sealed.newTrustee(threshold));
  const to = trustees.map((trustee, i) => ({
    ...trustee,
    boxKey: must(made[i]).commitment.boxKey,
  }));
  const dealt = trustees.map((trustee, i) => sealed.dealShares(must(made[i]).secret, trustee, to));
  const from = (changes: { commitment?: TrusteeCommitment; dealt?: DealtShares }[] = []) =>
    trustees.map((trustee, i) => ({
      trustee,
      commitment: changes[i]?.commitment ?? must(made[i]).commitment,
      dealt: changes[i]?.dealt ?? must(dealt[i]),
    }));
  return { made, dealt, from };
}

describe('the key ceremony', () => {
  test('each trustee deals a sealed share to every other trustee, none to themselves', () => {
    const { made, dealt } = dealing();
    expect(Object.keys(must(dealt[0]).shares).sort()).toEqual([bram.member, chloe.member]);
    for (const coefficient of must(made[0]).secret.coefficients) {
      expect(JSON.stringify(dealt[0])).not.toContain(coefficient);
    }
  });

  test('the commitments are one point per coefficient, and the secret is JSON', () => {
    const { secret, commitment } = sealed.newTrustee(3);
    expect(commitment.commitments).toHaveLength(3);
    expect(secret.coefficients).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(secret))).toEqual(secret);
    expect(commitment.boxKey).toBe(secret.boxPublic);
  });

  test('honest shares are accepted and agree with the verification keys of the sitting key', () => {
    const sitting = ceremony(sealed, 3, 2);
    for (const trustee of sitting.key.trustees) {
      const share = must(group.scalar(sitting.shares[trustee.member]));
      expect(group.encode(group.base(share))).toBe(trustee.verificationKey);
    }
  });

  test('a forged share dealt to a trustee is reported against its dealer', () => {
    const { made, dealt, from } = dealing();
    const forgedShare = group.sodium.crypto_box_seal(
      group.randomScalar(),
      must(group.decode(must(made[2]).commitment.boxKey)),
    );
    const forged = {
      shares: { ...must(dealt[1]).shares, [chloe.member]: group.encode(forgedShare) },
    };
    expect(
      sealed.receiveShares(must(made[2]).secret, chloe, from([{}, { dealt: forged }])),
    ).toEqual({
      ok: false,
      against: bram.member,
    });
    expect(sealed.receiveShares(must(made[0]).secret, ana, from([{}, { dealt: forged }])).ok).toBe(
      true,
    );
  });

  test('a share meant for another trustee, a missing share or unreadable bytes are reported', () => {
    const { made, dealt, from } = dealing();
    const misdirected = {
      shares: {
        ...must(dealt[0]).shares,
        [chloe.member]: must(must(dealt[0]).shares[bram.member]),
      },
    };
    const missing = { shares: { [bram.member]: must(must(dealt[0]).shares[bram.member]) } };
    const garbage = { shares: { ...must(dealt[0]).shares, [chloe.member]: 'not-sealed' } };
    for (const changed of [misdirected, missing, garbage]) {
      expect(sealed.receiveShares(must(made[2]).secret, chloe, from([{ dealt: changed }]))).toEqual(
        {
          ok: false,
          against: ana.member,
        },
      );
    }
  });

  test('commitments that do not match the dealt shares, or of the wrong length, are reported', () => {
    const { made, from } = dealing();
    const other = sealed.newTrustee(2).commitment;
    const short = {
      ...must(made[1]).commitment,
      commitments: must(made[1]).commitment.commitments.slice(0, 1),
    };
    expect(
      sealed.receiveShares(must(made[0]).secret, ana, from([{}, { commitment: other }])),
    ).toEqual({
      ok: false,
      against: bram.member,
    });
    expect(
      sealed.receiveShares(must(made[0]).secret, ana, from([{}, { commitment: short }])),
    ).toEqual({
      ok: false,
      against: bram.member,
    });
  });

  test('no share is dealt or taken at index 0 (a dealer’s secret coefficient) or at an index two trustees share', () => {
    const { made, dealt, from } = dealing();
    const to = trustees.map((trustee, i) => ({
      ...trustee,
      boxKey: must(made[i]).commitment.boxKey,
    }));
    const secret = must(made[0]).secret;
    for (const list of [
      [...to.slice(0, 2), { ...must(to[2]), index: 0 }],
      [to[0], { ...must(to[1]), index: 1 }, to[2]],
      [...to.slice(0, 2), { ...must(to[2]), index: 1.5 }],
    ]) {
      expect(() => sealed.dealShares(secret, ana, list as typeof to)).toThrow(/distinct integers/);
    }
    expect(() => sealed.receiveShares(secret, { ...ana, index: 0 }, from())).toThrow(
      /distinct integers/,
    );
    expect(() => sealed.receiveShares(secret, { ...ana, index: 2 }, from())).toThrow(
      /distinct integers/,
    );
    expect(dealt).toHaveLength(3);
  });

  test('a dealer whose commitment or shares are not even shaped as such is named, not a crash', () => {
    const { made, from } = dealing();
    const broken = [
      { dealt: false as unknown as DealtShares },
      { dealt: { shares: 'x' } as unknown as DealtShares },
      { commitment: false as unknown as TrusteeCommitment },
    ];
    for (const change of broken) {
      expect(sealed.receiveShares(must(made[0]).secret, ana, from([{}, change]))).toEqual({
        ok: false,
        against: bram.member,
      });
    }
  });

  test('the sitting key needs every trustee’s commitments and a threshold they can reach', () => {
    const { made } = dealing();
    const commitments = Object.fromEntries(
      trustees.map((t, i) => [t.member, must(made[i]).commitment]),
    );
    expect(() => sealed.sittingKey(trustees, commitments, 4)).toThrow(/threshold/);
    expect(() => sealed.sittingKey(trustees, commitments, 0)).toThrow(/threshold/);
    const { [chloe.member]: _absent, ...two } = commitments;
    expect(() => sealed.sittingKey(trustees, two, 2)).toThrow(`${chloe.member}'s commitments`);
    expect(() => sealed.sittingKey([ana, { ...bram, index: 1 }, chloe], commitments, 2)).toThrow(
      /distinct/,
    );
    const key = sealed.sittingKey(trustees, commitments, 2);
    expect(key.trustees.map((t) => t.index)).toEqual([1, 2, 3]);
  });
});
