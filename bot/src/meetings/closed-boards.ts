import type { SealedBallot, TallyRecord } from '@council/shared/sealed';
import { LRUCache } from 'lru-cache';
import type { MeetingStore } from '../store';

/** Ballots held at most, over all the boards kept (about 1.5 KB each for three choices). */
const HELD_BALLOTS = 100_000;
/** Tally records' JSON held at most, in characters. */
const HELD_RECORD_CHARS = 64_000_000;

/**
 * A closed ballot box never changes: its board is read once for its sum and kept for the tally
 * record that follows it; a counted vote's record, once made, is the same bytes for every reader.
 */
export function closedBoards(store: Pick<MeetingStore, 'board'>) {
  const boards = new LRUCache<string, readonly SealedBallot[]>({
    maxSize: HELD_BALLOTS,
    sizeCalculation: (board) => Math.max(1, board.length),
  });
  const records = new LRUCache<string, string>({
    maxSize: HELD_RECORD_CHARS,
    sizeCalculation: (json) => Math.max(1, json.length),
  });

  return {
    /** The board of a closed secret vote, read from the store the first time. */
    async board(voteId: string): Promise<readonly SealedBallot[]> {
      const held = boards.get(voteId);
      if (held) return held;
      const board = await store.board(voteId);
      boards.set(voteId, board);
      return board;
    },

    /** The JSON of a counted vote's record, made by `make` the first time it is asked for. */
    async record(
      meetingId: string,
      voteId: string,
      make: () => Promise<TallyRecord>,
    ): Promise<string> {
      const key = `${meetingId}/${voteId}`;
      const held = records.get(key);
      if (held !== undefined) return held;
      const json = JSON.stringify(await make());
      records.set(key, json);
      // Counted: the board is in the record now, and the count will not read it again.
      boards.delete(voteId);
      return json;
    },
  };
}

export type ClosedBoards = ReturnType<typeof closedBoards>;
