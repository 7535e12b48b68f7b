import { sha256 } from '../sha256';
import type { Queryable } from './db';
import { bytea } from './sql';

/**
 * The exact bytes of each page the public was served, by their SHA-256, as the register of
 * publications names them: kept before the register records them, never changed, so an entry stays
 * evidence of what a reader got even once the templates render it otherwise.
 */
export interface PublishedPagesShelf {
  /** Keeps `page` under its SHA-256 unless it is kept already; returns that hash. */
  keep(meetingId: string, page: Uint8Array): Promise<string>;
  /** The bytes kept under `hash`, as they are now: whoever checks them hashes them again. */
  find(meetingId: string, hash: string): Promise<Buffer | undefined>;
}

export function publishedPagesIn(db: Queryable): PublishedPagesShelf {
  return {
    async keep(meetingId, page) {
      const hash = sha256(page);
      await db.query(
        `INSERT INTO published_pages (meeting_id, sha256, page) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [meetingId, hash, page],
      );
      return hash;
    },
    async find(meetingId, hash) {
      const [row] = await db.query(
        'SELECT page FROM published_pages WHERE meeting_id = $1 AND sha256 = $2',
        [meetingId, hash],
      );
      return bytea(row, 'page');
    },
  };
}
