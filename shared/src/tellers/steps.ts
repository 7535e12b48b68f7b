import type { WireCommand } from '../commands';
import type { Sealed, TrusteeSecret } from '../sealed';
import type { Scalar, Trustee } from '../sealed/types';
import type { TellersCeremony, Vote } from '../state';

/**
 * A trustee's steps of the key ceremony and of a count, the same wherever the trustee's secret is
 * kept (a tab's browser, the demo's memory, the service's sealed vault): what is kept, and when,
 * is the keeper's; what is sent is decided here.
 */

const othersOf = (ceremony: TellersCeremony, me: Trustee) =>
  ceremony.trustees.filter((trustee) => trustee.member !== me.member);

/** f_me(j), sealed to each other trustee's box key. */
export function dealCommand(
  sealed: Sealed,
  ceremony: TellersCeremony,
  me: Trustee,
  secret: TrusteeSecret,
): WireCommand {
  const to = othersOf(ceremony, me).map((trustee) => ({
    ...trustee,
    boxKey: ceremony.committed[trustee.member]?.boxKey ?? '',
  }));
  return { type: 'DealTrusteeShares', shares: { ...sealed.dealShares(secret, me, to).shares } };
}

/**
 * The shares dealt to `me`, each checked against its dealer's commitments: the trustee's share of
 * the key (to keep before it confirms) and its confirmation, or a complaint naming the dealer.
 */
export function receivedCommand(
  sealed: Sealed,
  ceremony: TellersCeremony,
  me: Trustee,
  secret: TrusteeSecret,
): { readonly command: WireCommand; readonly share?: Scalar } {
  const received = sealed.receiveShares(
    secret,
    me,
    othersOf(ceremony, me).map((trustee) => ({
      trustee,
      commitment: ceremony.committed[trustee.member] ?? { boxKey: '', commitments: [] },
      dealt: ceremony.dealt[trustee.member] ?? { shares: {} },
    })),
  );
  if (!received.ok)
    return { command: { type: 'ComplainTrusteeShares', against: received.against } };
  return { command: { type: 'ConfirmTrusteeShares' }, share: received.share };
}

/** The trustee's share of a closed vote's count, once its ballots are added up. */
export function tallyShareCommand(
  sealed: Sealed,
  meetingId: string,
  vote: Vote,
  me: Trustee,
  share: Scalar,
): WireCommand | undefined {
  const aggregate = vote.sealed?.aggregate;
  if (!aggregate) return undefined;
  const partial = sealed.decryptShare(share, me, aggregate, { meetingId, voteId: vote.id });
  return { type: 'DecryptTally', voteId: vote.id, partial: { shares: [...partial.shares] } };
}
