import type { TellersCeremony as Ceremony, Vote, WireCommand } from '@council/shared';
import type { Aggregate, Sealed, VoteContext } from '@council/shared/sealed';
import type { Api, VoteBoard } from '../api/client';
import { releaseCommand, slotOf } from './ceremony';
import type { Keeper } from './keeper';
import { loadSealed } from './load';

const sameSum = (x: Aggregate, y: Aggregate) =>
  x.board === y.board &&
  x.ballots === y.ballots &&
  x.ciphertexts.length === y.ciphertexts.length &&
  x.ciphertexts.every((c, i) => c.a === y.ciphertexts[i]?.a && c.b === y.ciphertexts[i].b);

/**
 * Whether the sum a trustee is asked to decrypt is the sum of the published board: one ballot per
 * member who took part, each proved to hold one choice of this vote under the sitting's key, none
 * twice. A service that added up another board (one member's ballot among ballots of its own
 * making) would have the trustees decrypt that member's choice; this refuses it.
 */
export function boardAddsUp(
  sealed: Sealed,
  ceremony: Ceremony,
  context: VoteContext,
  vote: Vote,
  board: VoteBoard,
): boolean {
  const recorded = vote.sealed?.aggregate;
  if (!recorded) return false;
  const ballots = board.ballots.map((entry) => entry.ballot);
  const choices = vote.choices.length;
  if (ballots.length !== vote.participants.length) return false;
  try {
    const trackers = new Set(ballots.map((ballot) => sealed.tracker(ballot)));
    if (trackers.size !== ballots.length) return false;
    const { publicKey } = sealed.sittingKey(
      ceremony.trustees,
      ceremony.committed,
      ceremony.threshold,
    );
    if (!ballots.every((ballot) => sealed.verifyBallot(publicKey, context, ballot, choices)))
      return false;
    return sameSum(sealed.aggregate(ballots, choices), recorded);
  } catch {
    // A ciphertext that is not a point, a key that cannot be derived: not the recorded sum.
    return false;
  }
}

/** Why a trustee's share of a count is not released (each a `tellers.*` text). */
export type Withheld = 'unavailable' | 'boardUnreachable' | 'boardMismatch' | 'lost';

/**
 * The trustee's share of a closed vote's count, once the board it was added from checks out here:
 * the crypto loaded, the board fetched and recounted, the share kept in this browser.
 */
export async function checkedRelease(
  api: Pick<Api, 'board'>,
  keeper: Keeper,
  at: { readonly meetingId: string; readonly me: string },
  ceremony: Ceremony,
  vote: Vote,
): Promise<{ command: WireCommand } | { withheld: Withheld }> {
  let sealed: Sealed;
  let board: VoteBoard;
  try {
    sealed = await loadSealed();
  } catch {
    return { withheld: 'unavailable' };
  }
  try {
    board = await api.board(at.meetingId, vote.id);
  } catch {
    return { withheld: 'boardUnreachable' };
  }
  const context = { meetingId: at.meetingId, voteId: vote.id };
  if (!boardAddsUp(sealed, ceremony, context, vote, board)) return { withheld: 'boardMismatch' };
  const slot = slotOf(at.meetingId, ceremony, at.me);
  const command = await releaseCommand(sealed, keeper, slot, ceremony, vote).catch(() => null);
  return command ? { command } : { withheld: 'lost' };
}
