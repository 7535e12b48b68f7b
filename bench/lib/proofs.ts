import type { Sealed } from '@council/shared/sealed';
import { createProofChecker, proofHolds } from '../../bot/src/meetings/proof-checker';

/** A 2-of-3 ceremony as the tellers' tabs run it. */
export function ceremony(sealed: Sealed) {
  const trustees = [1, 2, 3].map((index) => ({ member: `trustee-${index}`, index }));
  const made = trustees.map(() => sealed.newTrustee(2));
  const at = (i: number) => made[i] as (typeof made)[number];
  const to = trustees.map((trustee, i) => ({ ...trustee, boxKey: at(i).commitment.boxKey }));
  const from = trustees.map((trustee, i) => ({
    trustee,
    commitment: at(i).commitment,
    dealt: sealed.dealShares(at(i).secret, trustee, to),
  }));
  const shares = trustees.map((trustee, i) => {
    const received = sealed.receiveShares(at(i).secret, trustee, from);
    if (!received.ok) throw new Error('the ceremony failed');
    return received.share;
  });
  const commitments = Object.fromEntries(trustees.map((t, i) => [t.member, at(i).commitment]));
  return { trustees, shares, key: sealed.sittingKey(trustees, commitments, 2) };
}

/**
 * Ballots checked a second by the service's own proof checker: its worker threads, each ballot
 * posted as a tab's request would post it, all at once, after a first round that warms the workers.
 */
export async function proofChecksPerSec(options: {
  readonly sealed: Sealed;
  readonly publicKey: string;
  readonly context: { readonly meetingId: string; readonly voteId: string };
  readonly ballots: readonly ReturnType<Sealed['encryptBallot']>[];
  readonly choices: number;
  readonly workers: number;
}): Promise<number> {
  const { sealed, publicKey: key, context, ballots, choices, workers } = options;
  const checker = createProofChecker(workers, (proof) => proofHolds(sealed, proof));
  try {
    const check = (count: number) =>
      Promise.all(
        ballots.slice(0, count).map((ballot) => checker.check({ key, context, ballot, choices })),
      );
    await check(workers * 10);
    const start = performance.now();
    const valid = (await check(ballots.length)).filter(Boolean).length;
    const ms = performance.now() - start;
    if (valid !== ballots.length) throw new Error('a ballot did not verify in a worker');
    return ballots.length / (ms / 1000);
  } finally {
    await checker.close();
  }
}
