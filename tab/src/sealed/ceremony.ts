import {
  dealCommand,
  receivedCommand,
  tallyShareCommand,
  type TellersCeremony as Ceremony,
  type Vote,
  type WireCommand,
} from '@council/shared';
import type { Sealed, Trustee } from '@council/shared/sealed';
import type { Keeper, Kept, Slot } from './keeper';

/** Whose shares a trustee found false, failing the ceremony. */
export function disputedDealer(ceremony: Ceremony): string {
  return ceremony.disputed.at(-1)?.against ?? '';
}

export function trusteeIn(ceremony: Ceremony, member: string): Trustee | null {
  return ceremony.trustees.find((trustee) => trustee.member === member) ?? null;
}

/**
 * Where a trustee stands in their ceremony: the step this browser is to take, waiting for the
 * others, done, or `lost` when the secret it committed to is not kept in this browser.
 */
export type Standing = 'commit' | 'deal' | 'confirm' | 'waiting' | 'ready' | 'failed' | 'lost';

/** Whether `kept` is the secret the trustee committed to in this ceremony. */
function committedTo(ceremony: Ceremony, member: string, kept: Kept | null): kept is Kept {
  const commitment = ceremony.committed[member];
  return !!kept && !!commitment && commitment.boxKey === kept.secret.boxPublic;
}

export function standing(ceremony: Ceremony, member: string, kept: Kept | null): Standing {
  if (ceremony.status === 'failed') return 'failed';
  if (!ceremony.committed[member]) return 'commit';
  if (!committedTo(ceremony, member, kept)) return 'lost';
  switch (ceremony.status) {
    case 'committing':
      return 'waiting';
    case 'dealing':
      return ceremony.dealt[member] ? 'waiting' : 'deal';
    case 'confirming':
      return ceremony.ready.includes(member) ? 'waiting' : 'confirm';
    case 'ready':
      return kept.share ? 'ready' : 'lost';
    default: {
      const _exhaustive: never = ceremony.status;
      return _exhaustive;
    }
  }
}

/** The other trustees who have yet to take the step the ceremony is at. */
export function awaited(ceremony: Ceremony): string[] {
  const done =
    ceremony.status === 'committing'
      ? (member: string) => !!ceremony.committed[member]
      : ceremony.status === 'dealing'
        ? (member: string) => !!ceremony.dealt[member]
        : (member: string) => ceremony.ready.includes(member);
  return ceremony.trustees.map((t) => t.member).filter((member) => !done(member));
}

export const slotOf = (meetingId: string, ceremony: Ceremony, member: string): Slot => ({
  meetingId,
  ceremony: ceremony.ceremony,
  member,
});

/**
 * The command of the step at hand. The secret is kept (sealed) before its commitment is sent, and
 * the share before it is confirmed, so that a reload never loses what the ceremony recorded.
 */
export async function stepCommand(
  sealed: Sealed,
  keeper: Keeper,
  slot: Slot,
  ceremony: Ceremony,
  step: 'commit' | 'deal' | 'confirm',
): Promise<WireCommand> {
  const me = trusteeIn(ceremony, slot.member);
  if (!me) throw new Error('not a trustee of this ceremony');
  if (step === 'commit') {
    // A window that finds a secret kept already (another window, a commit left unanswered) uses it.
    const { commitment } = await keeper.keepFirst(slot, () =>
      sealed.newTrustee(ceremony.threshold),
    );
    return {
      type: 'CommitTrusteeKey',
      boxKey: commitment.boxKey,
      commitments: [...commitment.commitments],
    };
  }
  const kept = await keeper.recall(slot);
  if (!kept) throw new Error('no secret kept for this ceremony');
  if (step === 'deal') return dealCommand(sealed, ceremony, me, kept.secret);
  const received = receivedCommand(sealed, ceremony, me, kept.secret);
  if (received.share) await keeper.keepShare(slot, received.share);
  return received.command;
}

/** The trustee's share of a closed vote's count, from the share kept in this browser. */
export async function releaseCommand(
  sealed: Sealed,
  keeper: Keeper,
  slot: Slot,
  ceremony: Ceremony,
  vote: Vote,
): Promise<WireCommand | null> {
  const me = trusteeIn(ceremony, slot.member);
  const share = (await keeper.recall(slot))?.share;
  if (!me || !share) return null;
  return tallyShareCommand(sealed, slot.meetingId, vote, me, share) ?? null;
}
