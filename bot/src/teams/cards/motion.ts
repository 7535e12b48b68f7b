import { itemStatus, secretAllowed, type Motion } from '@council/shared';
import { escapeMarkdown } from '../markdown';
import {
  adaptiveCard,
  choiceInput,
  form,
  heading,
  subtle,
  text,
  textInput,
  type Card,
  type Element,
} from './elements';
import { conflictLine, declareConflictAction } from './conflict';
import { chairAgendaActions } from './agenda-actions';
import { action, isVoting, itemTitle, nameOf, noticeOf, type CardRef, type View } from './view';

export const MOTION_TEXT = 'motionText';
/** The article of the item's draft decision an amendment replaces; '' for none. */
export const AMENDED_ARTICLE = 'amendedArticle';
const MAX_TEXT = 5_000;

function pending(motion: Motion): boolean {
  return motion.status === 'proposed' || motion.status === 'seconded';
}

function secretRule(view: View, itemId: string): 'required' | 'allowed' | 'public' {
  const item = view.meeting.setup.agenda.find((i) => i.id === itemId);
  const profile = view.meeting.profile;
  if (item && profile.secretSubjects.value.includes(item.subject)) return 'required';
  return item && secretAllowed(profile, item.subject) ? 'allowed' : 'public';
}

/** The chair's buttons that open a vote: named, secret, or both, as the rules say for the subject. */
export function openVoteActions(
  view: View,
  card: CardRef,
  itemId: string,
  motionId?: string,
): Element[] {
  if (view.reader !== 'chair') return [];
  const { t } = view;
  const target = motionId ? { motionId } : {};
  const secret = action(view, card, t('vote.openSecret'), 'vote.open', { ...target, secret: true });
  const named = action(view, card, t('vote.openNamed'), 'vote.open', { ...target, secret: false });
  const rule = secretRule(view, itemId);
  if (rule === 'required') return [secret];
  return rule === 'allowed' ? [named, secret] : [named];
}

/** The form a member fills in to table a motion, or an amendment to one. */
export function motionForm(
  view: View,
  card: CardRef,
  verb: 'motion.propose' | 'motion.amend',
  extra: Readonly<Record<string, string>>,
): Element {
  const { t } = view;
  const title = verb === 'motion.propose' ? t('motion.propose') : t('motion.amend');
  const wording = textInput(MOTION_TEXT, t('motion.textLabel'), MAX_TEXT, t('motion.textRequired'));
  const articles = verb === 'motion.amend' ? draftArticles(view, extra.motionId) : 0;
  const article = choiceInput(AMENDED_ARTICLE, t('motion.articleLabel'), [
    { title: t('motion.noArticle'), value: '' },
    ...Array.from({ length: articles }, (_, i) => ({
      title: t('motion.article', { n: i + 1 }),
      value: String(i + 1),
    })),
  ]);
  return form(
    title,
    articles > 0 ? [article, wording] : [wording],
    action(view, card, t('motion.submit'), verb, extra, 'positive'),
  );
}

/** How many articles the draft decision of the motion's item has: an amendment may replace one. */
function draftArticles(view: View, motionId: string | undefined): number {
  const itemId = motionId ? view.meeting.motions[motionId]?.itemId : undefined;
  const item = view.meeting.setup.agenda.find((i) => i.id === itemId);
  return item?.deliberation?.articles.length ?? 0;
}

function statusLine(view: View, motion: Motion): string {
  const { t, meeting } = view;
  switch (motion.status) {
    case 'proposed':
      return meeting.profile.motionsNeedSecond.value
        ? t('motion.awaitingSecond')
        : t('motion.proposed');
    case 'seconded':
      return t('motion.secondedBy', { name: nameOf(meeting, motion.secondedBy ?? '') });
    case 'withdrawn':
      return t('motion.withdrawn');
    case 'voting':
      return t('motion.voting');
    case 'adopted':
      return t('motion.adopted');
    case 'rejected':
      return t('motion.rejected');
    default: {
      const _exhaustive: never = motion.status;
      return _exhaustive;
    }
  }
}

/** A motion or an amendment: members second or amend it, its author may withdraw it, the chair puts it to the vote. */
export function motionCard(view: View, motionId: string): Card {
  const { t, meeting } = view;
  const motion = meeting.motions[motionId];
  if (!motion) return adaptiveCard([heading(t('motion.title')), text(t('card.notVisible'))]);
  const card: CardRef = { kind: 'motion', id: motionId };
  const amended = motion.amends ? meeting.motions[motion.amends] : undefined;
  const body: Element[] = [
    heading(
      motion.amends
        ? t('motion.amendmentBy', { name: nameOf(meeting, motion.member) })
        : t('motion.motionBy', { name: nameOf(meeting, motion.member) }),
    ),
    subtle(itemTitle(meeting, motion.itemId, view.language)),
    ...(amended ? [subtle(t('motion.amends', { text: escapeMarkdown(amended.text) }))] : []),
    text(escapeMarkdown(motion.text)),
    text(statusLine(view, motion), { weight: 'Bolder' }),
    ...noticeOf(view),
  ];
  if (!pending(motion)) return adaptiveCard(body);
  const member = view.member === null || isVoting(view);
  const own = view.member !== null && view.member === motion.member;
  const actions: Element[] = [];
  if (member && !own && motion.status === 'proposed') {
    actions.push(action(view, card, t('motion.second'), 'motion.second', { motionId }, 'positive'));
  }
  if (member && !motion.amends) actions.push(motionForm(view, card, 'motion.amend', { motionId }));
  if (own)
    actions.push(
      action(view, card, t('motion.withdraw'), 'motion.withdraw', { motionId }, 'destructive'),
    );
  actions.push(...openVoteActions(view, card, motion.itemId, motionId));
  return adaptiveCard(body, actions);
}

/** The agenda item under discussion: members table motions; the chair may put the item itself to the vote. */
export function itemCard(view: View, itemId: string): Card {
  const { t, meeting } = view;
  const item = meeting.setup.agenda.find((i) => i.id === itemId);
  if (!item) return adaptiveCard([heading(t('item.title')), text(t('card.notVisible'))]);
  const card: CardRef = { kind: 'item', id: itemId };
  const current = itemStatus(meeting, itemId) === 'current';
  const body: Element[] = [
    subtle(t('item.title')),
    heading(itemTitle(meeting, itemId, view.language)),
    ...(item.session === 'closed' ? [text(t('item.closedSession'), { color: 'Attention' })] : []),
    ...(current ? [] : [text(t('item.notCurrent'))]),
    ...conflictLine(view, itemId),
    ...noticeOf(view),
  ];
  if (!current) return adaptiveCard(body);
  const actions: Element[] = [];
  if (view.member === null || isVoting(view))
    actions.push(motionForm(view, card, 'motion.propose', { itemId }));
  actions.push(...declareConflictAction(view, card, itemId));
  if (!meeting.openVoteId) actions.push(...openVoteActions(view, card, itemId));
  if (view.reader === 'chair') {
    actions.push(action(view, card, t('meeting.next'), 'meeting.next'));
    actions.push(...chairAgendaActions(view, card, item));
  }
  return adaptiveCard(body, actions);
}
