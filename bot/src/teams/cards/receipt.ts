import type { Language, Meeting, Vote } from '@council/shared';
import type { Texts } from '../i18n';
import { adaptiveCard, heading, notice, subtle, type Card } from './elements';
import { itemTitle } from './view';

/**
 * The answer to a press that cast a secret ballot: the receipt alone, not the member's whole view
 * of the vote drawn again for every press of a burst (issue 18). Teams shows an
 * `adaptiveCard/action`'s answer in place of the card for the presser only; the vote card's next
 * update (its participation, debounced) brings their full view back, which says the ballot was
 * received. The tracker is shown here and nowhere else, as before.
 */
export function ballotReceipt(
  meeting: Meeting,
  vote: Vote,
  tracker: string,
  t: Texts,
  language: Language,
): Card {
  return adaptiveCard([
    heading(t('vote.secretTitle')),
    subtle(itemTitle(meeting, vote.itemId, language)),
    notice(t('vote.secretReceived'), 'good'),
    notice(t('vote.tracker', { tracker }), 'good'),
  ]);
}
