import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { Event, QuorumShortfall } from '../events';
import { suspended } from '../guards';
import type { Meeting } from '../state';
import { hasTakenPart, isEntitled, absenceRefusal } from './participation';
import { quorumShortfall } from '../attendance/quorum';
import { presentAtClose } from './majority';

/** A vote that closes while quorum is lost records it, and is void. */
export function withoutQuorum(meeting: Meeting): { quorumLost?: QuorumShortfall } {
  const shortfall = quorumShortfall(meeting);
  return shortfall ? { quorumLost: shortfall } : {};
}

export function castBallot(meeting: Meeting, command: CommandOf<'CastBallot'>): Decision {
  const vote = meeting.votes[command.voteId];
  if (!vote) return refuse('VOTE_NOT_FOUND');
  if (vote.status !== 'open') return refuse('VOTE_NOT_OPEN');
  const paused = suspended(meeting);
  if (paused) return paused;
  if (!isEntitled(vote, command.by)) return refuse('NOT_ENTITLED');
  const absent = absenceRefusal(meeting, vote, command.by);
  if (absent) return refuse(absent);
  if (!vote.choices.includes(command.choice)) return refuse('INVALID_CHOICE');
  const ballot = { voteId: vote.id, member: command.by, ...stamp(command) };
  if (hasTakenPart(vote, command.by)) {
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
      ...withoutQuorum(meeting),
      ...presentAtClose(meeting),
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
