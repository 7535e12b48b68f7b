import type { CommandOf } from '../commands';
import { withEntry, withItem } from '../copy-on-write';
import type { Decision } from '../decision';
import type { VoteEvent } from '../events';
import { withMotion } from '../motions/decider';
import type { Meeting, SealedCount, Vote } from '../state';
import { castBallot } from './ballot';
import { closeVote, countVote, publishResult } from './close';
import { openVote } from './open';
import { resultWithBase } from './result';
import { aggregateBallots, decryptTally } from './sealed-count';

export type VoteCommand = CommandOf<
  | 'OpenVote'
  | 'CastBallot'
  | 'CloseVote'
  | 'AggregateBallots'
  | 'DecryptTally'
  | 'CountVote'
  | 'PublishResult'
>;

export function decideVote(meeting: Meeting, command: VoteCommand): Decision {
  switch (command.type) {
    case 'OpenVote':
      return openVote(meeting, command);
    case 'CastBallot':
      return castBallot(meeting, command);
    case 'CloseVote':
      return closeVote(meeting, command);
    case 'AggregateBallots':
      return aggregateBallots(meeting, command);
    case 'DecryptTally':
      return decryptTally(meeting, command);
    case 'CountVote':
      return countVote(meeting, command);
    case 'PublishResult':
      return publishResult(meeting, command);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function withVote(meeting: Meeting, vote: Vote): Meeting {
  return { ...meeting, votes: { ...meeting.votes, [vote.id]: vote } };
}

/**
 * A result takes effect when the director publishes it: only then is the motion adopted or rejected,
 * and an adopted amendment rewrites the motion it amends. Before that, nobody else may learn it.
 */
function motionDecided(meeting: Meeting, vote: Vote, adopted: boolean): Meeting {
  const motion = vote.motionId ? meeting.motions[vote.motionId] : undefined;
  if (!motion) return meeting;
  if (vote.result?.outcome.kind === 'void') {
    // A void vote decides nothing: the motion waits to be put to the vote again.
    return withMotion(meeting, { ...motion, status: motion.secondedBy ? 'seconded' : 'proposed' });
  }
  const decided = withMotion(meeting, { ...motion, status: adopted ? 'adopted' : 'rejected' });
  const amended = motion.amends ? decided.motions[motion.amends] : undefined;
  // An amendment to an article of the draft decision rewrites that article (see minutes/deliberation.ts).
  if (!adopted || !amended || motion.article !== undefined) return decided;
  return withMotion(decided, { ...amended, text: motion.text });
}

/** A secret vote names the ceremony whose key sealed it, and reads its trustees from there. */
function sealedBox(meeting: Meeting, ceremony: number | undefined): { sealed?: SealedCount } {
  if (!meeting.tellers?.some((c) => c.ceremony === ceremony) || ceremony === undefined) return {};
  return { sealed: { ceremony, aggregate: null, decrypted: {}, evidence: null } };
}

export function evolveVote(meeting: Meeting, event: VoteEvent): Meeting {
  if (event.type === 'VoteOpened') {
    const opened = withVote(meeting, {
      id: event.voteId,
      itemId: event.itemId,
      motionId: event.motionId,
      runoffOf: event.runoffOf,
      kind: event.kind,
      secret: event.secret,
      choices: event.choices,
      threshold: event.threshold,
      base: event.base ?? 'votesCast',
      eligible: event.eligible,
      participants: [],
      ballots: {},
      status: 'open',
      openedAt: event.at,
      closedAt: null,
      departed: [],
      quorumLost: null,
      presentAtClose: null,
      result: null,
      ...(event.procedure ? { procedure: event.procedure } : {}),
      ...sealedBox(meeting, event.ceremony),
    });
    const motion = event.motionId ? meeting.motions[event.motionId] : undefined;
    const voting = motion ? withMotion(opened, { ...motion, status: 'voting' }) : opened;
    return { ...voting, openVoteId: event.voteId };
  }
  const vote = meeting.votes[event.voteId];
  if (!vote) return meeting;
  switch (event.type) {
    case 'BallotCast':
      return withVote(meeting, {
        ...vote,
        participants: withItem(vote.participants, event.member),
        ballots: withEntry(vote.ballots, event.member, event.choice),
      });
    case 'BallotChanged':
      return withVote(meeting, {
        ...vote,
        ballots: withEntry(vote.ballots, event.member, event.choice),
      });
    case 'BallotRecorded':
      return withVote(meeting, {
        ...vote,
        participants: withItem(vote.participants, event.member),
      });
    case 'VoteClosed':
      return {
        ...withVote(meeting, {
          ...vote,
          status: 'closed',
          closedAt: event.at,
          quorumLost: event.quorumLost ?? null,
          presentAtClose: event.present ?? null,
        }),
        openVoteId: null,
      };
    case 'BallotsAggregated':
      return vote.sealed
        ? withVote(meeting, { ...vote, sealed: { ...vote.sealed, aggregate: event.aggregate } })
        : meeting;
    case 'TallyShareDecrypted':
      return vote.sealed
        ? withVote(meeting, {
            ...vote,
            sealed: {
              ...vote.sealed,
              decrypted: { ...vote.sealed.decrypted, [event.trustee]: event.partial },
            },
          })
        : meeting;
    case 'VoteCounted':
      return withVote(meeting, {
        ...vote,
        status: 'counted',
        result: resultWithBase(event.result),
        ...(vote.sealed
          ? { sealed: { ...vote.sealed, evidence: event.result.evidence ?? null } }
          : {}),
      });
    case 'ResultPublished': {
      const published = withVote(meeting, { ...vote, status: 'published' });
      return motionDecided(published, vote, vote.result?.outcome.kind === 'adopted');
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
