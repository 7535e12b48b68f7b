import { useEffect, useRef } from 'react';
import type { ConnectionState } from './stream';

/** Calls `then` each time the live stream is back after it was lost (not on the first connection). */
export function useReconnected(connection: ConnectionState, then: () => void): void {
  const lost = useRef(false);
  const latest = useRef(then);
  latest.current = then;
  useEffect(() => {
    if (connection === 'reconnecting') lost.current = true;
    else if (connection === 'live' && lost.current) {
      lost.current = false;
      latest.current();
    }
  }, [connection]);
}
