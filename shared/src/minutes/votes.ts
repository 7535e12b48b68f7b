import type { Vote } from '../state';
import { majorityInWords } from '../votes/majority-words';
import { ABSTAIN, type Outcome, type VoteResult } from '../votes/result';
import { heading, paragraph, type Context, type MinutesBlock } from './context';

function choiceLabel(ctx: Context, vote: Vote, choice: string): string {
  const words = ctx.words.vote.choices;
  if (choice === ABSTAIN) return vote.kind === 'election' ? words.blank : words.abstain;
  if (choice === 'yes' || choice === 'no') return words[choice];
  const item = ctx.meeting.setup.agenda.find((i) => i.id === vote.itemId);
  return item?.candidates.find((c) => c.id === choice)?.name ?? choice;
}

function subjectOf(ctx: Context, vote: Vote): string {
  const words = ctx.words.vote;
  if (vote.runoffOf !== null) return words.runoff;
  if (vote.kind === 'election') return words.election;
  const motion = vote.motionId ? ctx.meeting.motions[vote.motionId] : undefined;
  if (!motion) return words.onItem;
  const template = motion.amends === null ? words.onMotion : words.onAmendment;
  return ctx.fill(template, { name: ctx.name(motion.member) });
}

function titleOf(ctx: Context, vote: Vote, n: number): string {
  const words = ctx.words.vote;
  const times = [
    ctx.fill(words.openedAt, { time: ctx.time(vote.openedAt) }),
    ...(vote.closedAt ? [ctx.fill(words.closedAt, { time: ctx.time(vote.closedAt) })] : []),
  ];
  const how = vote.secret ? words.secret : words.named;
  return `${ctx.fill(words.heading, { n })} — ${how}, ${subjectOf(ctx, vote)} (${times.join(', ')})`;
}

/**
 * A named vote goes into the minutes as the rules profile says: every member's choice, or the total
 * for and the names of those against and abstaining (house rules of Doische, as in Wallonia).
 */
function namedLines(ctx: Context, vote: Vote, result: VoteResult): MinutesBlock[] {
  const everyMember = ctx.meeting.profile.namedVoteInMinutes.value === 'everyMember';
  const lines = vote.choices.map((choice) => {
    const count = result.tally[choice] ?? 0;
    const names = vote.eligible.filter((m) => vote.ballots[m] === choice).map(ctx.name);
    const named = everyMember || choice === 'no' || choice === ABSTAIN;
    const text = named && names.length > 0 ? `${count} — ${names.join(', ')}` : String(count);
    return paragraph(text, { label: choiceLabel(ctx, vote, choice) });
  });
  const silent = vote.eligible.filter((m) => vote.ballots[m] === undefined);
  if (silent.length === 0) return lines;
  return [...lines, paragraph(silent.map(ctx.name).join(', '), { label: ctx.words.vote.notVoted })];
}

/** A secret ballot: how many took part and the count per choice, never a name beside a choice. */
function secretLines(ctx: Context, vote: Vote, result: VoteResult): MinutesBlock[] {
  const words = ctx.words.vote;
  return [
    paragraph(
      ctx.fill(words.participation, {
        count: result.participation,
        eligible: vote.eligible.length,
      }),
    ),
    ...vote.choices.map((choice) =>
      paragraph(String(result.tally[choice] ?? 0), { label: choiceLabel(ctx, vote, choice) }),
    ),
    paragraph(words.secretNote, { tone: 'note' }),
  ];
}

function citation(source: string): string {
  return (source.split(':')[0] ?? source).trim();
}

function ruleLines(ctx: Context, result: VoteResult): MinutesBlock[] {
  const words = ctx.words.vote;
  const rule = result.rule;
  const abstentions = rule.abstentionsCount
    ? words.abstentionsCounted
    : words.abstentionsNotCounted;
  const basis = [
    ...new Set(rule.basis.map((b) => `${citation(b.source)} (${words.ruleStatus[b.status]})`)),
  ];
  const language = ctx.meeting.setup.language;
  // A majority of votes cast keeps its usual words; votes cast and the majority are in the line above.
  const majority =
    result.base === 'votesCast'
      ? words.thresholds[rule.threshold]
      : majorityInWords(rule.threshold, result, language);
  return [
    paragraph(ctx.fill(words.votesCast, { cast: result.votesCast, needed: result.needed })),
    paragraph(`${majority}${ctx.words.listSeparator}${abstentions}.`, {
      label: words.rule,
    }),
    paragraph(basis.join(ctx.words.listSeparator), { label: words.basis }),
  ];
}

function decisionOf(ctx: Context, vote: Vote, outcome: Outcome): string {
  const words = ctx.words.outcomes;
  const label = (choice: string) => choiceLabel(ctx, vote, choice);
  switch (outcome.kind) {
    case 'adopted':
    case 'rejected': {
      const motion = vote.motionId ? ctx.meeting.motions[vote.motionId] : undefined;
      const what = motion ? (motion.amends === null ? 'motion' : 'amendment') : 'item';
      const decided = words[outcome.kind][what];
      return outcome.kind === 'rejected' && outcome.tie ? `${words.tie} ${decided}` : decided;
    }
    case 'elected':
      return ctx.fill(outcome.byAge ? words.electedByAge : words.elected, {
        name: label(outcome.candidateId),
      });
    case 'runoff':
      return ctx.fill(words.runoff, {
        first: label(outcome.candidateIds[0]),
        second: label(outcome.candidateIds[1]),
      });
    case 'noneElected':
      return outcome.tie ? `${words.tie} ${words.noneElected}` : words.noneElected;
    case 'void':
      return ctx.fill(words.void, { present: outcome.present, needed: outcome.needed });
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

function resultLines(ctx: Context, vote: Vote): MinutesBlock[] {
  const words = ctx.words.vote;
  if (vote.status === 'open') {
    return [
      paragraph(
        ctx.fill(words.inProgress, {
          count: vote.participants.length,
          eligible: vote.eligible.length,
        }),
        { tone: 'note' },
      ),
    ];
  }
  // Before publication only the director's copy holds a result (meetingFor hides it from others).
  const result = vote.result;
  if (!result) return [paragraph(words.awaitingResult, { tone: 'note' })];
  return [
    ...(vote.secret ? secretLines(ctx, vote, result) : namedLines(ctx, vote, result)),
    ...ruleLines(ctx, result),
    paragraph(decisionOf(ctx, vote, result.outcome), { label: words.decision, tone: 'decision' }),
    ...(vote.status === 'published' ? [] : [paragraph(words.unpublished, { tone: 'note' })]),
  ];
}

export function voteBlocks(ctx: Context, vote: Vote, n: number): MinutesBlock[] {
  return [heading(3, titleOf(ctx, vote, n)), ...resultLines(ctx, vote)];
}
