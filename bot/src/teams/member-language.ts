import type { Language, Meeting, MemberId } from '@council/shared';

/**
 * The language a card in someone's own 1:1 chat is drawn in: theirs on the roster, else the
 * meeting's. A card in the meeting's chat (no one in particular) reads in the meeting's language.
 */
export function languageOf(meeting: Meeting, member: MemberId | null): Language {
  const own = member === null ? undefined : meeting.setup.roster.find((m) => m.id === member);
  return own?.language ?? meeting.setup.language;
}
