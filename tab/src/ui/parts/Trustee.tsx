import { currentCeremony } from '@council/shared';
import { lazy, Suspense } from 'react';
import { useSession } from '../session';

/** Three people of a sitting hold the key: its ceremony's code (and its crypto) loads for them alone. */
const TrusteeDuty = lazy(() => import('./TrusteeDuty'));

/** The trustee's part of the panel, for the director and the tellers of the current ceremony. */
export function TrusteeSection() {
  const { meeting, me } = useSession();
  const ceremony = currentCeremony(meeting);
  if (!ceremony?.trustees.some((trustee) => trustee.member === me)) return null;
  return (
    <Suspense fallback={null}>
      <TrusteeDuty />
    </Suspense>
  );
}
