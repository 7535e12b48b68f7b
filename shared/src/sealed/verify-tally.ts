import { verifyBallot } from './ballot';
import type { Bytes, Group } from './group';
import { aggregate as aggregateOf, combine, tracker, verifyPartial } from './tally';
import { sittingKey } from './trustee';
import type {
  Aggregate,
  PartialDecryption,
  SealedBallot,
  SittingKey,
  Trustee,
  TrusteeCommitment,
  VoteContext,
} from './types';

/** Everything `verify-tally` needs to recount a sealed vote, and nothing secret. */
export interface TallyRecord {
  readonly context: VoteContext;
  readonly choices: readonly string[];
  readonly threshold: number;
  readonly trustees: readonly Trustee[];
  /** By member id. */
  readonly commitments: Readonly<Record<string, TrusteeCommitment>>;
  /** The board, in any order. */
  readonly ballots: readonly SealedBallot[];
  readonly aggregate: Aggregate;
  /** By member id. */
  readonly partials: Readonly<Record<string, PartialDecryption>>;
  /** By choice. */
  readonly tally: Readonly<Record<string, number>>;
}

export interface TallyVerdict {
  readonly ok: boolean;
  readonly problems: string[];
  readonly counts: number[];
}

const sameCiphertexts = (x: Aggregate, y: Aggregate) =>
  x.ciphertexts.length === y.ciphertexts.length &&
  x.ciphertexts.every((c, i) => c.a === y.ciphertexts[i]?.a && c.b === y.ciphertexts[i].b);

/**
 * Recounts a sealed vote from its record alone: the key from the commitments, every ballot's
 * proofs, the aggregate from the board, every partial decryption's proof, the totals from k of
 * them. Each thing found wrong is one problem, in words; never throws.
 */
export function verifyTally(group: Group, record: TallyRecord): TallyVerdict {
  const problems: string[] = [];
  let counts: number[] = [];
  try {
    const choices = record.choices.length;
    let key: SittingKey;
    try {
      key = sittingKey(group, record.trustees, record.commitments, record.threshold);
    } catch (error) {
      return { ok: false, problems: [`the sitting key: ${(error as Error).message}`], counts };
    }
    const publicKey = group.point(key.publicKey) as Bytes;
    const trackers = new Set<string>();
    const board: SealedBallot[] = [];
    record.ballots.forEach((ballot, n) => {
      const id = tracker(group, ballot);
      if (trackers.has(id)) problems.push(`ballot ${id} is on the board twice`);
      else if (!verifyBallot(group, publicKey, record.context, ballot, choices)) {
        problems.push(`ballot ${id} (${n + 1} on the board): its proofs do not verify`);
      } else board.push(ballot);
      trackers.add(id);
    });
    const recomputed = aggregateOf(group, board, choices);
    if (record.aggregate.ballots !== record.ballots.length) {
      problems.push(
        `the aggregate says ${record.aggregate.ballots} ballots, the board holds ${record.ballots.length}`,
      );
    }
    if (record.aggregate.board !== recomputed.board) {
      problems.push('the aggregate was not added from this board (its board hash differs)');
    }
    if (!sameCiphertexts(record.aggregate, recomputed)) {
      problems.push('the aggregate ciphertexts are not the sum of the valid ballots on the board');
    }
    const valid: Record<string, PartialDecryption> = {};
    for (const [member, partial] of Object.entries(record.partials)) {
      if (verifyPartial(group, key, member, recomputed, partial, record.context))
        valid[member] = partial;
      else problems.push(`the partial decryption by ${member} does not verify against their key`);
    }
    if (Object.keys(valid).length < record.threshold) {
      problems.push(
        `${Object.keys(valid).length} valid partial decryptions, ${record.threshold} needed`,
      );
      return { ok: false, problems, counts };
    }
    counts = combine(group, key, recomputed, valid, record.context);
    record.choices.forEach((choice, slot) => {
      const said = record.tally[choice];
      if (said !== counts[slot]) {
        problems.push(
          `the tally gives ${choice} ${said ?? 'nothing'}, the ciphertexts ${counts[slot]}`,
        );
      }
    });
    const extra = Object.keys(record.tally).filter((choice) => !record.choices.includes(choice));
    if (extra.length > 0)
      problems.push(`the tally counts choices the vote has not: ${extra.join(', ')}`);
  } catch (error) {
    problems.push(`the record is malformed: ${(error as Error).message}`);
  }
  return { ok: problems.length === 0, problems, counts };
}
