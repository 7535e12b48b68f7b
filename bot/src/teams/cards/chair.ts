import type { Member } from '@council/shared';
import { adaptiveCard, form, heading, text, type Card, type Element } from './elements';
import { action, noticeOf, type CardRef, type View } from './view';

/** The member the chair picks on the excuse card: it travels in the button's data. */
export const EXCUSED_MEMBER = 'member';

const meetingCard = (view: View): CardRef => ({ kind: 'welcome', id: view.meetingId });

function closeButton(view: View): Element {
  const { t } = view;
  return action(view, meetingCard(view), t('adjourn.confirm'), 'meeting.close', {}, 'destructive');
}

/**
 * Closing the sitting cannot be undone: the chair confirms it on a second button. Its version is
 * that of the meeting when asked, so a confirmation left on screen while the sitting went on is
 * refused as out of date.
 */
export function closingConfirmation(view: View): Element {
  const { t } = view;
  return form(`${t('adjourn.confirm')}…`, [text(t('adjourn.explain'))], closeButton(view));
}

export function closingCard(view: View): Card {
  const { t } = view;
  return adaptiveCard(
    [heading(t('adjourn.title')), text(t('adjourn.explain'))],
    [closeButton(view)],
  );
}

/** The members the chair may excuse, in one compact list: 49 buttons would not fit a card. */
export function excuseCard(view: View, excusable: readonly Member[]): Card {
  const { t } = view;
  if (excusable.length === 0) {
    return adaptiveCard([heading(t('excuse.title')), text(t('excuse.nobody')), ...noticeOf(view)]);
  }
  const [first] = excusable;
  return adaptiveCard(
    [
      heading(t('excuse.title')),
      ...noticeOf(view),
      {
        type: 'Input.ChoiceSet',
        id: EXCUSED_MEMBER,
        label: t('excuse.explain'),
        style: 'compact',
        isRequired: true,
        value: first?.id,
        choices: excusable.map((member) => ({ title: member.name, value: member.id })),
      },
    ],
    [action(view, meetingCard(view), t('excuse.title'), 'member.excuse')],
  );
}
