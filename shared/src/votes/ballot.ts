import type { CommandOf } from '../commands';
import { inGrowingList, memo } from '../copy-on-write';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { Event } from '../events';
import type { Meeting } from '../state';

export function castBallot(meeting: Meeting, command: CommandOf<'CastBallot'>): Decision {
  const vote = meeting.votes[command.voteId];
  if (!vote) return refuse('VOTE_NOT_FOUND');
  if (vote.status !== 'open') return refuse('VOTE_NOT_OPEN');
  if (!memo(vote.eligible, (members) => new Set(members)).has(command.by)) {
    return refuse('NOT_ENTITLED');
  }
  if (!vote.choices.includes(command.choice)) return refuse('INVALID_CHOICE');
  const ballot = { voteId: vote.id, member: command.by, ...stamp(command) };
  if (inGrowingList(vote.participants, command.by)) {
    // A secret ballot can never be changed: that would need its earlier choice, which nothing keeps.
    if (vote.secret || !meeting.profile.voteChangeUntilClose.value) return refuse('ALREADY_VOTED');
    return accept({ type: 'BallotChanged', ...ballot, choice: command.choice });
  }
  const events: Event[] = [
    vote.secret
      ? { type: 'BallotRecorded', ...ballot }
      : { type: 'BallotCast', ...ballot, choice: command.choice },
  ];
  if (vote.participants.length + 1 === vote.eligible.length) {
    events.push({
      type: 'VoteClosed',
      voteId: vote.id,
      reason: 'allVoted',
      participation: vote.eligible.length,
      ...stamp(command),
    });
  }
  if (!vote.secret) return { ok: true, events };
  return {
    ok: true,
    events,
    secretBallot: { voteId: vote.id, member: command.by, choice: command.choice },
  };
}
