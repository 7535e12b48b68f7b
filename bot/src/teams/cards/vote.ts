import {
  ABSTAIN,
  absenceRefusal,
  hasTakenPart,
  isPlainMajority,
  majorityName,
  isEntitled,
  messageOf,
  titleIn,
  type Meeting,
  type Procedure,
  type Vote,
} from '@council/shared';
import type { Texts } from '../i18n';
import { escapeMarkdown } from '../markdown';
import { adaptiveCard, heading, notice, subtle, text, type Card, type Element } from './elements';
import { outcomeLine } from './result';
import { action, isVoting, itemTitle, nameOf, noticeOf, type CardRef, type View } from './view';

/** A choice as card text (markdown). */
export function choiceLabel(meeting: Meeting, vote: Vote, choice: string, t: Texts): string {
  return escapeMarkdown(choiceName(meeting, vote, choice, t));
}

/** A choice as a button's title, which Teams shows as plain text. */
export function choiceName(meeting: Meeting, vote: Vote, choice: string, t: Texts): string {
  if (vote.kind === 'question') {
    if (choice === 'yes') return t('choice.yes');
    if (choice === 'no') return t('choice.no');
    return t('choice.abstain');
  }
  if (choice === ABSTAIN) return t('choice.blank');
  const item = meeting.setup.agenda.find((i) => i.id === vote.itemId);
  return item?.candidates.find((c) => c.id === choice)?.name ?? choice;
}

/** A procedural vote says what it decides, lest it read as the vote on the item itself. */
function procedureOf(view: View, procedure: Procedure): Element[] {
  if (procedure.kind === 'closedSession') {
    return [text(view.t('vote.procedureClosedSession'), { weight: 'Bolder' })];
  }
  const title = escapeMarkdown(titleIn(procedure.item, view.language, view.meeting.setup.language));
  return [text(view.t('vote.procedureUrgency', { title }), { weight: 'Bolder' })];
}

/** What is put to the vote: the motion or amendment, else the agenda item itself. */
export function subjectOf(view: View, vote: Vote): Element[] {
  const { t, meeting } = view;
  const motion = vote.motionId ? meeting.motions[vote.motionId] : undefined;
  const item = subtle(itemTitle(meeting, vote.itemId, view.language));
  if (vote.procedure) return [item, ...procedureOf(view, vote.procedure)];
  if (!motion) return [item];
  const kind = motion.amends
    ? t('motion.amendmentBy', { name: nameOf(meeting, motion.member) })
    : t('motion.motionBy', { name: nameOf(meeting, motion.member) });
  return [item, text(kind, { weight: 'Bolder' }), text(escapeMarkdown(motion.text))];
}

function ownBallot(view: View, vote: Vote): Element[] {
  const { t, member, meeting } = view;
  if (member === null || !isVoting(view)) return [];
  if (!isEntitled(vote, member)) {
    return vote.status === 'open' ? [notice(t('vote.notEntitled'), 'attention')] : [];
  }
  const absent = vote.status === 'open' ? absenceRefusal(meeting, vote, member) : null;
  const refusal = absent ? [notice(messageOf({ code: absent }, view.language), 'attention')] : [];
  if (!hasTakenPart(vote, member)) return refusal;
  if (vote.secret) return [notice(t('vote.secretReceived'), 'good')];
  const choice = vote.ballots[member];
  const label = choice === undefined ? '' : choiceLabel(meeting, vote, choice, t);
  return [notice(t('vote.namedReceived', { choice: label }), 'good'), ...refusal];
}

function mayCast(view: View, vote: Vote): boolean {
  if (vote.status !== 'open') return false;
  if (view.member === null) return true;
  if (!isVoting(view) || !isEntitled(vote, view.member)) return false;
  if (absenceRefusal(view.meeting, vote, view.member)) return false;
  if (!hasTakenPart(vote, view.member)) return true;
  return !vote.secret && view.meeting.profile.voteChangeUntilClose.value;
}

function statusLine(view: View, vote: Vote): Element {
  const { t } = view;
  const counts = { count: vote.participants.length, eligible: vote.eligible.length };
  switch (vote.status) {
    case 'open':
      return text(t('vote.participation', counts), { weight: 'Bolder' });
    case 'closed':
    case 'counted':
      return text(t('vote.closedToDirector', counts));
    case 'published':
      return text(
        vote.result ? outcomeLine(view, vote, vote.result.outcome) : t('vote.published'),
        { weight: 'Bolder' },
      );
    default: {
      const _exhaustive: never = vote.status;
      return _exhaustive;
    }
  }
}

/** Quorum lost while the vote is open: closing it now makes it void. */
function quorumLine(view: View, vote: Vote): Element[] {
  const lost = view.meeting.quorumLost;
  if (vote.status !== 'open' || view.meeting.openVoteId !== vote.id || !lost) return [];
  return [
    notice(view.t('vote.quorumLost', { count: lost.present, needed: lost.needed }), 'attention'),
  ];
}

/**
 * A vote: everyone sees the question and how many have voted, never a running count. A member who
 * voted sees that the ballot was received; in a secret vote the choice is not shown back.
 */
export function voteCard(view: View, voteId: string): Card {
  const { t, meeting } = view;
  const vote = meeting.votes[voteId];
  if (!vote) return adaptiveCard([heading(t('vote.title')), text(t('card.notVisible'))]);
  const card: CardRef = { kind: 'vote', id: voteId };
  const body: Element[] = [
    heading(vote.secret ? t('vote.secretTitle') : t('vote.namedTitle')),
    ...subjectOf(view, vote),
    ...(isPlainMajority(vote.threshold, vote.base)
      ? []
      : [
          subtle(
            t('vote.thresholdOnBase', {
              majority: majorityName(vote.threshold, vote.base, view.language),
            }),
          ),
        ]),
    statusLine(view, vote),
    ...quorumLine(view, vote),
    ...noticeOf(view),
    ...ownBallot(view, vote),
  ];
  const actions: Element[] = mayCast(view, vote)
    ? vote.choices.map((choice) =>
        action(view, card, choiceName(meeting, vote, choice, t), 'vote.cast', { voteId, choice }),
      )
    : [];
  if (view.reader === 'chair' && vote.status === 'open') {
    actions.push(action(view, card, t('vote.close'), 'vote.close', { voteId }, 'destructive'));
  }
  return adaptiveCard(body, actions);
}
