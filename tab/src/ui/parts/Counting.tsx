import { waitingTrustees, type Vote } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { memberNames } from '../../meeting';
import { useSession } from '../session';
import { useLayout } from '../styles';

/** A closed secret vote whose totals wait for trustees' shares: "Counting: waiting for …". */
export function CountingWait({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const layout = useLayout();
  if (vote.status !== 'closed' || !vote.sealed?.aggregate) return null;
  const waiting = waitingTrustees(vote);
  if (waiting.length === 0) return null;
  return (
    <p role="status" className={layout.grow} data-counting={vote.id}>
      {t('tellers.counting', { names: memberNames(meeting, waiting, language) })}
    </p>
  );
}

/** Every secret vote of the sitting still being counted, for readers whose panel has no vote card. */
export function Counting() {
  const { meeting } = useSession();
  return Object.values(meeting.votes).map((vote) => <CountingWait key={vote.id} vote={vote} />);
}
