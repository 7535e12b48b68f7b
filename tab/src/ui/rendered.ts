import { useEffect } from 'react';

/** The moment a page first shows what it is for: the bench reads it as the time to first render. */
export function useRenderedMark(): void {
  useEffect(() => {
    try {
      performance.mark('council:view-rendered');
    } catch {
      // No User Timing (jsdom): nothing to measure there.
    }
  }, []);
}
