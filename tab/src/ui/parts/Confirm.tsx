import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';

/** What an irreversible action asks first: what happens, what is lost, the action's own name. */
export interface Confirmation {
  readonly title: string;
  readonly body: readonly string[];
  readonly action: string;
}

// Loaded on first use: most readers never see a dialog, and the panel's first load stays light.
const ConfirmDialog = lazy(() => import('./ConfirmDialog'));

/**
 * Asks before an irreversible action: `ask(confirmation, act)` opens a dialog, and acts only if the
 * reader confirms; with no confirmation (nothing would be lost) it acts at once. The focus goes
 * back to the control that asked; Escape cancels. Render `dialog` anywhere in the part.
 */
export function useConfirm() {
  const [asked, setAsked] = useState<{ confirmation: Confirmation; act: () => void } | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  const ask = useCallback((confirmation: Confirmation | null, act: () => void) => {
    if (!confirmation) {
      act();
      return;
    }
    returnTo.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsked({ confirmation, act });
  }, []);

  useEffect(() => {
    if (asked || !returnTo.current) return;
    returnTo.current.focus();
    returnTo.current = null;
  }, [asked]);

  const dialog = asked && (
    <Suspense fallback={null}>
      <ConfirmDialog
        confirmation={asked.confirmation}
        onClose={(confirmed) => {
          setAsked(null);
          if (confirmed) asked.act();
        }}
      />
    </Suspense>
  );
  return { ask, dialog };
}
