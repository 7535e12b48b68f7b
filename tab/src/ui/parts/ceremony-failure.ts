import type { Language, Meeting, TellersCeremony as Ceremony } from '@council/shared';
import type { TFunction } from 'i18next';
import { disputedDealer } from '../../sealed/ceremony';
import { memberNames } from '../../meeting';
import { trusteeName } from './trustee-names';

/** Why a key ceremony failed: a dealer's share that did not check out, or too many shares lost. */
export function ceremonyFailure(
  t: TFunction,
  meeting: Meeting,
  ceremony: Ceremony,
  language: Language,
): string {
  const lost = ceremony.lost ?? [];
  if (ceremony.disputed.length === 0 && lost.length > 0) {
    return t('tellers.keyLost', { names: memberNames(meeting, lost, language) });
  }
  return t('tellers.failed', { name: trusteeName(meeting, disputedDealer(ceremony), language) });
}
