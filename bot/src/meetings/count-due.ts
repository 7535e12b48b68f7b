import type { Event, MeetingState } from '@council/shared';

/**
 * The votes whose count these events may have moved on: a vote closed (to be added up, or counted
 * at once when named), or given a trustee's share (which may make the threshold). No other event
 * brings a count nearer, so a turn without them asks nothing of the ballot box.
 */
export function votesToCount(events: readonly Event[]): string[] {
  return events.flatMap((event) =>
    event.type === 'VoteClosed' || event.type === 'TallyShareDecrypted' ? [event.voteId] : [],
  );
}

/** The secret votes these events open: their card ballots can be prepared before any press. */
export function secretVotesOpened(events: readonly Event[]): string[] {
  return events.flatMap((event) =>
    event.type === 'VoteOpened' && event.secret ? [event.voteId] : [],
  );
}

/** Every closed vote not counted yet: after a restart, one may wait on what the service owes it. */
export function uncountedVotes(state: MeetingState): string[] {
  if (state.status === 'none') return [];
  return Object.values(state.votes).flatMap((vote) => (vote.status === 'closed' ? [vote.id] : []));
}
