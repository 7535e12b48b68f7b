import type { MeetingSetup } from './commands';

export type ItemId = string;
export type Session = 'public' | 'closed';
export type VoteKind = 'named' | 'secret' | 'none';

/** An agenda item; a closed item (huis clos) is never shown to observers. */
export type AgendaItem = MeetingSetup['agenda'][number];
export type Candidate = AgendaItem['candidates'][number];
