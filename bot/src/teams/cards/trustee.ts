import { currentCeremony, sealingCeremony, type TellersCeremony } from '@council/shared';
import { escapeMarkdown } from '../markdown';
import { adaptiveCard, heading, notice, subtle, text, type Card, type Element } from './elements';
import { subjectOf } from './vote';
import type { View } from './view';

/** What a trustee's dialog is opened for: a key ceremony, or a vote's count. */
export type TrusteeDuty = 'ceremony' | 'count';

/**
 * The button that opens the trustee's dialog (a Teams task module): Teams sends its data to the
 * bot as a `task/fetch` invoke, answered with the tab's page for that duty (trustee-dialog.ts).
 */
export function dutyButton(title: string, meetingId: string, duty: TrusteeDuty): Element {
  return {
    type: 'Action.Submit',
    title,
    style: 'positive',
    data: { msteams: { type: 'task/fetch' }, meetingId, duty },
  };
}

function isTrusteeOf(ceremony: TellersCeremony | undefined, member: string | null) {
  return !!ceremony && ceremony.trustees.some((trustee) => trustee.member === member);
}

const notForYou = (view: View) =>
  adaptiveCard([heading(view.t('trustee.title')), text(view.t('trustee.notTrustee'))]);

/** Sent to each trustee in private when the chair names the tellers: their part of the key. */
export function keyCeremonyCard(view: View, ceremonyNumber: string): Card {
  const { t, meeting, member } = view;
  const ceremony = currentCeremony(meeting);
  if (!isTrusteeOf(ceremony, member) || String(ceremony?.ceremony) !== ceremonyNumber) {
    return notForYou(view);
  }
  const done = ceremony?.status === 'ready';
  return adaptiveCard(
    [
      heading(t('trustee.title')),
      subtle(escapeMarkdown(meeting.setup.title)),
      text(t('trustee.ceremony')),
      done ? notice(t('trustee.keyReady'), 'good') : text(t('trustee.keepHere')),
    ],
    done ? [] : [dutyButton(t('trustee.open'), view.meetingId, 'ceremony')],
  );
}

/** Sent to each trustee of a closed secret vote once its ballots are added up: their share. */
export function tallyShareCard(view: View, voteId: string): Card {
  const { t, meeting, member } = view;
  const vote = meeting.votes[voteId];
  const sealed = vote?.sealed;
  const ceremony = vote && sealingCeremony(meeting, vote);
  if (!vote || !sealed || !ceremony?.trustees.some((trustee) => trustee.member === member)) {
    return notForYou(view);
  }
  const given = !!member && member in sealed.decrypted;
  const counted = vote.status !== 'closed';
  const waiting = !given && !counted;
  return adaptiveCard(
    [
      heading(t('trustee.countTitle')),
      subtle(escapeMarkdown(meeting.setup.title)),
      ...subjectOf(view, vote),
      waiting
        ? text(t('trustee.count'))
        : notice(given ? t('trustee.shareGiven') : t('trustee.counted'), 'good'),
    ],
    waiting ? [dutyButton(t('trustee.release'), view.meetingId, 'count')] : [],
  );
}
