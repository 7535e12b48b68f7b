import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { Event, QuorumShortfall } from '../events';
import { suspended } from '../guards';
import type { SealedBallot } from '../sealed/types';
import type { Meeting, Vote } from '../state';
import { hasTakenPart, isEntitled, absenceRefusal } from './participation';
import { quorumShortfall } from '../attendance/quorum';
import { presentAtClose } from './majority';

/** A vote that closes while quorum is lost records it, and is void. */
export function withoutQuorum(meeting: Meeting): { quorumLost?: QuorumShortfall } {
  const shortfall = quorumShortfall(meeting);
  return shortfall ? { quorumLost: shortfall } : {};
}

/**
 * Why `member` may not cast a ballot in the vote now, whatever the ballot holds; null if they may.
 * The service asks it before sealing a choice or checking a proof, so that no one it refuses
 * costs it any cryptography.
 */
export function ballotRefusal(meeting: Meeting, voteId: string, member: string): Decision | null {
  const vote = meeting.votes[voteId];
  if (!vote) return refuse('VOTE_NOT_FOUND');
  if (vote.status !== 'open') return refuse('VOTE_NOT_OPEN');
  const paused = suspended(meeting);
  if (paused) return paused;
  if (!isEntitled(vote, member)) return refuse('NOT_ENTITLED');
  const absent = absenceRefusal(meeting, vote, member);
  if (absent) return refuse(absent);
  // A secret ballot can never be changed: that would need its earlier choice, which nothing keeps.
  if (vote.secret && hasTakenPart(vote, member)) return refuse('ALREADY_VOTED');
  return null;
}

export function castBallot(meeting: Meeting, command: CommandOf<'CastBallot'>): Decision {
  const refusal = ballotRefusal(meeting, command.voteId, command.by);
  if (refusal) return refusal;
  const vote = meeting.votes[command.voteId] as Vote;
  const cast = castOf(vote, command);
  if (!cast) return refuse('INVALID_BALLOT', { count: vote.choices.length });
  if (cast.choice !== undefined && !vote.choices.includes(cast.choice)) {
    return refuse('INVALID_CHOICE');
  }
  const ballot = { voteId: vote.id, member: command.by, ...stamp(command) };
  if (hasTakenPart(vote, command.by)) {
    if (cast.choice === undefined || !meeting.profile.voteChangeUntilClose.value) {
      return refuse('ALREADY_VOTED');
    }
    return accept({ type: 'BallotChanged', ...ballot, choice: cast.choice });
  }
  const events: Event[] = [
    cast.choice === undefined
      ? { type: 'BallotRecorded', ...ballot }
      : { type: 'BallotCast', ...ballot, choice: cast.choice },
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
  if (cast.ballot === undefined) return { ok: true, events };
  return {
    ok: true,
    events,
    secretBallot: { voteId: vote.id, member: command.by, ballot: cast.ballot },
  };
}

/**
 * A named vote takes a choice; a secret one a sealed ballot with one ciphertext per choice, never a
 * choice (the service seals a card's choice before the domain sees it). Proofs are the service's.
 */
function castOf(
  vote: Vote,
  command: CommandOf<'CastBallot'>,
): { choice: string; ballot?: undefined } | { choice?: undefined; ballot: SealedBallot } | null {
  const { choice, ballot } = command;
  if (!vote.secret) return choice !== undefined && ballot === undefined ? { choice } : null;
  if (choice !== undefined || ballot?.choices.length !== vote.choices.length) return null;
  return { ballot };
}
