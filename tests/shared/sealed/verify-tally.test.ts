import type { Sealed, SealedBallot, TallyRecord } from '@council/shared/sealed';
import type { Group } from '../../../shared/src/sealed/group';
import { altered, ceremony, context, loadBoth, must, type Ceremony } from './support';

let sealed: Sealed;
let group: Group;
let sitting: Ceremony;

beforeAll(async () => {
  ({ sealed, group } = await loadBoth());
  sitting = ceremony(sealed, 3, 2);
});

const choices = ['yes', 'no', 'abstain'];

/** A counted vote's record, as the service publishes it: 5 ballots, trustees 1 and 3 decrypted. */
function counted(cast: readonly number[] = [0, 0, 1, 2, 0]): TallyRecord {
  const ballots = cast.map((choice) =>
    sealed.encryptBallot(sitting.key.publicKey, context, choice, choices.length),
  );
  const aggregate = sealed.aggregate(ballots, choices.length);
  const decrypting = [must(sitting.trustees[0]), must(sitting.trustees[2])];
  const partials = Object.fromEntries(
    decrypting.map((t) => [
      t.member,
      sealed.decryptShare(must(sitting.shares[t.member]), t, aggregate, context),
    ]),
  );
  const counts = sealed.combine(sitting.key, aggregate, partials, context);
  return {
    context,
    choices,
    threshold: 2,
    trustees: sitting.trustees,
    commitments: sitting.commitments,
    ballots,
    aggregate,
    partials,
    tally: Object.fromEntries(choices.map((choice, i) => [choice, must(counts[i])])),
  };
}

test('an honest record verifies and gives the counts', () => {
  expect(sealed.verifyTally(counted())).toEqual({ ok: true, problems: [], counts: [3, 1, 1] });
  expect(sealed.verifyTally(JSON.parse(JSON.stringify(counted([]))) as TallyRecord)).toEqual({
    ok: true,
    problems: [],
    counts: [0, 0, 0],
  });
});

test('a record with every partial decryption verifies too (any k of them count)', () => {
  const record = counted();
  const bram = must(sitting.trustees[1]);
  const partials = {
    ...record.partials,
    [bram.member]: sealed.decryptShare(
      must(sitting.shares[bram.member]),
      bram,
      record.aggregate,
      context,
    ),
  };
  expect(sealed.verifyTally({ ...record, partials }).ok).toBe(true);
});

describe('verifyTally finds', () => {
  const problemsOf = (record: TallyRecord) => {
    const verdict = sealed.verifyTally(record);
    expect(verdict.ok).toBe(false);
    return verdict.problems.join('\n');
  };

  test('a tally that does not match the ciphertexts', () => {
    const record = counted();
    expect(problemsOf({ ...record, tally: { ...record.tally, yes: 2, no: 2 } })).toMatch(
      /the tally gives yes 2, the ciphertexts 3\nthe tally gives no 2, the ciphertexts 1/,
    );
    expect(problemsOf({ ...record, tally: { ...record.tally, maybe: 0 } })).toMatch(
      /choices the vote has not: maybe/,
    );
  });

  test('a ballot whose proofs do not verify, named by its tracker', () => {
    const record = counted();
    const [first, ...rest] = record.ballots as [SealedBallot, ...SealedBallot[]];
    const tampered = { ...first, sum: { ...first.sum, z: altered(group, 'scalar', first.sum.z) } };
    const problems = problemsOf({ ...record, ballots: [tampered, ...rest] });
    expect(problems).toContain(
      `ballot ${sealed.tracker(tampered)} (1 on the board): its proofs do not verify`,
    );
  });

  test('a ballot added to the board after the count, or one taken away', () => {
    const record = counted();
    const extra = sealed.encryptBallot(sitting.key.publicKey, context, 1, 3);
    expect(problemsOf({ ...record, ballots: [...record.ballots, extra] })).toMatch(
      /the aggregate says 5 ballots, the board holds 6\nthe aggregate was not added from this board/,
    );
    expect(problemsOf({ ...record, ballots: record.ballots.slice(1) })).toMatch(
      /the board holds 4/,
    );
  });

  test('a ballot on the board twice', () => {
    const record = counted();
    const problems = problemsOf({
      ...record,
      ballots: [...record.ballots, must(record.ballots[0])],
    });
    expect(problems).toContain(
      `ballot ${sealed.tracker(must(record.ballots[0]))} is on the board twice`,
    );
  });

  test('an aggregate that is not the sum of the board', () => {
    const record = counted();
    const [first, ...rest] = record.aggregate.ciphertexts;
    const aggregate = {
      ...record.aggregate,
      ciphertexts: [{ ...must(first), b: altered(group, 'point', must(first).b) }, ...rest],
    };
    expect(problemsOf({ ...record, aggregate })).toContain(
      'the aggregate ciphertexts are not the sum of the valid ballots on the board',
    );
  });

  test('a forged partial decryption, naming its trustee', () => {
    const record = counted();
    const [ana, bram] = sitting.trustees as [
      Ceremony['trustees'][number],
      Ceremony['trustees'][number],
    ];
    const forged = sealed.decryptShare(
      must(sitting.shares[bram.member]),
      ana,
      record.aggregate,
      context,
    );
    const problems = problemsOf({
      ...record,
      partials: { ...record.partials, [ana.member]: forged },
    });
    expect(problems).toContain(
      `the partial decryption by ${ana.member} does not verify against their key`,
    );
    expect(problems).toContain('1 valid partial decryptions, 2 needed');
  });

  test('too few partial decryptions', () => {
    const record = counted();
    const [only] = Object.entries(record.partials);
    expect(problemsOf({ ...record, partials: Object.fromEntries([must(only)]) })).toBe(
      '1 valid partial decryptions, 2 needed',
    );
  });

  test('commitments that are not those of the ceremony', () => {
    const record = counted();
    const other = ceremony(sealed, 3, 2);
    const problems = problemsOf({ ...record, commitments: other.commitments });
    expect(problems).toMatch(/its proofs do not verify/);
    expect(problems).toMatch(/does not verify against their key/);
  });

  test('a malformed record, without throwing', () => {
    const record = counted();
    expect(problemsOf({ ...record, commitments: {} })).toMatch(
      /^the sitting key: trustee-1's commitments/,
    );
    expect(problemsOf({ ...record, threshold: 4 })).toMatch(/^the sitting key: a threshold of 4/);
    expect(problemsOf({ ...record, ballots: [null as unknown as SealedBallot] })).toMatch(
      /the record is malformed/,
    );
  });
});
