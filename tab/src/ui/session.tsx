import type { Language, Meeting, Role, WireCommand } from '@council/shared';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { newCommandId, type Api, type Outcome, type Snapshot } from '../api/client';
import { useReconnected } from '../live/reconnected';
import type { LiveMeeting } from '../live/useMeeting';

/** What the host (Teams or the browser) lets a view do beyond the meeting itself. */
export interface HostActions {
  readonly inTeams: boolean;
  /** Shares the stage view to the meeting stage, where Teams allows it. */
  readonly shareToStage: (() => Promise<void>) | null;
}

export interface Session extends LiveMeeting {
  readonly api: Api;
  readonly meetingId: string;
  readonly language: Language;
  readonly host: HostActions;
  /** Shows a failure that no control of its own can show (an alert); null clears it. */
  readonly report: (message: string | null) => void;
}

/** A session whose meeting has loaded: what every view below the shell reads. */
export interface LoadedSession extends Session {
  readonly snapshot: Snapshot;
  readonly meeting: Meeting;
  readonly role: Role | null;
  readonly me: string;
}

const SessionContext = createContext<LoadedSession | null>(null);

export function SessionProvider({
  value,
  children,
}: {
  value: LoadedSession;
  children: ReactNode;
}) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): LoadedSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a loaded meeting');
  return session;
}

/** A short confirmation to show when the command is applied (none by default). */
export interface RunOptions {
  readonly applied?: string;
}

type Shown =
  | { readonly kind: 'applied'; readonly message: string | null }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'unanswered'; readonly sending: boolean; readonly retry: () => void };

/** What became of a control's last command, shown next to that control by <ActionFeedback/>. */
export type Feedback = Shown & { readonly key: number; readonly dismiss: () => void };

/** How long a confirmation stays: it tells, it does not need an answer. */
const APPLIED_SHOWN_MS = 8_000;

/**
 * One control's commands: runs them and keeps the last one's outcome for <ActionFeedback/>. When
 * the service does not answer, its Retry sends the same command with the same id, which the
 * service never applies twice: the answer then tells whether it was applied. `run` resolves true
 * once the command is known to be applied.
 */
export function useCommand() {
  const { send, connection } = useSession();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<(Shown & { readonly key: number }) | null>(null);
  const serial = useRef(0);
  const show = useCallback((next: Shown | null, key = ++serial.current) => {
    setShown(next && { ...next, key });
  }, []);

  const attempt = useCallback(
    async function attempt(
      sending: (commandId: string) => Promise<Outcome>,
      options: RunOptions = {},
      commandId = newCommandId(),
      retried = false,
    ): Promise<boolean> {
      setBusy(true);
      let outcome: Outcome | null;
      try {
        outcome = await sending(commandId);
      } catch {
        outcome = null; // no answer at all: unreachable, timed out
      }
      setBusy(false);
      if (outcome === null) {
        // Whether it was applied is unknown until a retry tells: the caller's promise waits for it,
        // so that what follows an applied command (clearing a field…) follows a retried one too.
        const key = ++serial.current;
        return new Promise<boolean>((settle) => {
          const retry = () => {
            show({ kind: 'unanswered', sending: true, retry }, key);
            settle(attempt(sending, options, commandId, true));
          };
          show({ kind: 'unanswered', sending: false, retry }, key);
        });
      }
      if (!outcome.ok) show({ kind: 'refused', message: outcome.message });
      else if (retried || options.applied) {
        show({ kind: 'applied', message: options.applied ?? null });
      } else show(null);
      return outcome.ok;
    },
    [show],
  );

  const run = useCallback(
    (command: WireCommand, options?: RunOptions) =>
      attempt((commandId) => send(command, commandId), options),
    [attempt, send],
  );

  // A refusal read before the connection was lost may no longer hold once it is back.
  useReconnected(connection, () => {
    setShown((current) => (current?.kind === 'unanswered' ? current : null));
  });

  useEffect(() => {
    if (shown?.kind !== 'applied') return;
    const done = setTimeout(() => {
      setShown((current) => (current?.key === shown.key ? null : current));
    }, APPLIED_SHOWN_MS);
    return () => {
      clearTimeout(done);
    };
  }, [shown]);

  const feedback = useMemo<Feedback | null>(
    () =>
      shown && {
        ...shown,
        dismiss: () => {
          setShown(null);
        },
      },
    [shown],
  );
  return { run, attempt, busy, feedback };
}
