import { countNeeds, type Vote } from '@council/shared';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { useLayout } from '../styles';
import { trusteeNames } from './trustee-names';

/**
 * A closed secret vote whose totals wait for trustees' shares: "Counting: waiting for …"; once a
 * trustee declared their share lost, how many more shares it needs and from whom (never from them).
 */
export function CountingWait({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const { meeting, language } = useSession();
  const layout = useLayout();
  if (vote.status !== 'closed' || !vote.sealed?.aggregate) return null;
  const needs = countNeeds(meeting, vote);
  if (!needs) return null;
  const said =
    needs.lost.length === 0
      ? t('tellers.counting', { names: trusteeNames(meeting, needs.from, language) })
      : t('tellers.countingNeeds', {
          count: needs.more,
          names: trusteeNames(
            meeting,
            needs.from,
            language,
            needs.more < needs.from.length ? 'disjunction' : 'conjunction',
          ),
        });
  return (
    <p role="status" className={layout.grow} data-counting={vote.id}>
      {said}
    </p>
  );
}

/** Every secret vote of the sitting still being counted, for readers whose panel has no vote card. */
export function Counting() {
  const { meeting } = useSession();
  return Object.values(meeting.votes).map((vote) => <CountingWait key={vote.id} vote={vote} />);
}
