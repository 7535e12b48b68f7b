import type { Language, Meeting, Role, WireCommand } from '@council/shared';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { Api, Snapshot } from '../api/client';
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
  /** Shows a refusal or failure to the reader (an alert). */
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

/** Runs a command; a refusal is reported to the reader. Resolves true when it was accepted. */
export function useCommand() {
  const { send, report } = useSession();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (command: WireCommand): Promise<boolean> => {
      setBusy(true);
      try {
        const outcome = await send(command);
        report(outcome.ok ? null : outcome.message);
        return outcome.ok;
      } catch (error) {
        report(String(error));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [send, report],
  );
  return { run, busy };
}
