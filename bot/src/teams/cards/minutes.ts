import { COUNCIL_TIME_ZONE, signatoriesOf } from '@council/shared';
import { escapeMarkdown } from '../markdown';
import { adaptiveCard, facts, heading, subtle, text, type Card, type Element } from './elements';
import { action, noticeOf, type CardRef, type View } from './view';

/**
 * The minutes submitted for signature (CDLD L1132-3, DLB art. 32): the hashes that name them, each
 * signatory and whether they approved; in a signatory's own view, until they approve, the button
 * that approves these very hashes.
 */
export function minutesCard(view: View): Card {
  const { t, meeting, language } = view;
  const card: CardRef = { kind: 'minutes', id: view.meetingId };
  const signing = meeting.signing;
  if (!signing) return adaptiveCard([heading(t('minutes.heading')), ...noticeOf(view)]);
  const time = (at: string) =>
    new Date(at).toLocaleString(language, {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: COUNCIL_TIME_ZONE,
    });
  const approvals = new Map(signing.approvals.map((a) => [a.member, a.at]));
  const signatories = signatoriesOf(meeting);
  const rows = signatories.map((member): readonly [string, string] => {
    const at = approvals.get(member.id);
    return [
      escapeMarkdown(member.name),
      at ? t('minutes.approvedAt', { time: time(at) }) : t('minutes.waiting'),
    ];
  });
  const mayApprove =
    !signing.sealed &&
    view.member !== null &&
    signatories.some((member) => member.id === view.member) &&
    !approvals.has(view.member);
  const { pdf, lastEvent, seq } = signing.submitted;
  const body: Element[] = [
    heading(t('minutes.heading')),
    subtle(escapeMarkdown(meeting.setup.title)),
    facts([[t('minutes.pdfHash'), pdf], [t('minutes.lastEvent', { seq }), lastEvent], ...rows]),
    ...(signing.sealed ? [text(t('minutes.sealed'), { weight: 'Bolder' })] : []),
    ...(mayApprove ? [text(t('minutes.readFirst'), { wrap: true })] : []),
    ...noticeOf(view),
  ];
  return adaptiveCard(
    body,
    mayApprove
      ? [
          action(
            view,
            card,
            t('minutes.approve'),
            'minutes.approve',
            { pdf, lastEvent },
            'positive',
          ),
        ]
      : [],
  );
}
