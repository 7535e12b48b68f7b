import { isObserver, meetingFor, type Reader } from '@council/shared';
import { loadSealed, type SealedBallot } from '@council/shared/sealed';
import type { Request, Response } from 'restify';
import type { Identity } from '../auth';
import type { LoadedMeeting } from '../meetings/service';
import { refusal } from './problems';

/** What the board route needs of the server: who asks, the meeting, and the closed box. */
export interface BoardReading {
  readonly identify: (req: Request) => Promise<Identity>;
  readonly meetingOf: (req: Request, identity: Identity) => Promise<LoadedMeeting>;
  readonly readerOf: (loaded: LoadedMeeting, identity: Identity) => Reader;
  /** Every ballot of a closed box, by tracker (the store's `board`). */
  readonly board: (voteId: string) => Promise<SealedBallot[]>;
}

/**
 * GET /api/meetings/:meetingId/votes/:voteId/board: a closed secret vote's ciphertexts with their
 * trackers, for its members, so that a trustee's tab recomputes the sum it is asked to decrypt and
 * a member finds their ballot. Ordered by tracker, as the tally record is: no member, and no order
 * that follows who voted when.
 */
export function boardRoute({ identify, meetingOf, readerOf, board }: BoardReading) {
  return async (req: Request, res: Response): Promise<void> => {
    const identity = await identify(req);
    const loaded = await meetingOf(req, identity);
    const reader = readerOf(loaded, identity);
    if (loaded.state.status === 'none') throw refusal('MEETING_NOT_FOUND');
    if (isObserver(reader)) throw refusal('NOT_AUTHORIZED');
    const voteId = (req.params as Record<string, string | undefined>).voteId ?? '';
    const vote = meetingFor(loaded.state, reader).votes[voteId];
    if (!vote?.sealed) throw refusal('VOTE_NOT_FOUND');
    if (vote.status === 'open') throw refusal('VOTE_NOT_CLOSED');
    const sealed = await loadSealed();
    const ballots = (await board(voteId)).map((ballot) => ({
      tracker: sealed.tracker(ballot),
      ballot,
    }));
    res.send(200, { voteId, ballots });
  };
}
