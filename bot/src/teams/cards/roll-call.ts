import { membersInOffice, quorum } from '@council/shared';
import { escapeMarkdown } from '../markdown';
import { adaptiveCard, facts, heading, notice, text, type Card, type Element } from './elements';
import { action, isVoting, nameOf, noticeOf, type CardRef, type View } from './view';

function quorumLine(view: View, report: { needed: number; reached: boolean; waived: boolean }) {
  const { t } = view;
  if (report.waived) return t('rollCall.quorumWaived');
  return report.reached
    ? t('rollCall.quorumReached', { needed: report.needed })
    : t('rollCall.quorumNotReached', { needed: report.needed });
}

function summary(view: View, rollCallId: string): Card {
  const { t, meeting } = view;
  const closed = meeting.closedRollCalls[rollCallId];
  if (!closed) return adaptiveCard([heading(t('rollCall.closedTitle'))]);
  const names = (ids: readonly string[]) => ids.map((id) => nameOf(meeting, id)).join(', ') || '—';
  return adaptiveCard([
    heading(t('rollCall.closedTitle')),
    facts([
      [t('rollCall.present'), String(closed.present.length)],
      [t('rollCall.absent'), String(closed.absent.length)],
      [t('rollCall.excused'), String(closed.excused.length)],
    ]),
    notice(
      `${t('rollCall.quorum')}: ${quorumLine(view, closed.quorum)}`,
      closed.quorum.reached || closed.quorum.waived ? 'good' : 'attention',
    ),
    text(`${t('rollCall.absentNames')} ${names(closed.absent)}`),
    ...(closed.excused.length > 0
      ? [text(`${t('rollCall.excusedNames')} ${names(closed.excused)}`)]
      : []),
  ]);
}

/** Members in the call who have not answered yet: the chair may wait for them before closing. */
function notYetAnswered(view: View, answered: readonly string[]): Element[] {
  if (view.reader !== 'chair') return [];
  const { inCall } = view.meeting;
  const waiting = membersInOffice(view.meeting.setup.roster)
    .filter((m) => inCall.includes(m.id) && !answered.includes(m.id))
    .map((m) => escapeMarkdown(m.name));
  return waiting.length > 0
    ? [text(`${view.t('rollCall.inCallNotAnswered')} ${waiting.join(', ')}`)]
    : [];
}

/**
 * The roll call: everyone sees how many are present against the quorum; a member who answered
 * sees that they are marked present; the chair closes it. Once closed, the summary.
 */
export function rollCallCard(view: View, rollCallId: string): Card {
  const { t, meeting } = view;
  const open = meeting.rollCall;
  if (open.status !== 'open' || open.id !== rollCallId) return summary(view, rollCallId);
  const card: CardRef = { kind: 'rollCall', id: rollCallId };
  const report = quorum(meeting);
  const answered = view.member !== null && open.answered.includes(view.member);
  const body: Element[] = [
    heading(t('rollCall.title')),
    text(t('rollCall.instructions')),
    facts([
      [
        t('rollCall.present'),
        t('rollCall.presentOf', { present: report.present, inOffice: report.inOffice }),
      ],
      [t('rollCall.quorum'), quorumLine(view, report)],
    ]),
    ...noticeOf(view),
    ...(answered ? [notice(t('rollCall.youArePresent'), 'good')] : []),
    ...notYetAnswered(view, open.answered),
  ];
  const actions: Element[] = [];
  if (!answered && (view.member === null || isVoting(view))) {
    actions.push(
      action(view, card, t('rollCall.answer'), 'rollCall.answer', { rollCallId }, 'positive'),
    );
  }
  if (view.reader === 'chair') {
    actions.push(action(view, card, t('rollCall.close'), 'rollCall.close', { rollCallId }));
  }
  return adaptiveCard(body, actions);
}
