/**
 * A row per meeting with what its lists show (title, date, status) and who is on its roster, kept by
 * the commits that change it: a member's list of meetings is then one query, not a fold of each.
 */
import type { MeetingStatus, Role } from '@council/shared';
import type { Queryable, Row } from './db';
import { canonicalJson } from './hash-chain';
import { nullableText, text } from './sql';

export interface MeetingSummary {
  readonly title: string;
  readonly municipality: string;
  readonly scheduledStart: string;
  readonly status: MeetingStatus;
  /** Each member of the roster's role, by object id. */
  readonly roles: Readonly<Record<string, Role>>;
}

/** A meeting as a member's list shows it, with the member's role (null when not on the roster). */
export interface ListedMeeting {
  readonly id: string;
  readonly title: string;
  readonly municipality: string;
  readonly scheduledStart: string;
  readonly status: MeetingStatus;
  readonly role: Role | null;
  readonly teamsMeetingId: string | null;
}

export interface ListingOptions {
  /** Also the tenant's meetings that are convened (or past it) though the member is not on them. */
  readonly convened: boolean;
}

export async function writeSummary(
  tx: Queryable,
  meetingId: string,
  summary: MeetingSummary,
  { replace }: { replace: boolean },
): Promise<void> {
  await tx.query(
    `INSERT INTO meeting_summaries (meeting_id, title, municipality, scheduled_start, status, roles)
     VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)
     ON CONFLICT (meeting_id) DO ${
       replace
         ? `UPDATE SET title = excluded.title, municipality = excluded.municipality,
              scheduled_start = excluded.scheduled_start, status = excluded.status,
              roles = excluded.roles`
         : 'NOTHING'
     }`,
    [
      meetingId,
      summary.title,
      summary.municipality,
      summary.scheduledStart,
      summary.status,
      canonicalJson(summary.roles),
    ],
  );
}

export async function listMeetings(
  db: Queryable,
  tenantId: string,
  memberId: string,
  { convened }: ListingOptions,
): Promise<ListedMeeting[]> {
  const rows = await db.query(
    `SELECT m.id, m.teams_meeting_id, s.title, s.municipality, s.scheduled_start, s.status,
            s.roles ->> $2::text AS role
     FROM meeting_summaries s JOIN meetings m ON m.id = s.meeting_id
     WHERE m.tenant_id = $1 AND (s.roles ? $2::text OR ($3::boolean AND s.status <> 'draft'))
     ORDER BY m.created_at, m.id`,
    [tenantId, memberId, convened],
  );
  return rows.map(toListed);
}

/** A sitting the public may know of: convened or past it, whatever the tenant. */
export type PublicSitting = Omit<ListedMeeting, 'role' | 'teamsMeetingId'>;

/** The most recent convened sittings first: the publication index lists its municipality's. */
export async function listPublicSittings(db: Queryable, limit: number): Promise<PublicSitting[]> {
  const rows = await db.query(
    `SELECT meeting_id AS id, title, municipality, scheduled_start, status FROM meeting_summaries
     WHERE status <> 'draft' ORDER BY scheduled_start DESC, meeting_id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: text(row, 'id'),
    title: text(row, 'title'),
    municipality: text(row, 'municipality'),
    scheduledStart: text(row, 'scheduled_start'),
    status: text(row, 'status') as MeetingStatus,
  }));
}

/** Meetings written before summaries were kept (or whose creation was refused): folded once. */
export async function meetingsWithoutSummary(db: Queryable): Promise<string[]> {
  const rows = await db.query(
    `SELECT m.id FROM meetings m LEFT JOIN meeting_summaries s ON s.meeting_id = m.id
     WHERE s.meeting_id IS NULL ORDER BY m.created_at, m.id`,
  );
  return rows.map((row) => text(row, 'id'));
}

/** The summary's values were written from the domain's state: they are its statuses and roles. */
function toListed(row: Row): ListedMeeting {
  return {
    id: text(row, 'id'),
    title: text(row, 'title'),
    municipality: text(row, 'municipality'),
    scheduledStart: text(row, 'scheduled_start'),
    status: text(row, 'status') as MeetingStatus,
    role: nullableText(row, 'role') as Role | null,
    teamsMeetingId: nullableText(row, 'teams_meeting_id'),
  };
}
