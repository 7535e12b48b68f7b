import {
  articlesOf,
  listOf,
  ruleDescription,
  genderOfCandidate,
  majorityInWords,
  secondRound,
  type Outcome,
  type Vote,
  type VoteResult,
} from '@council/shared';
import { escapeMarkdown } from '../markdown';
import {
  adaptiveCard,
  facts,
  heading,
  notice,
  subtle,
  text,
  type Card,
  type Element,
} from './elements';
import { choiceLabel, choiceName, subjectOf } from './vote';
import { action, nameOf, noticeOf, type CardRef, type View } from './view';

export function outcomeLine(view: View, vote: Vote, outcome: Outcome): string {
  const { t, meeting } = view;
  const candidate = (id: string) => choiceLabel(meeting, vote, id, t);
  switch (outcome.kind) {
    case 'adopted':
      return t('result.adopted');
    case 'rejected':
      return outcome.tie ? t('result.rejectedTie') : t('result.rejected');
    case 'elected': {
      const params = {
        name: candidate(outcome.candidateId),
        context: genderOfCandidate(meeting, vote.itemId, outcome.candidateId),
      };
      return outcome.byAge ? t('result.electedByAge', params) : t('result.elected', params);
    }
    case 'runoff':
      return t('result.runoff', {
        first: candidate(outcome.candidateIds[0]),
        second: candidate(outcome.candidateIds[1]),
      });
    case 'noneElected':
      return outcome.tie ? t('result.noneElectedTie') : t('result.noneElected');
    case 'void':
      if (outcome.reason === 'keyLost') {
        const { lost, trustees, threshold } = outcome;
        return t('result.voidKeyLost', { lost, trustees, threshold });
      }
      return t('result.void', { count: outcome.present, needed: outcome.needed });
    default: {
      const _exhaustive: never = outcome;
      return _exhaustive;
    }
  }
}

/** A majority of votes cast keeps its short line; one of members says its base and numbers. */
function majorityLine(view: View, result: VoteResult): string {
  const { t, language } = view;
  const { rule } = result;
  const abstentions = rule.abstentionsCount
    ? t('result.abstentionsCount')
    : t('result.abstentionsLeftOut');
  const profile = t(`profile.${rule.profile}`);
  if (result.base === 'votesCast') {
    return t('result.rule', { profile, threshold: rule.threshold, abstentions });
  }
  const majority = majorityInWords(rule.threshold, result, language);
  return t('result.ruleOnBase', { profile, majority, abstentions });
}

function ruleLines(view: View, vote: Vote, result: VoteResult): Element[] {
  const { t, language, meeting, reader } = view;
  const { rule } = result;
  const on = vote.kind === 'election' ? 'appointment' : 'question';
  return [
    text(majorityLine(view, result)),
    ...rule.basis.map((basis) => {
      const articles = articlesOf(language, basis, on);
      const cited = articles.length > 0 ? ` (${listOf(language, articles)})` : '';
      // How sure a reading is matters to the director, who answers for legality; not to the room.
      const status = reader === 'director' ? ` — ${t(`ruleStatus.${basis.status}`)}` : '';
      const described = ruleDescription(language, meeting.profile, basis.rule);
      const rule = t(`rule.${basis.rule}`);
      return subtle(`${t('result.ruleBasis', { rule, description: described })}${cited}${status}`);
    }),
  ];
}

/** A named vote's result says who chose what; a secret one, the totals only. */
function namesPerChoice(view: View, vote: Vote): Element[] {
  if (vote.secret) return [];
  return vote.choices.map((choice) => {
    // In the roster's order, as the minutes name them, not in the order the ballots arrived.
    const names = vote.eligible
      .filter((member) => vote.ballots[member] === choice)
      .map((member) => nameOf(view.meeting, member));
    const label = choiceLabel(view.meeting, vote, choice, view.t);
    return text(`**${label}** (${names.length}): ${names.join(', ') || '—'}`);
  });
}

function resultBody(view: View, vote: Vote, result: VoteResult): Element[] {
  const { t, meeting } = view;
  return [
    ...subjectOf(view, vote),
    text(outcomeLine(view, vote, result.outcome), { size: 'Large', weight: 'Bolder' }),
    facts([
      ...vote.choices.map(
        (choice) =>
          [choiceLabel(meeting, vote, choice, t), String(result.tally[choice] ?? 0)] as const,
      ),
      [t('result.participation'), String(result.participation)],
      [t('result.votesCast'), String(result.votesCast)],
      [t('result.needed'), String(result.needed)],
    ]),
    ...ruleLines(view, vote, result),
    ...namesPerChoice(view, vote),
  ];
}

/** The chair's button that opens the second round a published appointment calls for. */
function secondRoundAction(view: View, vote: Vote): Element[] {
  if (view.reader !== 'chair') return [];
  const round = secondRound(view.meeting, vote.id);
  if (!round.ok) return [];
  const name = (id: string) => choiceName(view.meeting, vote, id, view.t);
  const [first, second] = round.candidateIds;
  const card: CardRef = { kind: 'result', id: vote.id };
  const title = view.t('result.secondRound', { first: name(first), second: name(second) });
  return [action(view, card, title, 'vote.runoff', { voteId: vote.id }, 'positive')];
}

/** The result in the meeting chat, once the director has published it. */
export function resultCard(view: View, voteId: string): Card {
  const { t } = view;
  const vote = view.meeting.votes[voteId];
  if (vote?.status !== 'published' || !vote.result) {
    return adaptiveCard([heading(t('result.title')), text(t('card.notVisible'))]);
  }
  return adaptiveCard(
    [
      heading(vote.secret ? t('result.secretTitle') : t('result.namedTitle')),
      ...resultBody(view, vote, vote.result),
      ...noticeOf(view),
    ],
    secondRoundAction(view, vote),
  );
}

/** The result for the director alone, in their personal chat, with the button that publishes it. */
export function directorResultCard(view: View, voteId: string): Card {
  const { t } = view;
  const vote = view.meeting.votes[voteId];
  if (view.reader !== 'director' || !vote?.result) {
    return adaptiveCard([heading(t('result.title')), text(t('card.notVisible'))]);
  }
  const card: CardRef = { kind: 'directorResult', id: voteId };
  const published = vote.status === 'published';
  return adaptiveCard(
    [
      heading(t('result.forDirectorTitle')),
      subtle(escapeMarkdown(view.meeting.setup.title)),
      ...resultBody(view, vote, vote.result),
      ...noticeOf(view),
      published ? notice(t('result.publishedNotice'), 'good') : text(t('result.confidential')),
    ],
    published
      ? []
      : [action(view, card, t('result.publish'), 'result.publish', { voteId }, 'positive')],
  );
}
