import type { Db } from './db';
import { int } from './sql';

/**
 * What the bot has said in the meetings' chats, claimed in the database so that several instances
 * of the service say each thing once: every event of a meeting's log is announced by the one
 * instance that claims its sequence number, and every drawing of a shared card is sent by the one
 * that claims its version, never after a later one.
 */
export interface ChatDeliveries {
  /** The sequence numbers among `seqs` that this caller is the first to claim. */
  claimEvents(meetingId: string, seqs: readonly number[]): Promise<number[]>;
  /**
   * Runs `send` unless this card has been sent at `version` or a later one; true if it ran. On
   * PostgreSQL the claim's row stays locked until `send` ends, so the drawing of another
   * instance, claimed meanwhile for a later version, reaches Teams after this one and not before;
   * a failed `send` gives the claim back. PGlite is one process, whose cards' updates wait
   * for each other already (teams/debounce.ts): a lock held over a call to Teams would make every
   * query of the service wait for it.
   */
  sendCard(
    meetingId: string,
    card: string,
    version: number,
    send: () => Promise<void>,
  ): Promise<boolean>;
}

const claimCard = `INSERT INTO chat_card_versions (meeting_id, card, version) VALUES ($1, $2, $3)
  ON CONFLICT (meeting_id, card) DO UPDATE SET version = excluded.version
  WHERE chat_card_versions.version < excluded.version
  RETURNING version`;

export function chatDeliveriesIn(db: Db): ChatDeliveries {
  return {
    async claimEvents(meetingId, seqs) {
      if (seqs.length === 0) return [];
      const rows = await db.query(
        `INSERT INTO chat_announcements (meeting_id, seq)
         SELECT $1, seq FROM unnest($2::integer[]) AS seq
         ON CONFLICT DO NOTHING RETURNING seq`,
        [meetingId, [...seqs]],
      );
      return rows.map((row) => int(row, 'seq')).sort((a, b) => a - b);
    },

    async sendCard(meetingId, card, version, send) {
      if (db.engine === 'pglite') {
        const claimed = await db.query(claimCard, [meetingId, card, version]);
        if (claimed.length === 0) return false;
        try {
          await send();
        } catch (error) {
          await db.query(
            'DELETE FROM chat_card_versions WHERE meeting_id = $1 AND card = $2 AND version = $3',
            [meetingId, card, version],
          );
          throw error;
        }
        return true;
      }
      return db.transaction(async (tx) => {
        const claimed = await tx.query(claimCard, [meetingId, card, version]);
        if (claimed.length === 0) return false;
        await send();
        return true;
      });
    },
  };
}
