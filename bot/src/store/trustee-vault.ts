import type { Db } from './db';
import { nullableText, text } from './sql';

/**
 * What the service keeps as a trustee of a ceremony, each value sealed by a key the database does
 * not hold (meetings/trustee-keys.ts): the wrapped data key, its sealed secret, then its share.
 */
export interface KeptTrustee {
  readonly dataKey: string;
  readonly secret: string;
  readonly share: string | null;
}

export interface TrusteeVault {
  /** Keeps `kept` unless this ceremony has one already (another instance, a step retried): the one kept wins. */
  keepFirst(
    meetingId: string,
    ceremony: number,
    kept: Omit<KeptTrustee, 'share'>,
  ): Promise<KeptTrustee>;
  recall(meetingId: string, ceremony: number): Promise<KeptTrustee | undefined>;
  /** Keeps the sealed share once; a later one is ignored. */
  keepShare(meetingId: string, ceremony: number, share: string): Promise<void>;
}

const select = `SELECT data_key, secret, share FROM service_trustee_keys
  WHERE meeting_id = $1 AND ceremony = $2`;

export function trusteeVaultIn(db: Db): TrusteeVault {
  async function recall(meetingId: string, ceremony: number) {
    const [row] = await db.query(select, [meetingId, ceremony]);
    return row
      ? {
          dataKey: text(row, 'data_key'),
          secret: text(row, 'secret'),
          share: nullableText(row, 'share'),
        }
      : undefined;
  }
  return {
    async keepFirst(meetingId, ceremony, kept) {
      await db.query(
        `INSERT INTO service_trustee_keys (meeting_id, ceremony, data_key, secret)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [meetingId, ceremony, kept.dataKey, kept.secret],
      );
      const found = await recall(meetingId, ceremony);
      if (!found) throw new Error('the service trustee’s secret was not kept');
      return found;
    },
    recall,
    async keepShare(meetingId, ceremony, share) {
      await db.query(
        `UPDATE service_trustee_keys SET share = $3
         WHERE meeting_id = $1 AND ceremony = $2 AND share IS NULL`,
        [meetingId, ceremony, share],
      );
    },
  };
}
