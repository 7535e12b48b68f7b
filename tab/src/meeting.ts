import {
  emptyQueue,
  labelSeparators,
  procedureVoteWords,
  titleIn,
  type AgendaItem,
  type Language,
  type Meeting,
  type SpeakingQueue,
  type Vote,
} from '@council/shared';

/** Reading a meeting for display: names, titles, the item under discussion. */

export function currentItem(meeting: Meeting): AgendaItem | null {
  return meeting.setup.agenda.find((item) => item.id === meeting.currentItemId) ?? null;
}

export function currentQueue(meeting: Meeting): SpeakingQueue {
  return (meeting.currentItemId && meeting.queues[meeting.currentItemId]) || emptyQueue;
}

export function memberName(meeting: Meeting, memberId: string): string {
  return meeting.setup.roster.find((member) => member.id === memberId)?.name ?? memberId;
}

export function itemTitle(meeting: Meeting, item: AgendaItem, language: Language): string {
  return titleIn(item, language, meeting.setup.language);
}

/** "3. Budget 2027": the item's place on the agenda and its title. */
export function itemLabel(meeting: Meeting, item: AgendaItem, language: Language): string {
  const n = meeting.setup.agenda.findIndex((i) => i.id === item.id) + 1;
  return `${n}. ${itemTitle(meeting, item, language)}`;
}

export function openVoteOf(meeting: Meeting): Vote | null {
  return (meeting.openVoteId && meeting.votes[meeting.openVoteId]) || null;
}

/** What a vote decides: its motion's text, or else its item's title. */
export function voteSubject(meeting: Meeting, vote: Vote, language: Language): string {
  const procedure = vote.procedure;
  if (procedure) {
    // A procedural vote decides the order of business, not the item: say so, as the minutes do.
    const what = procedureVoteWords[language][procedure.kind];
    if (procedure.kind === 'closedSession') return what;
    return `${what}${labelSeparators[language]}${itemTitle(meeting, procedure.item, language)}`;
  }
  const motion = vote.motionId ? meeting.motions[vote.motionId] : undefined;
  if (motion) return motion.text;
  const item = meeting.setup.agenda.find((i) => i.id === vote.itemId);
  return item ? itemTitle(meeting, item, language) : vote.itemId;
}

/** A choice as a person reads it: a candidate's name, or the key of yes / no / abstain. */
export function choiceLabel(meeting: Meeting, vote: Vote, choice: string): string | null {
  const item = meeting.setup.agenda.find((i) => i.id === vote.itemId);
  return item?.candidates.find((c) => c.id === choice)?.name ?? null;
}

export function votesOfItem(meeting: Meeting, itemId: string | null): Vote[] {
  return Object.values(meeting.votes)
    .filter((vote) => vote.itemId === itemId)
    .sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}

/**
 * "Ana Peeters and Bram Claes": members named as a sentence of the reader's language. Not the
 * domain's listOf: its module holds every rule's wording, which the first load leaves out.
 */
export function memberNames(meeting: Meeting, memberIds: readonly string[], language: Language) {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(
    memberIds.map((id) => memberName(meeting, id)),
  );
}
