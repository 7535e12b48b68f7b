import type { Meeting, WireCommand } from '@council/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Refused, type Api, type Outcome, type Snapshot } from '../api/client';
import { createServerClock, type ServerClock } from './clock';
import { takeEarly } from './early';
import { unsettled, withMoves, type PendingMove } from './moves';
import { openMeetingStream, type ConnectionState } from './stream';

export interface LiveMeeting {
  /** The meeting as last answered by the service, with the chair's reorders not yet confirmed. */
  readonly snapshot: Snapshot | null;
  readonly meeting: Meeting | null;
  /** Why the meeting could not be loaded, in the reader's language. */
  readonly failure: string | null;
  readonly connection: ConnectionState;
  readonly clock: ServerClock;
  /** Sends a command; the same `commandId` again is a retry, never applied twice. */
  readonly send: (command: WireCommand, commandId?: string) => Promise<Outcome>;
  /** Reorders the queue at once on screen; the service's answer then settles it. */
  readonly move: (
    itemId: string,
    requestId: string,
    position: number,
    commandId?: string,
  ) => Promise<Outcome>;
  readonly retry: () => void;
}

let moveCounter = 0;

/**
 * One meeting, live: a snapshot from the service, refreshed whenever the stream tells of a newer
 * event. The service filters what each reader sees, so the tab never rebuilds state it may not see.
 * `unreachable` is said, in the reader's language, when the service gives no answer at all.
 */
export function useMeeting(
  api: Api,
  meetingId: string,
  clock?: ServerClock,
  unreachable = 'The service cannot be reached.',
): LiveMeeting {
  const serverClock = useMemo(() => clock ?? createServerClock(), [clock]);
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [moves, setMoves] = useState<readonly PendingMove[]>([]);
  const version = useRef(0);
  const refresh = useRef<() => void>(() => undefined);
  const unreachableText = useRef(unreachable);
  unreachableText.current = unreachable;

  useEffect(() => {
    // Read after awaits, where unmounting or a newer event may have changed them meanwhile.
    const run = { disposed: false, inFlight: false, again: false };
    const loadAgain = () => run.again && !run.disposed;
    let stream: { close(): void } | null = null;
    let opened = 0;

    async function load() {
      if (run.inFlight) {
        run.again = true;
        return;
      }
      run.inFlight = true;
      try {
        do {
          run.again = false;
          const early = takeEarly(api.token, meetingId);
          const next = await (early?.catch(() => api.meeting(meetingId)) ?? api.meeting(meetingId));
          if (run.disposed) return;
          if (next.version >= version.current) {
            version.current = next.version;
            setSnapshot(next);
          }
          setFailure(null);
          stream ??= openMeetingStream({
            url: api.streamUrl(meetingId),
            token: api.token,
            after: next.version,
            onState: setConnection,
            // After a reconnection, a fresh snapshot covers whatever the stream did not replay.
            onOpen: () => {
              if (++opened > 1) void load();
            },
            onEvent: (seq, event) => {
              serverClock.observe(event.at);
              if (seq > version.current) void load();
            },
          });
        } while (loadAgain());
      } catch (error) {
        if (!run.disposed) {
          setFailure(error instanceof Refused ? error.message : unreachableText.current);
        }
      } finally {
        run.inFlight = false;
      }
    }

    refresh.current = () => void load();
    void load();
    return () => {
      run.disposed = true;
      stream?.close();
    };
  }, [api, meetingId, serverClock]);

  const send = useCallback(
    async (command: WireCommand, commandId?: string): Promise<Outcome> => {
      const outcome = await api.command(meetingId, command, commandId);
      if (outcome.ok && outcome.version > version.current) refresh.current();
      return outcome;
    },
    [api, meetingId],
  );

  const move = useCallback(
    async (
      itemId: string,
      requestId: string,
      position: number,
      commandId?: string,
    ): Promise<Outcome> => {
      const key = `move-${++moveCounter}`;
      setMoves((all) => [...all, { key, itemId, requestId, position, settledAt: null }]);
      let outcome: Outcome;
      try {
        outcome = await send({ type: 'MoveRequest', requestId, position }, commandId);
      } catch (error) {
        // Unanswered: the service's next snapshot shows whether the move was applied.
        setMoves((all) => all.filter((m) => m.key !== key));
        throw error;
      }
      setMoves((all) =>
        outcome.ok
          ? all.map((m) => (m.key === key ? { ...m, settledAt: outcome.version } : m))
          : all.filter((m) => m.key !== key),
      );
      return outcome;
    },
    [send],
  );

  useEffect(() => {
    if (!snapshot) return;
    setMoves((all) => {
      const left = unsettled(all, snapshot.version);
      return left.length === all.length ? all : left;
    });
  }, [snapshot]);

  const meeting = useMemo(
    () => (snapshot ? withMoves(snapshot.meeting, unsettled(moves, snapshot.version)) : null),
    [snapshot, moves],
  );

  return {
    snapshot,
    meeting,
    failure,
    connection,
    clock: serverClock,
    send,
    move,
    retry: () => {
      refresh.current();
    },
  };
}
