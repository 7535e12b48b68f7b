import { currentCeremony } from '@council/shared';
import { lazy, Suspense } from 'react';
import { spentCeremonies } from '../../sealed/spent';
import { useSession } from '../session';

/** Three people of a sitting hold the key: its ceremony's code (and its crypto) loads for them alone. */
const TrusteeDuty = lazy(() => import('./TrusteeDuty'));
const Forgetting = lazy(() => import('./Forgetting'));

/**
 * The trustee's part of the panel, for the director and the tellers of the current ceremony until
 * it is spent; for whoever held a part of a spent ceremony, its secrets deleted from this browser.
 */
export function TrusteeSection() {
  const { meeting, me } = useSession();
  const ceremony = currentCeremony(meeting);
  const spent = spentCeremonies(meeting, me);
  const duty =
    !!ceremony &&
    ceremony.trustees.some((trustee) => trustee.member === me) &&
    !spent.includes(ceremony.ceremony);
  return (
    <>
      {spent.length > 0 && (
        <Suspense fallback={null}>
          <Forgetting ceremonies={spent} />
        </Suspense>
      )}
      {duty && (
        <Suspense fallback={null}>
          <TrusteeDuty />
        </Suspense>
      )}
    </>
  );
}
