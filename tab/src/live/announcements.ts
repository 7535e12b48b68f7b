import type { Meeting } from '@council/shared';
import { currentQueue, memberName, openVoteOf, voteSubject } from '../meeting';
import type { Language } from '@council/shared';

export type Announcement =
  | { readonly kind: 'speaker'; readonly name: string }
  | { readonly kind: 'voteOpened'; readonly subject: string };

/** What changed between two states that a screen-reader user must hear without looking. */
export function announcementsBetween(
  before: Meeting | null,
  after: Meeting,
  language: Language,
): Announcement[] {
  if (!before) return [];
  const said: Announcement[] = [];
  const was = currentQueue(before);
  const is = currentQueue(after);
  if (
    is.status === 'speaking' &&
    (was.status !== 'speaking' ||
      was.current.member !== is.current.member ||
      was.current.startedAt !== is.current.startedAt)
  ) {
    said.push({ kind: 'speaker', name: memberName(after, is.current.member) });
  }
  const vote = openVoteOf(after);
  if (vote && before.openVoteId !== vote.id) {
    said.push({ kind: 'voteOpened', subject: voteSubject(after, vote, language) });
  }
  return said;
}
