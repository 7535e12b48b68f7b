import type { Candidate } from '../agenda';
import { procedureDecided } from '../agenda/procedure';
import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { Meeting, Vote } from '../state';
import { withoutQuorum } from './ballot';
import { countElection, countQuestion, voided } from './count';
import { majorityBaseOf, presentAtClose } from './majority';
import type { Tally } from './result';
import { sharesMissing } from './sealed-count';
import { uncountable, voidedForKeyLoss } from '../tellers/share-lost';

export function closeVote(meeting: Meeting, command: CommandOf<'CloseVote'>): Decision {
  const vote = meeting.votes[command.voteId];
  if (!vote) return refuse('VOTE_NOT_FOUND');
  if (vote.status !== 'open') return refuse('VOTE_NOT_OPEN');
  return accept(
    {
      type: 'VoteClosed',
      voteId: vote.id,
      reason: 'chair',
      participation: vote.participants.length,
      ...withoutQuorum(meeting),
      ...presentAtClose(meeting),
      ...stamp(command),
    },
    // Its trustees lost too many shares while it was open: it closes void.
    ...(uncountable(meeting, vote) ? [voidedForKeyLoss(meeting, vote, command)] : []),
  );
}

function namedTally(vote: Vote): Tally {
  const tally: Record<string, number> = {};
  for (const choice of Object.values(vote.ballots)) tally[choice] = (tally[choice] ?? 0) + 1;
  return tally;
}

/** The trustees' decrypted totals must add up to the participation register, or nothing is counted. */
function checkedTally(vote: Vote, tally: Tally | undefined): Tally | null {
  if (!tally) return null;
  const choices = Object.keys(tally);
  if (choices.some((choice) => !vote.choices.includes(choice))) return null;
  if (Object.values(tally).some((n) => !Number.isInteger(n) || n < 0)) return null;
  const total = Object.values(tally).reduce((sum, n) => sum + n, 0);
  return total === vote.participants.length ? tally : null;
}

function candidatesOf(meeting: Meeting, vote: Vote): Candidate[] {
  const item = meeting.setup.agenda.find((i) => i.id === vote.itemId);
  return (item?.candidates ?? [])
    .filter((c) => vote.choices.includes(c.id))
    .map((c) => {
      const member = meeting.setup.roster.find((m) => m.id === (c.memberId ?? c.id));
      return { ...c, birthDate: c.birthDate ?? member?.birthDate };
    });
}

export function countVote(meeting: Meeting, command: CommandOf<'CountVote'>): Decision {
  const vote = meeting.votes[command.voteId];
  if (!vote) return refuse('VOTE_NOT_FOUND');
  if (vote.status !== 'closed') return refuse('VOTE_NOT_CLOSED');
  if (vote.secret) {
    const missing = vote.sealed ? sharesMissing(meeting, vote) : refuse('NOT_SEALED_VOTE');
    if (missing) return missing;
  }
  const tally = vote.secret ? checkedTally(vote, command.tally) : namedTally(vote);
  if (!tally) return refuse('TALLY_MISMATCH');
  const counted =
    vote.kind === 'election'
      ? countElection(
          tally,
          candidatesOf(meeting, vote),
          meeting.profile,
          vote.threshold,
          vote.runoffOf !== null,
          majorityBaseOf(meeting, vote),
        )
      : countQuestion(tally, meeting.profile, vote.threshold, majorityBaseOf(meeting, vote));
  const decided = vote.quorumLost ? voided(counted, vote.quorumLost, meeting.profile) : counted;
  const evidence = vote.secret ? command.evidence : undefined;
  const result = evidence ? { ...decided, evidence } : decided;
  return accept(
    { type: 'VoteCounted', voteId: vote.id, result, ...stamp(command) },
    ...procedureDecided(vote, result, command),
  );
}

export function publishResult(meeting: Meeting, command: CommandOf<'PublishResult'>): Decision {
  const vote = meeting.votes[command.voteId];
  if (!vote) return refuse('VOTE_NOT_FOUND');
  if (vote.status === 'published') return refuse('ALREADY_PUBLISHED');
  if (vote.status !== 'counted') return refuse('RESULT_NOT_READY');
  return accept({ type: 'ResultPublished', voteId: vote.id, ...stamp(command) });
}
