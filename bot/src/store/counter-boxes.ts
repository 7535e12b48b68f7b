import type { Queryable } from './db';
import { text } from './sql';

/**
 * Migration 7 drops the counter box's tables: a secret vote it still holds open, or closed and not
 * yet counted, would lose its ballots. The operator finishes those votes on the previous version
 * of the service first (close and count them: the counts then live on in the event log).
 */
export async function refuseUncountedCounterBoxes(tx: Queryable): Promise<void> {
  const rows = await tx.query(
    `SELECT boxes.meeting_id, string_agg(boxes.vote_id, ', ' ORDER BY boxes.vote_id) AS votes
     FROM ballot_boxes AS boxes
     WHERE NOT EXISTS (
       SELECT 1 FROM events
       WHERE events.meeting_id = boxes.meeting_id
         AND events.type = 'VoteCounted'
         AND events.data->>'voteId' = boxes.vote_id
     )
     GROUP BY boxes.meeting_id
     ORDER BY boxes.meeting_id`,
  );
  if (rows.length === 0) return;
  const named = rows.map(
    (row) => `meeting ${text(row, 'meeting_id')} (votes ${text(row, 'votes')})`,
  );
  throw new Error(
    'migration 7 (the sealed ballot box) would drop the ballots of secret votes not yet counted ' +
      `in ${named.join('; ')}: close and count them with the previous version of the service, ` +
      'then start this one again',
  );
}
