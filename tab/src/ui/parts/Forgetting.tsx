import { useEffect } from 'react';
import { useKeeper } from '../keeping';
import { useSession } from '../session';

/** Deletes what this browser keeps of spent key ceremonies: a trustee's secrets outlive no count. */
export default function Forgetting({ ceremonies }: { ceremonies: readonly number[] }) {
  const { meetingId, me } = useSession();
  const keeper = useKeeper();
  const spent = ceremonies.join(' ');
  useEffect(() => {
    for (const ceremony of spent.split(' ').map(Number)) {
      // Nothing to tell the reader: a record that stays is deleted at the next load.
      keeper.forget({ meetingId, ceremony, member: me }).catch(() => undefined);
    }
  }, [keeper, meetingId, me, spent]);
  return null;
}
