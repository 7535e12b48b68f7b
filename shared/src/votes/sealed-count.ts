import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { Meeting, SealedCount, TellersCeremony, Vote } from '../state';
import { countNeeds, sealingCeremony } from '../tellers/sealing-ceremony';
import { trusteesNamed } from '../tellers/service-words';
import { declaredLost } from '../tellers/share-lost';

function sealedVote(
  meeting: Meeting,
  voteId: string,
): { vote: Vote; sealed: SealedCount; ceremony: TellersCeremony } | Decision {
  const vote = meeting.votes[voteId];
  if (!vote) return refuse('VOTE_NOT_FOUND');
  const ceremony = sealingCeremony(meeting, vote);
  if (!vote.sealed || !ceremony) return refuse('NOT_SEALED_VOTE');
  return { vote, sealed: vote.sealed, ceremony };
}

/** The service adds up a closed vote's sealed ballots once: one per voter, one sum per choice. */
export function aggregateBallots(
  meeting: Meeting,
  command: CommandOf<'AggregateBallots'>,
): Decision {
  const found = sealedVote(meeting, command.voteId);
  if ('ok' in found) return found;
  const { vote, sealed } = found;
  if (sealed.aggregate) return refuse('ALREADY_AGGREGATED');
  if (vote.status !== 'closed') return refuse('VOTE_NOT_CLOSED');
  const { aggregate } = command;
  if (
    aggregate.ballots !== vote.participants.length ||
    aggregate.ciphertexts.length !== vote.choices.length
  ) {
    return refuse('AGGREGATE_MISMATCH', { participants: vote.participants.length });
  }
  return accept({ type: 'BallotsAggregated', voteId: vote.id, aggregate, ...stamp(command) });
}

/** Each trustee of the vote's ceremony gives one share of the count, once the sum is made. */
export function decryptTally(meeting: Meeting, command: CommandOf<'DecryptTally'>): Decision {
  const found = sealedVote(meeting, command.voteId);
  if ('ok' in found) return found;
  const { vote, sealed, ceremony } = found;
  if (!ceremony.trustees.some((t) => t.member === command.by)) return refuse('NOT_TRUSTEE');
  if (!sealed.aggregate) return refuse('NOT_AGGREGATED');
  if (sealed.decrypted[command.by]) return refuse('ALREADY_DECRYPTED');
  if (declaredLost(meeting, vote, command.by)) return refuse('SHARE_DECLARED_LOST');
  if (vote.status !== 'closed') return refuse('VOTE_NOT_CLOSED');
  if (command.partial.shares.length !== vote.choices.length) return refuse('PARTIAL_PROOF_INVALID');
  return accept({
    type: 'TallyShareDecrypted',
    voteId: vote.id,
    trustee: command.by,
    partial: command.partial,
    ...stamp(command),
  });
}

/**
 * A sealed vote is counted with its ceremony's threshold of shares given, and says whose are still
 * awaited: never a trustee who declared their share lost, who will not come.
 */
export function sharesMissing(meeting: Meeting, vote: Vote): Decision | null {
  const sealed = vote.sealed;
  if (!sealed) return null;
  const needs = countNeeds(meeting, vote);
  if (sealed.aggregate && !needs) return null;
  const have = Object.keys(sealed.decrypted).length;
  return refuse('TALLY_SHARES_MISSING', {
    have,
    needed: have + (needs?.more ?? 0),
    waiting: trusteesNamed(meeting.setup.roster, needs?.from ?? []),
  });
}
