/**
 * A proof worker prepares card ballots for a vote just opened, in its spare turns: each seals one
 * ballot that verifies and counts as chosen; memory stays bounded, the newest vote first.
 */
import { setImmediate as turn } from 'node:timers/promises';
import { loadSealed, type Sealed } from '@council/shared/sealed';
import { createPreparedBallots } from '../../bot/src/meetings/prepared-ballots';
import { ceremony, context, type Ceremony } from '../shared/sealed/support';

let sealed: Sealed;
let sitting: Ceremony;
let other: Ceremony;

beforeAll(async () => {
  sealed = await loadSealed();
  sitting = ceremony(sealed, 3, 2);
  other = ceremony(sealed, 3, 2);
});

/** Lets the worker's loop run until it has nothing left to prepare. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await turn();
}

test('the ballots wanted are prepared one per turn, each taken once, then none is left', async () => {
  const ahead = createPreparedBallots(sealed);
  const key = sitting.key.publicKey;
  ahead.want(key, 3, 4);
  expect(ahead.take(key, 3)).toBeUndefined();
  await turn();
  expect(ahead.take(key, 3)).toBeDefined();
  await settle();
  const taken = [ahead.take(key, 3), ahead.take(key, 3), ahead.take(key, 3)];
  expect(taken.every(Boolean)).toBe(true);
  expect(ahead.take(key, 3)).toBeUndefined();
  expect(ahead.take(key, 2)).toBeUndefined();
});

test('a ballot sealed from one verifies and holds the choice made after it was prepared', async () => {
  const ahead = createPreparedBallots(sealed);
  const key = sitting.key.publicKey;
  ahead.want(key, 3, 1);
  await settle();
  const ballot = sealed.encryptBallot(key, context, 2, 3, ahead.take(key, 3));
  expect(sealed.verifyBallot(key, context, ballot, 3)).toBe(true);
  const aggregate = sealed.aggregate([ballot], 3);
  const partials = Object.fromEntries(
    sitting.trustees
      .slice(0, 2)
      .map((trustee) => [
        trustee.member,
        sealed.decryptShare(sitting.shares[trustee.member] ?? '', trustee, aggregate, context),
      ]),
  );
  expect(sealed.combine(sitting.key, aggregate, partials, context)).toEqual([0, 0, 1]);
});

test('past the bound, the vote opened last keeps its ballots and the earlier vote’s go', async () => {
  const ahead = createPreparedBallots(sealed, 4);
  const [first, second] = [sitting.key.publicKey, other.key.publicKey];
  ahead.want(first, 3, 4);
  await settle();
  ahead.want(second, 3, 3);
  await settle();
  const left = (key: string) => {
    let n = 0;
    while (ahead.take(key, 3)) n += 1;
    return n;
  };
  expect(left(second)).toBe(3);
  expect(left(first)).toBe(0);
});
