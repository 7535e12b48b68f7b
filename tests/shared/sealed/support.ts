import sodium from 'libsodium-wrappers-sumo';
import {
  loadSealed,
  type Sealed,
  type SittingKey,
  type Trustee,
  type TrusteeCommitment,
} from '@council/shared/sealed';
import { Group } from '../../../shared/src/sealed/group';
import type { TrusteeSecret } from '../../../shared/src/sealed/trustee';

export const context = { meetingId: 'meeting-7', voteId: 'vote-3' };

export interface Ceremony {
  readonly trustees: readonly Trustee[];
  readonly secrets: Readonly<Record<string, TrusteeSecret>>;
  readonly commitments: Readonly<Record<string, TrusteeCommitment>>;
  readonly shares: Readonly<Record<string, string>>;
  readonly key: SittingKey;
  readonly threshold: number;
}

/** The sealed module and the group under it, for tests that build what the module never would. */
export async function loadBoth(): Promise<{ sealed: Sealed; group: Group }> {
  const sealed = await loadSealed();
  await sodium.ready;
  return { sealed, group: new Group(sodium) };
}

/** A whole key ceremony as the trustees' tabs run it: commit, deal to each other, receive. */
export function ceremony(sealed: Sealed, n: number, threshold: number): Ceremony {
  const trustees = Array.from({ length: n }, (_, i) => ({
    member: `trustee-${i + 1}`,
    index: i + 1,
  }));
  const made = trustees.map(() => sealed.newTrustee(threshold));
  const at = (i: number) => made[i] as (typeof made)[number];
  const to = trustees.map((trustee, i) => ({ ...trustee, boxKey: at(i).commitment.boxKey }));
  const dealt = trustees.map((trustee, i) => sealed.dealShares(at(i).secret, trustee, to));
  const from = trustees.map((trustee, i) => ({
    trustee,
    commitment: at(i).commitment,
    dealt: dealt[i] as (typeof dealt)[number],
  }));
  const shares = trustees.map((trustee, i) => {
    const received = sealed.receiveShares(at(i).secret, trustee, from);
    if (!received.ok) throw new Error(`the ceremony failed against ${received.against}`);
    return [trustee.member, received.share] as const;
  });
  const commitments = Object.fromEntries(trustees.map((t, i) => [t.member, at(i).commitment]));
  return {
    trustees,
    secrets: Object.fromEntries(trustees.map((t, i) => [t.member, at(i).secret])),
    commitments,
    shares: Object.fromEntries(shares),
    key: sealed.sittingKey(trustees, commitments, threshold),
    threshold,
  };
}

/** Another valid scalar or point in place of one: what a tamperer who knows the format would send. */
export function altered(group: Group, kind: 'scalar' | 'point', value: string): string {
  if (kind === 'point') {
    const point = group.point(value, 'allowed');
    if (!point) throw new Error(`${value} is not a point`);
    return group.encode(group.add(point, group.generator));
  }
  const scalar = group.scalar(value);
  if (!scalar) throw new Error(`${value} is not a scalar`);
  return group.encode(group.scalarAdd(scalar, group.integer(1)));
}

/** The value of a lookup the test knows is there. */
export function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}
