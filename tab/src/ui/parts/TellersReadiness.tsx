import { currentCeremony, tellersReady, type Meeting } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { currentItem } from '../../meeting';
import { useSession } from '../session';

/**
 * Whether the tellers' readiness belongs in the status line: their ceremony is under way or failed,
 * or the item at hand expects a secret ballot that cannot be opened yet.
 */
export function tellersAwaited(meeting: Meeting): boolean {
  if (meeting.status !== 'open' || meeting.openVoteId) return false;
  const ceremony = currentCeremony(meeting);
  if (ceremony) return ceremony.status !== 'ready';
  return currentItem(meeting)?.expectedVote === 'secret';
}

/** "Tellers ready 2/3". */
export function TellersReadiness({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { meeting } = useSession();
  const { ready, needed } = tellersReady(meeting);
  return (
    <span className={className} data-tellers-ready={`${String(ready)}/${String(needed)}`}>
      {t('tellers.readiness', { ready, needed })}
    </span>
  );
}
