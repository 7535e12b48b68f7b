import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';

/** What an irreversible action asks first: what happens, what is lost, the action's own name. */
export interface Confirmation {
  readonly title: string;
  readonly body: readonly string[];
  readonly action: string;
  readonly cancel: string;
}

interface Asked {
  readonly confirmation: Confirmation;
  readonly act: () => void;
  readonly open: boolean;
  /** Each question a dialog of its own: one reopened while still closing would stay hidden. */
  readonly serial: number;
}

// Loaded on first use: most readers never see a dialog, and the panel's first load stays light.
const ConfirmDialog = lazy(() => import('./ConfirmDialog'));

/**
 * Asks before an irreversible action: `ask(confirmation, act)` opens a dialog, and acts only if the
 * reader confirms; with no confirmation (nothing would be lost) it acts at once. The focus goes
 * back to the control that asked; Escape cancels. Render `dialog` anywhere in the part.
 */
export function useConfirm() {
  // The last question stays mounted once answered, closed: a modal dialog removed while open
  // would leave the rest of the page hidden from screen readers.
  const [asked, setAsked] = useState<Asked | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const questions = useRef(0);

  const ask = useCallback((confirmation: Confirmation | null, act: () => void) => {
    if (!confirmation) {
      act();
      return;
    }
    const focused = document.activeElement;
    returnTo.current = focused instanceof HTMLElement ? focused : null;
    setAsked({ confirmation, act, open: true, serial: ++questions.current });
  }, []);

  const open = asked?.open ?? false;
  useEffect(() => {
    if (open || !returnTo.current) return;
    returnTo.current.focus();
    returnTo.current = null;
  }, [open]);

  const dialog = asked && (
    <Suspense fallback={null}>
      <ConfirmDialog
        key={asked.serial}
        open={asked.open}
        confirmation={asked.confirmation}
        onClose={(confirmed) => {
          setAsked({ ...asked, open: false });
          if (confirmed) asked.act();
        }}
      />
    </Suspense>
  );
  return { ask, dialog };
}
