/**
 * A trustee whose share of the sitting's key is gone (their browser's storage cleared, their device
 * lost) says so themselves. Once fewer than k trustees can ever release a share, no vote sealed
 * under that key can be counted: each such vote is void, the ceremony fails, and the chair may name
 * tellers again. Nobody can void a countable vote alone: it takes n − k + 1 trustees declaring
 * their own loss, the same trust the threshold already places in them (SECURITY.md).
 */
import type { CommandContext, CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { Event, ShareLossEvent } from '../events';
import type { MemberId } from '../roster';
import type { Meeting, TellersCeremony, Vote } from '../state';
import type { VoteResult } from '../votes/result';
import { currentCeremony } from './ready';
import { sealingCeremony } from './sealing-ceremony';

const lostOf = (ceremony: TellersCeremony): readonly MemberId[] => ceremony.lost ?? [];

/** Whether k trustees of the ceremony could still release a share (or already have, for a vote). */
function countable(ceremony: TellersCeremony, vote?: Vote): boolean {
  const lost = lostOf(ceremony);
  const given = Object.keys(vote?.sealed?.decrypted ?? {});
  const able = ceremony.trustees.filter(
    (t) => !lost.includes(t.member) || given.includes(t.member),
  );
  return able.length >= ceremony.threshold;
}

/** A secret vote sealed under a key whose shares are too few now: it can never be counted. */
export function uncountable(meeting: Meeting, vote: Vote): boolean {
  const ceremony = sealingCeremony(meeting, vote);
  return !!ceremony && !countable(ceremony, vote);
}

/**
 * A vote the sealed box cannot open decides nothing: no majority can be found without a count
 * (the profile's majority rule), and the item may be put to the vote again.
 */
export function voidedForKeyLoss(meeting: Meeting, vote: Vote, command: CommandContext): Event {
  const ceremony = sealingCeremony(meeting, vote);
  const { profile } = meeting;
  const result: VoteResult = {
    outcome: {
      kind: 'void',
      reason: 'keyLost',
      lost: ceremony ? lostOf(ceremony).length : 0,
      trustees: ceremony?.trustees.length ?? 0,
      threshold: ceremony?.threshold ?? 0,
    },
    tally: {},
    participation: vote.participants.length,
    votesCast: 0,
    needed: 0,
    base: 'votesCast',
    baseCount: 0,
    rule: {
      profile: profile.id,
      threshold: vote.threshold,
      abstentionsCount: profile.abstentionsCount.value,
      basis: (['majorityBase', 'sealedBox'] as const).map((rule) => ({
        rule,
        status: profile[rule].status,
        source: profile[rule].source,
      })),
    },
  };
  return { type: 'VoteCounted', voteId: vote.id, result, ...stamp(command) };
}

/** The trustee's own word, for the current ceremony, once; a vote it leaves uncountable is void. */
export function declareShareLost(
  meeting: Meeting,
  command: CommandOf<'DeclareShareLost'>,
): Decision {
  const ceremony = currentCeremony(meeting);
  if (ceremony?.ceremony !== command.ceremony || ceremony.status !== 'ready') {
    return refuse('CEREMONY_OUT_OF_ORDER');
  }
  if (!ceremony.trustees.some((t) => t.member === command.by)) return refuse('NOT_TRUSTEE');
  if (lostOf(ceremony).includes(command.by)) return refuse('SHARE_DECLARED_LOST');
  const declared: ShareLossEvent = {
    type: 'TrusteeShareLost',
    ceremony: ceremony.ceremony,
    trustee: command.by,
    ...stamp(command),
  };
  const after = evolveShareLoss(meeting, declared);
  // An open vote is left to the chair to close: closing it then voids it (closeVote).
  const voided = Object.values(after.votes)
    .filter((vote) => vote.status === 'closed' && vote.sealed?.ceremony === ceremony.ceremony)
    .filter((vote) => uncountable(after, vote))
    .map((vote) => voidedForKeyLoss(after, vote, command));
  return accept(declared, ...voided);
}

/** The ceremony fails once fewer than k of its trustees keep a share. */
export function evolveShareLoss(meeting: Meeting, event: ShareLossEvent): Meeting {
  const ceremonies = meeting.tellers ?? [];
  const current = ceremonies.at(-1);
  if (current?.ceremony !== event.ceremony) return meeting;
  const lost = { ...current, lost: [...lostOf(current), event.trustee] };
  const changed: TellersCeremony = countable(lost) ? lost : { ...lost, status: 'failed' };
  return { ...meeting, tellers: [...ceremonies.slice(0, -1), changed] };
}

/** A trustee who declared their share lost gives no share of any count under that key. */
export function declaredLost(meeting: Meeting, vote: Vote, member: MemberId): boolean {
  const ceremony = sealingCeremony(meeting, vote);
  return !!ceremony && lostOf(ceremony).includes(member);
}
