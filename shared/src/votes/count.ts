import type { Candidate } from '../agenda';
import type { QuorumShortfall } from '../events';
import type { RuleName, RulesProfile, Threshold } from '../profiles';
import { baseCount, votesCastBase, type MajorityBase } from './majority';
import { ABSTAIN, type AppliedRule, type Outcome, type Tally, type VoteResult } from './result';

const fractions: Readonly<Record<Threshold, readonly [number, number]>> = {
  '1/2': [1, 2],
  '2/3': [2, 3],
  '3/4': [3, 4],
};

/** The fewest votes that carry: more than half, or at least two thirds or three quarters. */
export function votesNeeded(threshold: Threshold, votesCast: number): number {
  if (threshold === '1/2') return Math.floor(votesCast / 2) + 1;
  const [numerator, denominator] = fractions[threshold];
  return Math.max(1, Math.ceil((votesCast * numerator) / denominator));
}

function applied(profile: RulesProfile, threshold: Threshold, rules: RuleName[]): AppliedRule {
  return {
    profile: profile.id,
    threshold,
    abstentionsCount: profile.abstentionsCount.value,
    basis: rules.map((rule) => ({
      rule,
      status: profile[rule].status,
      source: profile[rule].source,
    })),
  };
}

type Counted = Pick<
  VoteResult,
  'outcome' | 'tally' | 'votesCast' | 'needed' | 'base' | 'baseCount'
>;

/** The fewest votes that carry, and what that number was taken of. */
function majorityOf(threshold: Threshold, majority: MajorityBase, votesCast: number) {
  const count = baseCount(majority, votesCast);
  return { needed: votesNeeded(threshold, count), base: majority.base, baseCount: count };
}

/** Every result names the majority rules it applied, and any threshold, base or tie rule it used. */
function resultOf(
  counted: Counted,
  profile: RulesProfile,
  threshold: Threshold,
  alsoApplied: readonly RuleName[],
): VoteResult {
  // A majority of members present or in office is not the majority of votes cast (majorityBase).
  const base: RuleName = counted.base === 'votesCast' ? 'majorityBase' : 'thresholdBases';
  return {
    ...counted,
    participation: Object.values(counted.tally).reduce((sum, n) => sum + n, 0),
    rule: applied(profile, threshold, [base, 'abstentionsCount', ...alsoApplied]),
  };
}

/** A yes/no question: abstentions count in the votes cast only where the rules say so. */
export function countQuestion(
  tally: Tally,
  profile: RulesProfile,
  threshold: Threshold,
  majority: MajorityBase = votesCastBase,
): VoteResult {
  const yes = tally.yes ?? 0;
  const no = tally.no ?? 0;
  const abstain = tally[ABSTAIN] ?? 0;
  const votesCast = yes + no + (profile.abstentionsCount.value ? abstain : 0);
  const counted = majorityOf(threshold, majority, votesCast);
  const tie = yes === no;
  const outcome: Outcome = yes >= counted.needed ? { kind: 'adopted' } : { kind: 'rejected', tie };
  const rules: RuleName[] = threshold === '1/2' ? [] : ['thresholds'];
  return resultOf({ outcome, tally, votesCast, ...counted }, profile, threshold, [
    ...rules,
    ...(tie ? (['tieRule'] as const) : []),
  ]);
}

/** A vote closed without quorum decides nothing, whatever its count, and names the rule it broke. */
export function voided(
  counted: VoteResult,
  shortfall: QuorumShortfall,
  profile: RulesProfile,
): VoteResult {
  const quorumRules = (['quorumBase', 'quorumAt'] as const).map((rule) => ({
    rule,
    status: profile[rule].status,
    source: profile[rule].source,
  }));
  return {
    ...counted,
    outcome: { kind: 'void', reason: 'quorumLost', ...shortfall },
    rule: { ...counted.rule, basis: [...quorumRules, ...counted.rule.basis] },
  };
}

interface Standing {
  readonly candidate: Candidate;
  readonly votes: number;
}

function olderFirst(a: Candidate, b: Candidate): number {
  if (a.birthDate && b.birthDate) return a.birthDate.localeCompare(b.birthDate);
  return a.birthDate ? -1 : b.birthDate ? 1 : 0;
}

interface Round {
  readonly outcome: Outcome;
  readonly usedTieRule: boolean;
}

function elected(standing: Standing, byAge: boolean, usedTieRule: boolean): Round {
  return { outcome: { kind: 'elected', candidateId: standing.candidate.id, byAge }, usedTieRule };
}

function decideRound(
  ranking: readonly Standing[],
  needed: number,
  profile: RulesProfile,
  runoff: boolean,
): Round {
  const appointment = profile.tieRule.value.appointment;
  const [first, second] = ranking;
  if (!first) return { outcome: { kind: 'noneElected', tie: false }, usedTieRule: false };
  if (first.votes >= needed) return elected(first, false, false);
  const tie = second !== undefined && second.votes === first.votes;
  if (runoff) {
    if (!tie && first.votes > 0) return elected(first, false, false);
    // CDLD L1122-28: a tie in the runoff goes to the older candidate (the ranking puts them first).
    const olderKnown =
      second?.candidate.birthDate !== undefined &&
      first.candidate.birthDate !== undefined &&
      first.candidate.birthDate !== second.candidate.birthDate;
    if (appointment.tieBreak === 'older' && olderKnown) return elected(first, true, true);
    return { outcome: { kind: 'noneElected', tie }, usedTieRule: true };
  }
  if (appointment.runoff && second) {
    const candidateIds = [first.candidate.id, second.candidate.id] as const;
    return { outcome: { kind: 'runoff', candidateIds }, usedTieRule: true };
  }
  return { outcome: { kind: 'noneElected', tie }, usedTieRule: true };
}

/**
 * An appointment: an absolute majority elects; otherwise a runoff between the two leading
 * candidates, where the most votes elect and a tie goes as the profile's tie rule says.
 */
export function countElection(
  tally: Tally,
  candidates: readonly Candidate[],
  profile: RulesProfile,
  threshold: Threshold,
  runoff: boolean,
  majority: MajorityBase = votesCastBase,
): VoteResult {
  const blank = tally[ABSTAIN] ?? 0;
  const ranking = candidates
    .map((candidate) => ({ candidate, votes: tally[candidate.id] ?? 0 }))
    .sort((a, b) => b.votes - a.votes || olderFirst(a.candidate, b.candidate));
  const forCandidates = ranking.reduce((sum, s) => sum + s.votes, 0);
  const votesCast = forCandidates + (profile.abstentionsCount.value ? blank : 0);
  const counted = majorityOf(threshold, majority, votesCast);
  const { outcome, usedTieRule } = decideRound(ranking, counted.needed, profile, runoff);
  return resultOf(
    { outcome, tally, votesCast, ...counted },
    profile,
    threshold,
    usedTieRule ? ['tieRule'] : [],
  );
}
