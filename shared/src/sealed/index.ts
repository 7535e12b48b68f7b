import sodium from 'libsodium-wrappers-sumo';
import { encryptBallot, verifyBallot } from './ballot';
import { Group, type Bytes } from './group';
import { prepareBallot, type PreparedBallot } from './prepared';
import { aggregate, combine, decryptShare, PartialRefused, tracker, verifyPartial } from './tally';
import {
  dealShares,
  newTrustee,
  receiveShares,
  sittingKey,
  type Received,
  type TrusteeSecret,
} from './trustee';
import type {
  Aggregate,
  DealtShares,
  PartialDecryption,
  Point,
  Scalar,
  SealedBallot,
  SittingKey,
  Trustee,
  TrusteeCommitment,
  VoteContext,
} from './types';
import { verifyTally, type TallyRecord, type TallyVerdict } from './verify-tally';

export type * from './types';
export type { PreparedBallot, TallyRecord, TallyVerdict, TrusteeSecret };
export { PartialRefused };

/** The sealed ballot box's cryptography; load it once (loadSealed), then every call is synchronous. */
export interface Sealed {
  /**
   * `prepared` (prepareBallot, for the same key and number of choices) leaves only additions and
   * hashes to do; it is spent and refused if given again.
   */
  encryptBallot(
    key: Point,
    context: VoteContext,
    choice: number,
    choices: number,
    prepared?: PreparedBallot,
  ): SealedBallot;
  /**
   * Every scalar multiplication of a ballot, before its choice is known (while the service waits for
   * ballots); the result holds secrets, to be kept in memory only and used once.
   */
  prepareBallot(key: Point, choices: number): PreparedBallot;
  /** Never throws. */
  verifyBallot(key: Point, context: VoteContext, ballot: SealedBallot, choices: number): boolean;
  /** SHA-256 hex of the ballot's canonical JSON. */
  tracker(ballot: SealedBallot): string;
  aggregate(ballots: readonly SealedBallot[], choices: number): Aggregate;
  newTrustee(threshold: number): { secret: TrusteeSecret; commitment: TrusteeCommitment };
  dealShares(
    secret: TrusteeSecret,
    me: Trustee,
    to: readonly (Trustee & { boxKey: string })[],
  ): DealtShares;
  receiveShares(
    secret: TrusteeSecret,
    me: Trustee,
    from: readonly { trustee: Trustee; commitment: TrusteeCommitment; dealt: DealtShares }[],
  ): Received;
  sittingKey(
    trustees: readonly Trustee[],
    commitments: Readonly<Record<string, TrusteeCommitment>>,
    threshold: number,
  ): SittingKey;
  decryptShare(
    share: Scalar,
    me: Trustee,
    aggregate: Aggregate,
    context: VoteContext,
  ): PartialDecryption;
  /** Never throws. */
  verifyPartial(
    key: SittingKey,
    trustee: string,
    aggregate: Aggregate,
    partial: PartialDecryption,
    context: VoteContext,
  ): boolean;
  /**
   * Counts per choice; checks every partial's proof itself and throws PartialRefused on one that
   * does not hold; throws too if fewer than k are given.
   */
  combine(
    key: SittingKey,
    aggregate: Aggregate,
    partials: Readonly<Record<string, PartialDecryption>>,
    context: VoteContext,
  ): number[];
  /** Never throws. */
  verifyTally(record: TallyRecord): TallyVerdict;
}

function sealedOver(group: Group): Sealed {
  const publicKey = (key: Point): Bytes => {
    const point = group.point(key);
    if (!point) throw new Error('the sitting key is malformed');
    return point;
  };
  return {
    encryptBallot: (key, context, choice, choices, prepared) =>
      encryptBallot(group, publicKey(key), context, choice, choices, prepared),
    prepareBallot: (key, choices) => prepareBallot(group, publicKey(key), choices),
    verifyBallot: (key, context, ballot, choices) => {
      const point = group.point(key);
      return point !== null && verifyBallot(group, point, context, ballot, choices);
    },
    tracker: (ballot) => tracker(group, ballot),
    aggregate: (ballots, choices) => aggregate(group, ballots, choices),
    newTrustee: (threshold) => newTrustee(group, threshold),
    dealShares: (secret, me, to) => dealShares(group, secret, me, to),
    receiveShares: (secret, me, from) => receiveShares(group, secret, me, from),
    sittingKey: (trustees, commitments, threshold) =>
      sittingKey(group, trustees, commitments, threshold),
    decryptShare: (share, me, aggregate, context) => {
      const scalar = group.scalar(share);
      if (!scalar) throw new Error('the share is malformed');
      return decryptShare(group, scalar, me, aggregate, context);
    },
    verifyPartial: (key, trustee, aggregate, partial, context) =>
      verifyPartial(group, key, trustee, aggregate, partial, context),
    combine: (key, aggregate, partials, context) =>
      combine(group, key, aggregate, partials, context),
    verifyTally: (record) => verifyTally(group, record),
  };
}

let loading: Promise<Sealed> | undefined;

/** Awaits libsodium once; every later call gets the same Sealed. */
export function loadSealed(): Promise<Sealed> {
  loading ??= sodium.ready.then(() => sealedOver(new Group(sodium)));
  return loading;
}
