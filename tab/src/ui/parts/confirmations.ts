import type { Meeting, Vote } from '@council/shared';
import type { TFunction } from 'i18next';
import { currentQueue, memberName } from '../../meeting';
import type { Confirmation } from './Confirm';

/** The questions irreversible actions ask first; null where nothing would be lost. */

export const closingSitting = (t: TFunction): Confirmation => ({
  title: t('confirm.closeSitting.title'),
  body: [t('confirm.closeSitting.body')],
  action: t('confirm.closeSitting.action'),
  cancel: t('confirm.cancel'),
});

/** Closing a vote takes it from the members present who have not voted yet (those away cannot). */
export function closingVote(t: TFunction, meeting: Meeting, vote: Vote): Confirmation | null {
  const missing = vote.eligible.filter(
    (member) =>
      !vote.participants.includes(member) && meeting.attendance[member]?.status === 'present',
  ).length;
  if (missing === 0) return null;
  return {
    title: t('confirm.closeVote.title'),
    body: [t('confirm.closeVote.body', { count: missing })],
    action: t('confirm.closeVote.action'),
    cancel: t('confirm.cancel'),
  };
}

/** Leaving the item under discussion ends the speech and leaves its queue unheard. */
export function leavingItem(
  t: TFunction,
  meeting: Meeting,
  way: 'next' | 'previous' | 'takeUp',
): Confirmation | null {
  const queue = currentQueue(meeting);
  const waiting = queue.requests.length;
  const body = [
    ...(queue.status === 'speaking'
      ? [t('confirm.leaveItem.speaking', { name: memberName(meeting, queue.current.member) })]
      : []),
    ...(waiting > 0 ? [t('confirm.leaveItem.waiting', { count: waiting })] : []),
  ];
  if (body.length === 0) return null;
  return {
    title: t(`confirm.leaveItem.title.${way}`),
    body,
    action: t(`confirm.leaveItem.action.${way}`),
    cancel: t('confirm.cancel'),
  };
}

export const checkingOut = (t: TFunction): Confirmation => ({
  title: t('confirm.checkOut.title'),
  body: [t('confirm.checkOut.body')],
  action: t('confirm.checkOut.action'),
  cancel: t('confirm.cancel'),
});

export const removingRequest = (t: TFunction, name: string): Confirmation => ({
  title: t('confirm.removeRequest.title', { name }),
  body: [t('confirm.removeRequest.body', { name })],
  action: t('confirm.removeRequest.action'),
  cancel: t('confirm.cancel'),
});
