import { loadSealed, type Sealed, type SealedBallot } from '@council/shared/sealed';
import {
  createProofChecker,
  proofHolds,
  type BallotProof,
} from '../../bot/src/meetings/proof-checker';

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
});
