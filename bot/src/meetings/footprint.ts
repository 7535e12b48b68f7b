import type { LoadedMeeting } from './service';

// Rough bytes, measured on the demo council's folded state (bench/ memory per idle meeting): a
// member with their attendance, an agenda item in four languages, an event's trace in the state.
const BASE_BYTES = 4_000;
const MEMBER_BYTES = 600;
const ITEM_BYTES = 4_000;
const EVENT_BYTES = 300;

/**
 * What a meeting's state costs in memory, estimated from its size rather than measured: the
 * estimate is made at each commit, and serialising a state of thousands of members would not be.
 */
export function footprintOf({ state, version }: LoadedMeeting): number {
  if (state.status === 'none') return BASE_BYTES;
  const { roster, agenda } = state.setup;
  return (
    BASE_BYTES + roster.length * MEMBER_BYTES + agenda.length * ITEM_BYTES + version * EVENT_BYTES
  );
}
