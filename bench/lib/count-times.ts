import type { Db } from '../../bot/src/store';

export interface CountTimes {
  /** From the vote's close to its ballots added up (`BallotsAggregated`). */
  readonly aggregatedMs: number;
  /** From the trustee share that made the threshold to the totals (`VoteCounted`). */
  readonly countedMs: number;
}

/**
 * How long a sealed vote took to count, from the times its events were decided: the service adds
 * the ballots up after the close, and recovers the totals once the k-th trustee's share is in.
 */
export async function countTimes(db: Db, meetingId: string, voteId: string): Promise<CountTimes> {
  const rows = await db.query(
    `SELECT type, (extract(epoch FROM at) * 1000)::float8 AS ms FROM events
     WHERE meeting_id = $1 AND data->>'voteId' = $2
       AND type IN ('VoteClosed', 'BallotsAggregated', 'TallyShareDecrypted', 'VoteCounted')
     ORDER BY seq`,
    [meetingId, voteId],
  );
  const times = (type: string) =>
    rows.filter((row) => row.type === type).map((row) => Number(row.ms));
  const [closed] = times('VoteClosed');
  const [aggregated] = times('BallotsAggregated');
  const [counted] = times('VoteCounted');
  const lastShare = Math.max(...times('TallyShareDecrypted').filter((at) => at <= (counted ?? 0)));
  if (closed === undefined || aggregated === undefined || counted === undefined) {
    throw new Error(`vote ${voteId} was not counted from its sealed ballots`);
  }
  return { aggregatedMs: aggregated - closed, countedMs: counted - lastShare };
}
