import { Worker } from 'node:worker_threads';
import { loadSealed, type Sealed, type SealedBallot } from '@council/shared/sealed';
import {
  createProofChecker,
  proofHolds,
  startWorker,
  type BallotProof,
} from '../../bot/src/meetings/proof-checker';
import { ceremony } from '../shared/sealed/support';

/** A worker thread that falls over at its first job, as one out of memory would. */
const fallingOver = () =>
  new Worker(
    "require('node:worker_threads').parentPort.on('message', () => { throw new Error('fell over'); });",
    { eval: true },
  );

describe('the proof checker: ballots checked by worker threads, off the event loop', () => {
  let sealed: Sealed;
  let key: string;
  const context = { meetingId: 'meeting', voteId: 'vote' };

  beforeAll(async () => {
    sealed = await loadSealed();
    const { commitment } = sealed.newTrustee(1);
    key = sealed.sittingKey([{ member: 'a', index: 1 }], { a: commitment }, 1).publicKey;
  });

  const ballot = (choice: number) => sealed.encryptBallot(key, context, choice, 3);
  const swapped = (valid: SealedBallot): SealedBallot => {
    const [first, second, ...rest] = valid.choices;
    if (!first || !second) throw new Error('three choices');
    return { ...valid, choices: [{ ...first, proof: second.proof }, second, ...rest] };
  };

  test('a worker tells a ballot whose proofs hold from one whose do not, and this thread checks none', async () => {
    const here: BallotProof[] = [];
    const checker = createProofChecker(2, (proof) => {
      here.push(proof);
      return false;
    });
    try {
      const ballots = [ballot(0), swapped(ballot(1)), ballot(2), swapped(ballot(0))];
      const verdicts = await Promise.all(
        ballots.map((cast) => checker.check({ key, context, ballot: cast, choices: 3 })),
      );
      expect(verdicts).toEqual([true, false, true, false]);
      const elsewhere = { ...context, voteId: 'another' };
      expect(await checker.check({ key, context: elsewhere, ballot: ballot(1), choices: 3 })).toBe(
        false,
      );
      expect(here).toEqual([]);
    } finally {
      await checker.close();
    }
  });

  test('a worker that cannot even start is reported, once; its ballot is checked here and its choice refused', async () => {
    const reports: Error[] = [];
    const cannotStart = () =>
      new Worker("throw new Error('the worker file cannot be loaded');", { eval: true });
    const checker = createProofChecker(
      1,
      (proof) => proofHolds(sealed, proof),
      cannotStart,
      (error) => reports.push(error),
    );
    try {
      expect(await checker.check({ key, context, ballot: ballot(1), choices: 3 })).toBe(true);
      expect(await checker.seal({ key, context, choices: 3, choice: 1 })).toBeUndefined();
      expect(reports.map((error) => error.message)).toEqual([
        'the worker file cannot be loaded',
        'the worker file cannot be loaded',
      ]);
    } finally {
      await checker.close();
    }
  });

  test('a worker stopped by close is not reported as failed', async () => {
    const reports: Error[] = [];
    const checker = createProofChecker(
      1,
      () => false,
      startWorker,
      (error) => reports.push(error),
    );
    expect(await checker.check({ key, context, ballot: ballot(0), choices: 3 })).toBe(true);
    await checker.close();
    expect(reports).toEqual([]);
  });

  test('what the workers still held when they stop is not lost: it is checked on this thread', async () => {
    const checker = createProofChecker(1, (proof) => proofHolds(sealed, proof));
    const verdicts = Promise.all(
      [ballot(0), swapped(ballot(2))].map((cast) =>
        checker.check({ key, context, ballot: cast, choices: 3 }),
      ),
    );
    await checker.close();

    expect(await verdicts).toEqual([true, false]);
  });

  test('a worker seals a card’s choice: the ballot’s proofs hold, and the trustees’ shares decrypt it to that choice', async () => {
    const held = ceremony(sealed, 3, 2);
    const checker = createProofChecker(1, () => false);
    try {
      const order = { key: held.key.publicKey, context, choices: 3 };
      const ballots = await Promise.all(
        [2, 0, 2].map((choice) => checker.seal({ ...order, choice })),
      );
      const sealedBallots = ballots.map((ballot) => {
        if (!ballot) throw new Error('a choice was not sealed');
        expect(proofHolds(sealed, { ...order, ballot })).toBe(true);
        return ballot;
      });
      // Each is sealed afresh: no two alike.
      expect(new Set(sealedBallots.map((ballot) => sealed.tracker(ballot))).size).toBe(3);
      const aggregate = sealed.aggregate(sealedBallots, 3);
      const partials = Object.fromEntries(
        held.trustees
          .slice(1)
          .map((trustee) => [
            trustee.member,
            sealed.decryptShare(held.shares[trustee.member] ?? '', trustee, aggregate, context),
          ]),
      );
      expect(sealed.combine(held.key, aggregate, partials, context)).toEqual([1, 0, 2]);
    } finally {
      await checker.close();
    }
  });

  test('a worker that falls over refuses the choice it held (nothing sealed, nothing kept), checks its ballots here, and is replaced', async () => {
    let falls = true;
    const checker = createProofChecker(
      1,
      (proof) => proofHolds(sealed, proof),
      () => (falls ? fallingOver() : startWorker()),
    );
    try {
      const order = { key, context, choices: 3, choice: 1 };
      const [lost, checked] = await Promise.all([
        checker.seal(order),
        checker.check({ key, context, ballot: ballot(1), choices: 3 }),
      ]);
      expect(lost).toBeUndefined();
      expect(checked).toBe(true);
      expect(checker.waiting()).toBe(0);
      falls = false;
      const again = await checker.seal(order);
      expect(again && proofHolds(sealed, { ...order, ballot: again })).toBe(true);
    } finally {
      await checker.close();
    }
  });
});
