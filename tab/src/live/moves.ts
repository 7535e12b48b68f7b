import { evolveSpeaking, type Meeting } from '@council/shared';

/** A reorder the chair made that the service has not yet confirmed in a snapshot. */
export interface PendingMove {
  readonly key: string;
  readonly itemId: string;
  readonly requestId: string;
  readonly position: number;
  /** The version the service answered with; null while the command is on its way. */
  readonly settledAt: number | null;
}

/**
 * The meeting with the chair's pending reorders applied, by the speaking queue's own rule for a
 * move (not the whole domain's evolve, which would bring every rule and profile into the tab).
 */
export function withMoves(meeting: Meeting, moves: readonly PendingMove[]): Meeting {
  return moves.reduce<Meeting>(
    (state, move) =>
      evolveSpeaking(state, {
        type: 'FloorRequestMoved',
        itemId: move.itemId,
        requestId: move.requestId,
        position: move.position,
        at: '',
        by: '',
      }),
    meeting,
  );
}

/** Moves still to show over a snapshot: those the snapshot does not yet include. */
export function unsettled(moves: readonly PendingMove[], version: number): PendingMove[] {
  return moves.filter((move) => move.settledAt === null || move.settledAt > version);
}
