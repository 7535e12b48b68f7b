import { articlesOf, listOf } from '../profiles';
import type { Vote } from '../state';
import { SYSTEM } from '../roster';
import { genderOfCandidate } from '../votes/appointed';
import { majorityInWords } from '../votes/majority-words';
import { ABSTAIN, type Outcome, type VoteResult } from '../votes/result';
import { heading, paragraph, type Context, type MinutesBlock } from './context';
import { previousMinutesPath } from './previous';

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
      ctx.count(words.participation, result.participation, {
        count: result.participation,
        eligible: vote.eligible.length,
      }),
    ),
    ...vote.choices.map((choice) =>
      paragraph(String(result.tally[choice] ?? 0), { label: choiceLabel(ctx, vote, choice) }),
    ),
    paragraph(words.secretNote, { tone: 'note' }),
    ...sealedLines(ctx, vote),
  ];
}

/** A sealed box that could not be opened: who took part, and the void decision; no count. */
function keyLostLines(ctx: Context, vote: Vote, result: VoteResult): MinutesBlock[] {
  const words = ctx.words.vote;
  const { language } = ctx.meeting.setup;
  const articles = [
    ...new Set(result.rule.basis.flatMap((b) => articlesOf(language, b, 'question'))),
  ];
  return [
    paragraph(
      ctx.count(words.participation, result.participation, {
        count: result.participation,
        eligible: vote.eligible.length,
      }),
    ),
    ...(articles.length > 0 ? [paragraph(listOf(language, articles), { label: words.basis })] : []),
    paragraph(decisionOf(ctx, vote, result.outcome), { label: words.decision, tone: 'decision' }),
  ];
}

/** A count from the sealed box names its trustees and the hash of the record anyone can check. */
function sealedLines(ctx: Context, vote: Vote): MinutesBlock[] {
  const sealed = vote.sealed;
  const ceremony = ctx.sealedBy(vote);
  if (!sealed || !ceremony) return [];
  const words = ctx.words.vote;
  const names = ceremony.trustees.map((t) =>
    t.member === SYSTEM ? words.serviceTrustee : ctx.name(t.member),
  );
  const box = ctx.fill(words.sealedBox, {
    threshold: ceremony.threshold,
    trustees: ceremony.trustees.length,
    names: listOf(ctx.meeting.setup.language, names),
  });
  return [
    paragraph(box, { tone: 'note' }),
    ...(sealed.evidence ? [paragraph(sealed.evidence, { label: words.evidence })] : []),
  ];
}

/** The articles the result rests on, each once, without any mark of how sure the reading is. */
function ruleLines(ctx: Context, vote: Vote, result: VoteResult): MinutesBlock[] {
  const words = ctx.words.vote;
  const { language } = ctx.meeting.setup;
  const rule = result.rule;
  const abstentions = rule.abstentionsCount
    ? words.abstentionsCounted
    : words.abstentionsNotCounted;
  const on = vote.kind === 'election' ? 'appointment' : 'question';
  const articles = [...new Set(rule.basis.flatMap((b) => articlesOf(language, b, on)))];
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
    ...(articles.length > 0 ? [paragraph(listOf(language, articles), { label: words.basis })] : []),
  ];
}

/** The approval of the previous sitting's minutes is minuted with the date of that sitting. */
function approvalOfMinutes(
  ctx: Context,
  vote: Vote,
  outcome: 'adopted' | 'rejected',
): string | null {
  const item = ctx.meeting.setup.agenda.find((i) => i.id === vote.itemId);
  const motion = vote.motionId ? ctx.meeting.motions[vote.motionId] : undefined;
  if (item?.subject !== 'minutesApproval' || !item.previousSitting || motion?.amends) return null;
  const date = new Intl.DateTimeFormat(ctx.words.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const words = ctx.words.outcomes;
  const decided = ctx.fill(
    outcome === 'adopted' ? words.minutesApproved : words.minutesNotApproved,
    { date: date.format(new Date(`${item.previousSitting}T12:00:00Z`)) },
  );
  // The decision points at the signed file it approves (issue 16: approved at the next sitting):
  // by its hash, and for the council's own copy by the address its members fetch it from.
  if (!item.previousMinutes) return decided;
  const hash = item.previousMinutes;
  const members = ctx.reader !== null && ctx.reader !== 'observer';
  const pointer =
    members && ctx.origin
      ? ctx.fill(ctx.words.previousMinutes.sealedAt, {
          hash,
          address: `${ctx.origin}${previousMinutesPath(ctx.meeting.id, item.id)}`,
        })
      : ctx.fill(ctx.words.previousMinutes.sealedAs, { hash });
  return `${decided} ${pointer}`;
}

function decisionOf(ctx: Context, vote: Vote, outcome: Outcome): string {
  const words = ctx.words.outcomes;
  const label = (choice: string) => choiceLabel(ctx, vote, choice);
  switch (outcome.kind) {
    case 'adopted':
    case 'rejected': {
      const motion = vote.motionId ? ctx.meeting.motions[vote.motionId] : undefined;
      const what = motion ? (motion.amends === null ? 'motion' : 'amendment') : 'item';
      const decided = approvalOfMinutes(ctx, vote, outcome.kind) ?? words[outcome.kind][what];
      return outcome.kind === 'rejected' && outcome.tie ? `${words.tie} ${decided}` : decided;
    }
    case 'elected': {
      const gender = genderOfCandidate(ctx.meeting, vote.itemId, outcome.candidateId);
      return ctx.fill((outcome.byAge ? words.electedByAge : words.elected)[gender], {
        name: label(outcome.candidateId),
      });
    }
    case 'runoff':
      return ctx.fill(words.runoff, {
        first: label(outcome.candidateIds[0]),
        second: label(outcome.candidateIds[1]),
      });
    case 'noneElected':
      return outcome.tie ? `${words.tie} ${words.noneElected}` : words.noneElected;
    case 'void':
      if (outcome.reason === 'keyLost') {
        const { lost, trustees, threshold } = outcome;
        return ctx.fill(words.voidKeyLost, { lost, trustees, threshold });
      }
      return ctx.count(words.void, outcome.present, {
        present: outcome.present,
        needed: outcome.needed,
      });
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
        ctx.count(words.inProgress, vote.participants.length, {
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
  if (result.outcome.kind === 'void' && result.outcome.reason === 'keyLost') {
    return [
      ...keyLostLines(ctx, vote, result),
      ...(vote.status === 'published' ? [] : [paragraph(words.unpublished, { tone: 'note' })]),
    ];
  }
  return [
    ...(vote.secret ? secretLines(ctx, vote, result) : namedLines(ctx, vote, result)),
    ...ruleLines(ctx, vote, result),
    paragraph(decisionOf(ctx, vote, result.outcome), { label: words.decision, tone: 'decision' }),
    ...(vote.status === 'published' ? [] : [paragraph(words.unpublished, { tone: 'note' })]),
  ];
}

export function voteBlocks(ctx: Context, vote: Vote, n: number): MinutesBlock[] {
  return [heading(3, titleOf(ctx, vote, n)), ...resultLines(ctx, vote)];
}
