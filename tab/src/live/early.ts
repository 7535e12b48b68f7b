import { createApi, type Snapshot, type TokenSource } from '../api/client';

/**
 * The meeting, asked for as soon as the reader's token can be had, while the page still loads its
 * code and draws its frame: the view's first load takes this answer instead of asking again.
 */
let early: { token: TokenSource; meetingId: string; snapshot: Promise<Snapshot> } | null = null;

export function askEarly(token: TokenSource, meetingId: string, language: string): void {
  const snapshot = createApi({ token, language }).meeting(meetingId);
  // A failure is the first load's to report: it then asks again, as it would have.
  snapshot.catch(() => undefined);
  early = { token, meetingId, snapshot };
}

/** The early answer for this reader's meeting, given once; null if it was not asked for. */
export function takeEarly(token: TokenSource, meetingId: string): Promise<Snapshot> | null {
  if (early?.token !== token || early.meetingId !== meetingId) return null;
  const { snapshot } = early;
  early = null;
  return snapshot;
}
