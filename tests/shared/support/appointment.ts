import type { Event, ProfileId, Tally } from '../../../shared/src';
import { CHAIR, DIRECTOR, firstMembers, sitting } from './council';
import { command, play } from './spec';

const SYSTEM = 'system';
/** The four members present at the appointment: a quorum of seven. */
export const voters = firstMembers(4);

export const tied = { 'cand-old': 2, 'cand-young': 2 };
export const tiedChoices = ['cand-young', 'cand-young', 'cand-old', 'cand-old'];

/** Each voter's ballot in `voteId` (the last one closes it), then the ballot box is counted. */
export function voted(voteId: string, choices: readonly string[], tally: Tally) {
  return [
    ...choices.map((choice, i) =>
      command(voters[i] ?? CHAIR, { type: 'CastBallot', voteId, choice }),
    ),
    command(SYSTEM, { type: 'CountVote', voteId, tally }),
  ];
}

/** The appointment to the water company (`v1`), voted in secret by four members and counted. */
export function firstRound(profile: ProfileId, choices = tiedChoices, tally: Tally = tied) {
  return play(
    sitting({ profile, members: 7, present: 4, item: 'water' }),
    command(CHAIR, { type: 'OpenVote', secret: true }, 'v1'),
    ...voted('v1', choices, tally),
  );
}

export const published = (log: Event[], voteId = 'v1') =>
  play(log, command(DIRECTOR, { type: 'PublishResult', voteId }));
