import type { Event } from '../events';
import type { Meeting } from '../state';
import { eventFor, isObserver, type Reader } from '../visibility';

/** One event of the stored log, with the number and hash the log gave it. */
export interface LoggedEvent {
  readonly seq: number;
  readonly hash: string;
  readonly event: Event;
}

/**
 * What a copy of the minutes is sealed with, on every page. The whole record is sealed by the
 * number and hash of the log's last event, which the signed paper points at. A copy that leaves
 * events out (a count before publication, a closed-session item) is sealed by the hash and time of
 * the last event it shows, and by no number: numbers and times of events it leaves out would tell
 * its reader how many there were and when.
 */
export type MinutesSeal =
  { readonly seq: number; readonly hash: string } | { readonly hash: string; readonly at: string };

/**
 * The seal of `reader`'s copy. An observer's copy never carries a number, even when nothing was
 * left out of it: that nothing happened in closed session is closed-session knowledge too.
 */
export function sealFor(
  meeting: Meeting,
  log: readonly LoggedEvent[],
  reader: Reader,
): MinutesSeal | null {
  const last = log.at(-1);
  if (!last) return null;
  const shown = log.filter(({ event }) => eventFor(meeting, event, reader) !== null);
  const lastShown = shown.at(-1);
  if (!isObserver(reader) && lastShown === last && shown.length === log.length) {
    return { seq: last.seq, hash: last.hash };
  }
  // The meeting's creation is shown to every reader, so a copy always shows some event.
  return lastShown ? { hash: lastShown.hash, at: lastShown.event.at } : null;
}
