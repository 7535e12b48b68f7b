import { sha256 } from '../sha256';
import type { Queryable } from './db';
import { bytea } from './sql';

/**
 * The sealed minutes of each meeting, by the SHA-256 of the PDF its signatories approved: written
 * once (the first instance to seal them wins, the others read its file), never changed.
 */
export interface SealedMinutesShelf {
  find(meetingId: string, approved: string): Promise<Buffer | undefined>;
  /** Keeps `pdf` unless a sealed file is there already; returns the one kept. */
  keep(meetingId: string, approved: string, pdf: Buffer): Promise<Buffer>;
  /**
   * The sealed minutes of a meeting of this tenant whose SHA-256 is `sealed`, as the log recorded
   * it when they were sealed (MinutesSealed), and as the bytes kept are: never another file.
   */
  sealedAs(tenantId: string, sealed: string): Promise<SealedFile | undefined>;
}

export interface SealedFile {
  readonly meetingId: string;
  readonly pdf: Buffer;
}

export function sealedMinutesIn(db: Queryable): SealedMinutesShelf {
  const find = async (meetingId: string, approved: string) =>
    bytea(
      (
        await db.query('SELECT pdf FROM sealed_minutes WHERE meeting_id = $1 AND approved = $2', [
          meetingId,
          approved,
        ])
      )[0],
      'pdf',
    );
  return {
    find,
    async keep(meetingId, approved, pdf) {
      await db.query(
        `INSERT INTO sealed_minutes (meeting_id, approved, pdf) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [meetingId, approved, pdf],
      );
      const kept = await find(meetingId, approved);
      if (!kept) throw new Error('the sealed minutes were not kept');
      return kept;
    },
    async sealedAs(tenantId, sealed) {
      const rows = await db.query(
        `SELECT s.meeting_id, s.pdf FROM sealed_minutes s
         JOIN meetings m ON m.id = s.meeting_id
         JOIN events e ON e.meeting_id = s.meeting_id AND e.type = 'MinutesSealed'
         WHERE m.tenant_id = $1 AND e.data ->> 'sealed' = $2`,
        [tenantId, sealed],
      );
      for (const row of rows) {
        const pdf = bytea(row, 'pdf');
        if (pdf && sha256(pdf) === sealed) return { meetingId: String(row.meeting_id), pdf };
      }
      return undefined;
    },
  };
}
