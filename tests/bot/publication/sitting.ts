import { fold, SYSTEM, type Event, type Meeting, type Vote } from '../../../shared/src';
import {
  CHAIR,
  checkedIn,
  convened,
  council,
  councillor,
  created,
  DIRECTOR,
  firstMembers,
  itemTakenUp,
  opened,
} from '../../shared/support/council';
import { command, play } from '../../shared/support/spec';

export const ORIGIN = 'https://council.example.be';
export const CLOSED_TITLE = 'Ontslag van personeelslid X wegens dringende reden';
export const UNPUBLISHED_TITLE = 'Verkeersreglement Stationsstraat';

const nl = (title: string) => ({ nl: title, en: `${title} (en)` });

/** A Flemish sitting: a budget adopted by named vote, a closed item, a result kept unpublished. */
export const agenda = [
  { id: 'minutes', title: nl('Goedkeuring van de notulen'), session: 'public' as const },
  {
    id: 'budget',
    title: nl('Budgetwijziging nr. 2 <2026> & "meerjarenplan"'),
    session: 'public' as const,
    subject: 'budget' as const,
    deliberation: {
      recitals: ['Gelet op het Decreet Lokaal Bestuur, artikel 249;'],
      articles: ['De budgetwijziging wordt goedgekeurd.', 'Dit besluit wordt bekendgemaakt.'],
    },
  },
  { id: 'staff', title: nl(CLOSED_TITLE), session: 'closed' as const },
  { id: 'roads', title: nl(UNPUBLISHED_TITLE), session: 'public' as const },
  {
    id: 'water',
    title: nl('Aanduiding vertegenwoordiger watermaatschappij'),
    session: 'public' as const,
  },
];

const cast = (by: string, voteId: string, choice: string) =>
  command(by, { type: 'CastBallot', voteId, choice });

/** A named vote of the six members present (all of them voting closes it), published or not. */
function namedVote(voteId: string, choices: readonly string[], publish: boolean) {
  return [
    command(CHAIR, { type: 'OpenVote' }, voteId),
    ...firstMembers(6).map((member, i) => cast(member, voteId, choices[i] ?? 'yes')),
    command(SYSTEM, { type: 'CountVote', voteId }),
    ...(publish ? [command(DIRECTOR, { type: 'PublishResult', voteId })] : []),
  ];
}

/** The log of the sitting, closed unless `closed` is false. */
export function flemishSitting(options: { readonly closed?: boolean } = {}): Event[] {
  const setup = council({ members: 9, profile: 'flanders', language: 'nl', agenda });
  const start = [created(setup), convened(), opened(), ...firstMembers(6).map(checkedIn)];
  const budget = play(
    [...start, itemTakenUp('budget')],
    ...namedVote('v-budget', ['yes', 'yes', 'yes', 'yes', 'no', 'abstain'], true),
  );
  const staff = play([...budget, itemTakenUp('staff')], ...namedVote('v-staff', [], true));
  const roads = play([...staff, itemTakenUp('roads')], ...namedVote('v-roads', [], false));
  return options.closed === false ? roads : play(roads, command(CHAIR, { type: 'CloseMeeting' }));
}

export function meetingOf(events: readonly Event[]): Meeting {
  const state = fold(events);
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

/**
 * The same meeting with a secret election on `water`, published, 4 for the first candidate and 2
 * for the second; its state carries a member's choice as bait: no document may show it.
 */
export function withSecretElection(meeting: Meeting): Meeting {
  const vote: Vote = {
    id: 'v-water',
    itemId: 'water',
    motionId: null,
    runoffOf: null,
    kind: 'election',
    secret: true,
    choices: ['cand-a', 'cand-b', 'abstain'],
    threshold: '1/2',
    base: 'votesCast',
    eligible: firstMembers(6),
    participants: firstMembers(6),
    ballots: { [councillor(1)]: 'cand-a', [councillor(2)]: 'cand-b' },
    status: 'published',
    openedAt: '2026-11-23T19:40:00Z',
    closedAt: '2026-11-23T19:45:00Z',
    departed: [],
    quorumLost: null,
    presentAtClose: 6,
    result: {
      outcome: { kind: 'elected', candidateId: 'cand-a', byAge: false },
      tally: { 'cand-a': 4, 'cand-b': 2 },
      participation: 6,
      votesCast: 6,
      needed: 4,
      base: 'votesCast',
      baseCount: 6,
      rule: { profile: 'flanders', threshold: '1/2', abstentionsCount: false, basis: [] },
    },
  };
  const agendaWithCandidates = meeting.setup.agenda.map((item) =>
    item.id === 'water'
      ? {
          ...item,
          candidates: [
            { id: 'cand-a', name: 'Kandidaat A' },
            { id: 'cand-b', name: 'Kandidaat B' },
          ],
        }
      : item,
  );
  return {
    ...meeting,
    setup: { ...meeting.setup, agenda: agendaWithCandidates },
    votes: { ...meeting.votes, [vote.id]: vote },
  };
}
