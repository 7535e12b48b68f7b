import {
  COUNCIL_TIME_ZONE,
  sittingStatus,
  type MeetingStatus,
  type SittingStatus,
} from '@council/shared';
import type { Texts } from '../i18n';
import { escapeMarkdown } from '../markdown';
import {
  adaptiveCard,
  execute,
  facts,
  heading,
  subtle,
  text,
  type Card,
  type Element,
} from './elements';
import { closingConfirmation } from './chair';
import { action, itemTitle, noticeOf, type CardRef, type View } from './view';

function chairControls(view: View, card: CardRef): Element[] {
  const { t, meeting } = view;
  if (view.reader !== 'chair') return [];
  if (meeting.status === 'convened')
    return [action(view, card, t('meeting.open'), 'meeting.open', {}, 'positive')];
  if (meeting.status !== 'open') return [];
  return [
    ...(meeting.rollCall.status === 'open'
      ? []
      : [action(view, card, t('rollCall.open'), 'rollCall.open')]),
    action(view, card, t('meeting.next'), 'meeting.next'),
    closingConfirmation(view),
  ];
}

/** Posted when the chat is linked: the meeting, its agenda and, in each reader's view, their role. */
export function welcomeCard(view: View): Card {
  const { t, meeting, language } = view;
  const card: CardRef = { kind: 'welcome', id: view.meetingId };
  const { setup } = meeting;
  const agenda = setup.agenda.map((item) => {
    const mark = item.id === meeting.currentItemId ? '▶ ' : '';
    const closed = item.session === 'closed' ? ` (${t('item.closedSessionShort')})` : '';
    return text(`${mark}${itemTitle(meeting, item.id, language)}${closed}`, { spacing: 'Small' });
  });
  const role =
    view.member === null
      ? []
      : [
          text(
            view.reader
              ? t('welcome.yourRole', { role: t(`role.${view.reader}`) })
              : t('welcome.notOnRoster'),
            { weight: 'Bolder' },
          ),
        ];
  return adaptiveCard(
    [
      heading(escapeMarkdown(setup.title)),
      subtle(escapeMarkdown(setup.municipality)),
      facts([
        [
          t('welcome.start'),
          new Date(setup.scheduledStart).toLocaleString(language, {
            dateStyle: 'full',
            timeStyle: 'short',
            timeZone: COUNCIL_TIME_ZONE,
          }),
        ],
        [t('welcome.status'), statusName(t, sittingStatus(meeting))],
      ]),
      ...role,
      text(t('welcome.agenda'), { weight: 'Bolder' }),
      ...agenda,
      text(t('welcome.helpHint'), { isSubtle: true }),
      ...noticeOf(view),
    ],
    chairControls(view, card),
  );
}

export function statusName(t: Texts, status: SittingStatus): string {
  return t(`status.${status}`);
}

export interface LinkChoice {
  readonly meetingId: string;
  readonly title: string;
  readonly status: MeetingStatus;
}

/** A chat not linked yet: the chair or the director links it to one of the organisation's meetings. */
export function unlinkedCard(t: Texts, meetings: readonly LinkChoice[], notice?: string): Card {
  const body: Element[] = [heading(t('link.title')), text(t('link.explain'))];
  if (notice) body.push(text(notice, { color: 'Attention', weight: 'Bolder' }));
  if (meetings.length === 0) body.push(text(t('link.none')));
  for (const meeting of meetings)
    body.push(text(`${escapeMarkdown(meeting.title)} — ${statusName(t, meeting.status)}`));
  const buttons = meetings.slice(0, 5).map((meeting) =>
    execute(t('link.button', { title: meeting.title }), 'meeting.link', {
      meetingId: meeting.meetingId,
    }),
  );
  return adaptiveCard(body, buttons);
}
