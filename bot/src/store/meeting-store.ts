/**
 * The record of every meeting: one append-only, hash-chained event log per meeting with optimistic
 * concurrency, the results of commands already handled (so a retried command is not applied twice),
 * and the secret ballot box, all written together in one transaction per command, or per group of
 * commands of one meeting (group commit).
 */
import type { SealedBallot } from '@council/shared/sealed';
import { sealedBallotBox, type BallotBox, type SecretBallot } from './ballot-box';
import { chatDeliveriesIn, type ChatDeliveries } from './chat-deliveries';
import { trusteeVaultIn, type TrusteeVault } from './trustee-vault';
import type { Db, Queryable, Row } from './db';
import {
  MeetingAlreadyExists,
  MeetingNotFound,
  TeamsMeetingAlreadyLinked,
  VersionConflict,
} from './errors';
import { GENESIS_HASH, canonicalJson, eventHash } from './hash-chain';
import { issuedKey, type IssuedCommand } from './issued-command';
import { expectMigrated, migrate } from './migrations';
import { publishedPagesIn, type PublishedPagesShelf } from './published-pages';
import { sealedMinutesIn, type SealedMinutesShelf } from './sealed-minutes';
import { brokenUniqueConstraint, int, isoTime, nullableText, text } from './sql';
import {
  listMeetings,
  listPublicSittings,
  meetingsWithoutSummary,
  writeSummary,
  type ListedMeeting,
  type ListingOptions,
  type MeetingSummary,
  type PublicSitting,
} from './summaries';

export interface Meeting {
  id: string;
  tenantId: string;
  teamsMeetingId: string | null;
  createdAt: string;
  /** The sequence number of the meeting's last event; 0 before the first. */
  version: number;
}

export interface NewEvent {
  type: string;
  /** Anything JSON can hold; it is stored and hashed as JSON. */
  data: unknown;
  at: string | Date;
}

export interface StoredEvent {
  meetingId: string;
  seq: number;
  type: string;
  data: unknown;
  /** ISO 8601, UTC, milliseconds. */
  at: string;
  prevHash: string;
  hash: string;
}

export interface Commit extends IssuedCommand {
  meetingId: string;
  /** The version the command was decided on: the commit fails if another got in first. */
  expectedVersion: number;
  events: readonly NewEvent[];
  secretBallots?: readonly SecretBallot[];
  ballotBoxes?: { open?: readonly string[]; close?: readonly string[] };
  /** Returned as is to a retry of this command; JSON. Never a secret choice. */
  result: unknown;
  /** The meeting's summary after this command, when the command changed it. */
  summary?: MeetingSummary;
}

export type CommitOutcome =
  | { duplicate: true; result: unknown }
  | { duplicate: false; version: number; events: StoredEvent[] };

export interface MeetingStore {
  createMeeting(meeting: {
    id: string;
    tenantId: string;
    teamsMeetingId?: string;
  }): Promise<Meeting>;
  findMeeting(id: string): Promise<Meeting | undefined>;
  findTeamsMeeting(tenantId: string, teamsMeetingId: string): Promise<Meeting | undefined>;
  /** How many meeting records the tenant holds (its quota; the lists come from `meetingsFor`). */
  meetingCount(tenantId: string): Promise<number>;
  linkTeamsMeeting(link: { meetingId: string; teamsMeetingId: string }): Promise<Meeting>;
  /** Frees the meeting's chat; false if the meeting was not linked to `teamsMeetingId`. */
  unlinkTeamsMeeting(link: { meetingId: string; teamsMeetingId: string }): Promise<boolean>;
  /** The tenant's meetings whose roster holds the member (and, as asked, the convened ones). */
  meetingsFor(
    tenantId: string,
    memberId: string,
    options: ListingOptions,
  ): Promise<ListedMeeting[]>;
  /** The meetings with no summary yet, and a way to give them one unless a commit got there first. */
  meetingsWithoutSummary(): Promise<string[]>;
  /** The latest convened sittings of every tenant, for the public index of publications. */
  publicSittings(limit: number): Promise<PublicSitting[]>;
  keepSummary(meetingId: string, summary: MeetingSummary): Promise<void>;
  readEvents(meetingId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /**
   * In one transaction: unless the command was already handled, appends its events at the
   * expected version, writes its secret ballots and stores its result; then notifies subscribers.
   * Throws VersionConflict, BallotAlreadyCast and the other StoreErrors, having changed nothing.
   */
  commit(commit: Commit): Promise<CommitOutcome>;
  /**
   * Group commit: commands of one meeting, in order, in one transaction, each as `commit` would
   * write it, its expected version being the version the commands before it leave. A command
   * already handled (or twice in the group) is answered as a duplicate and writes nothing; a later
   * command decided on its events then no longer matches its version, and the whole group fails
   * with VersionConflict. Any error leaves everything as it was. One notification, for the last event.
   */
  commitMany(commits: readonly Commit[]): Promise<CommitOutcome[]>;
  /** The sealed ballots of a closed secret vote, by tracker. */
  board(voteId: string): Promise<SealedBallot[]>;
  participation(voteId: string): Promise<number>;
  /** Hears (meetingId, seq of its last event) after each commit, from any instance of the service. */
  subscribe(
    listener: (meetingId: string, seq: number) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  /** What the chat bot keeps between turns and across instances (JSON, never a secret choice). */
  readonly chatMemory: ChatMemory;
  /** What the bot has announced and which drawing of each card it sent, once across instances. */
  readonly chatDeliveries: ChatDeliveries;
  /** The service's own trustee secrets, sealed outside the database. */
  readonly trusteeVault: TrusteeVault;
  /** The sealed PDFs of the minutes, written once. */
  readonly sealedMinutes: SealedMinutesShelf;
  /** The exact bytes of each page the register of publications records, written once. */
  readonly publishedPages: PublishedPagesShelf;
  /** The stored results of those of the commands already handled, by their `issuedKey`. */
  commandResults(
    meetingId: string,
    commands: readonly IssuedCommand[],
  ): Promise<Map<string, unknown>>;
  /**
   * Where counts shared by every instance (rate limits) are kept: PostgreSQL; none on PGlite,
   * which only one process opens.
   */
  readonly counters: Queryable | null;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ChatMemory {
  recall(key: string): Promise<unknown>;
  remember(key: string, value: unknown): Promise<void>;
  /** Adds `entries` to the object stored at `key` in one statement, keeping the other entries. */
  merge(key: string, entries: Readonly<Record<string, unknown>>): Promise<void>;
  /** Stores the value unless the key is taken; true for the one caller that took it. */
  claim(key: string, value: unknown): Promise<boolean>;
  /**
   * Takes or renews a lease on the key for `owner`: true while it is `owner`'s, which it stays
   * until `owner` lets `ttlMs` pass without renewing it. The database's clock decides, so instances
   * with clocks apart still agree.
   */
  lease(key: string, owner: string, ttlMs: number): Promise<boolean>;
  forget(key: string): Promise<void>;
}

const channel = 'meeting_events';

const meetingColumns = `id, tenant_id, teams_meeting_id, created_at,
  (SELECT coalesce(max(seq), 0) FROM events WHERE meeting_id = meetings.id) AS version`;

/**
 * Migrates the database, then returns the store over it. Closing the store closes the database.
 * With `migrations: 'expect'` (the owner migrated it) the store runs no DDL: it only checks.
 */
export async function openMeetingStore(
  db: Db,
  {
    ballotBox = sealedBallotBox,
    migrations = 'apply',
  }: { ballotBox?: BallotBox; migrations?: 'apply' | 'expect' } = {},
): Promise<MeetingStore> {
  await (migrations === 'apply' ? migrate(db) : expectMigrated(db));

  const meetingWhere = async (condition: string, params: unknown[]) => {
    const [row] = await db.query(
      `SELECT ${meetingColumns} FROM meetings WHERE ${condition}`,
      params,
    );
    return row && toMeeting(row);
  };

  return {
    async createMeeting(meeting) {
      const { id, tenantId, teamsMeetingId } = meeting;
      try {
        const [row] = await db.query(
          `INSERT INTO meetings (id, tenant_id, teams_meeting_id) VALUES ($1, $2, $3)
           RETURNING id, tenant_id, teams_meeting_id, created_at, 0 AS version`,
          [id, tenantId, teamsMeetingId ?? null],
        );
        if (!row) throw new Error('INSERT ... RETURNING returned no row');
        return toMeeting(row);
      } catch (error) {
        throw meetingConflict(error, meeting) ?? error;
      }
    },

    findMeeting: (id) => meetingWhere('id = $1', [id]),

    findTeamsMeeting: (tenantId, teamsMeetingId) =>
      meetingWhere('tenant_id = $1 AND teams_meeting_id = $2', [tenantId, teamsMeetingId]),

    async meetingCount(tenantId) {
      const [row] = await db.query(
        'SELECT count(*)::int AS meetings FROM meetings WHERE tenant_id = $1',
        [tenantId],
      );
      return row ? int(row, 'meetings') : 0;
    },

    async linkTeamsMeeting({ meetingId, teamsMeetingId }) {
      const meeting = await meetingWhere('id = $1', [meetingId]);
      if (!meeting) throw new MeetingNotFound(meetingId);
      try {
        await db.query('UPDATE meetings SET teams_meeting_id = $2 WHERE id = $1', [
          meetingId,
          teamsMeetingId,
        ]);
      } catch (error) {
        throw meetingConflict(error, { ...meeting, teamsMeetingId }) ?? error;
      }
      return { ...meeting, teamsMeetingId };
    },

    async unlinkTeamsMeeting({ meetingId, teamsMeetingId }) {
      const rows = await db.query(
        `UPDATE meetings SET teams_meeting_id = NULL
         WHERE id = $1 AND teams_meeting_id = $2 RETURNING id`,
        [meetingId, teamsMeetingId],
      );
      return rows.length === 1;
    },

    meetingsFor: (tenantId, memberId, options) => listMeetings(db, tenantId, memberId, options),

    meetingsWithoutSummary: () => meetingsWithoutSummary(db),
    publicSittings: (limit) => listPublicSittings(db, limit),

    keepSummary: (meetingId, summary) => writeSummary(db, meetingId, summary, { replace: false }),

    async readEvents(meetingId, afterSeq = 0) {
      const rows = await db.query(
        `SELECT meeting_id, seq, type, data, at, prev_hash, hash FROM events
         WHERE meeting_id = $1 AND seq > $2 ORDER BY seq`,
        [meetingId, afterSeq],
      );
      return rows.map(toStoredEvent);
    },

    async commit(commit) {
      const [outcome] = await db.transaction((tx) => commitAllIn(tx, [commit], ballotBox));
      if (!outcome) throw new Error('a commit returned no outcome');
      return outcome;
    },

    commitMany: (commits) =>
      commits.length === 0
        ? Promise.resolve([])
        : db.transaction((tx) => commitAllIn(tx, commits, ballotBox)),

    board: (voteId) => ballotBox.board(db, voteId),

    participation: (voteId) => ballotBox.participation(db, voteId),

    subscribe(listener, onReconnect) {
      return db.listen(
        channel,
        (payload) => {
          const notice = parseNotice(payload);
          if (!notice) return;
          try {
            listener(notice.meetingId, notice.seq);
          } catch (error) {
            // One failing listener must not starve the others, nor break the connection.
            process.emitWarning(error instanceof Error ? error : String(error));
          }
        },
        onReconnect,
      );
    },

    commandResults: (meetingId, commands) => handledIn(db, meetingId, commands),

    chatMemory: chatMemoryIn(db),
    chatDeliveries: chatDeliveriesIn(db),
    trusteeVault: trusteeVaultIn(db),
    sealedMinutes: sealedMinutesIn(db),
    publishedPages: publishedPagesIn(db),
    counters: db.engine === 'postgres' ? db : null,

    async ping() {
      await db.query('SELECT 1');
    },

    close: () => db.close(),
  };
}

function chatMemoryIn(db: Db): ChatMemory {
  return {
    async recall(key) {
      const [row] = await db.query('SELECT value FROM chat_memory WHERE key = $1', [key]);
      return row?.value;
    },
    async remember(key, value) {
      await db.query(
        `INSERT INTO chat_memory (key, value) VALUES ($1, $2::text::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
        [key, canonicalJson(value ?? null)],
      );
    },
    async merge(key, entries) {
      await db.query(
        `INSERT INTO chat_memory (key, value) VALUES ($1, $2::text::jsonb)
         ON CONFLICT (key) DO UPDATE SET updated_at = now(), value =
           CASE WHEN jsonb_typeof(chat_memory.value) = 'object'
             THEN chat_memory.value || excluded.value ELSE excluded.value END`,
        [key, canonicalJson(entries)],
      );
    },
    async claim(key, value) {
      const rows = await db.query(
        `INSERT INTO chat_memory (key, value) VALUES ($1, $2::text::jsonb)
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, canonicalJson(value ?? null)],
      );
      return rows.length === 1;
    },
    async lease(key, owner, ttlMs) {
      const rows = await db.query(
        `INSERT INTO chat_memory (key, value) VALUES ($1, jsonb_build_object('owner', $2::text))
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()
         WHERE chat_memory.value->>'owner' = $2::text
            OR chat_memory.updated_at < now() - make_interval(secs => $3::double precision / 1000)
         RETURNING key`,
        [key, owner, ttlMs],
      );
      return rows.length === 1;
    },
    async forget(key) {
      await db.query('DELETE FROM chat_memory WHERE key = $1', [key]);
    },
  };
}

/** The results of those of `commands` ($2 issuers, $3 ids) the meeting ($1) has handled. */
const HANDLED = `SELECT issued_by, command_id, result FROM commands
  WHERE meeting_id = $1
    AND (issued_by, command_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`;

function handledParams(meetingId: string, commands: readonly IssuedCommand[]): unknown[] {
  return [meetingId, commands.map((c) => c.issuedBy), commands.map((c) => c.commandId)];
}

function handledResults(rows: readonly Row[]): Map<string, unknown> {
  return new Map(
    rows.map((row) => [
      issuedKey({ issuedBy: text(row, 'issued_by'), commandId: text(row, 'command_id') }),
      row.result ?? null,
    ]),
  );
}

async function handledIn(
  db: Queryable,
  meetingId: string,
  commands: readonly IssuedCommand[],
): Promise<Map<string, unknown>> {
  if (commands.length === 0) return new Map();
  return handledResults(await db.query(HANDLED, handledParams(meetingId, commands)));
}

async function commitAllIn(
  tx: Queryable,
  commits: readonly Commit[],
  ballotBox: BallotBox,
): Promise<CommitOutcome[]> {
  const meetingId = commits[0]?.meetingId ?? '';
  if (commits.some((commit) => commit.meetingId !== meetingId)) {
    throw new Error('a group commit holds the commands of one meeting only');
  }
  // Commits of one meeting queue here: a retried command then finds the first attempt's result.
  const meeting = await tx.query('SELECT id FROM meetings WHERE id = $1 FOR NO KEY UPDATE', [
    meetingId,
  ]);
  if (meeting.length === 0) throw new MeetingNotFound(meetingId);

  // Every statement is a round trip (and PGlite's run in this thread): what the group needs to know
  // is read in one, after the lock, the head as a row with a seq.
  const read = await tx.query(
    `SELECT issued_by, command_id, result, NULL::int AS seq, NULL::text AS hash FROM (${HANDLED}) h
     UNION ALL
     (SELECT NULL, NULL, NULL, seq, hash FROM events WHERE meeting_id = $1 ORDER BY seq DESC LIMIT 1)`,
    handledParams(meetingId, commits),
  );
  const head = read.find((row) => row.seq !== null);
  const handled = handledResults(read.filter((row) => row.seq === null));
  let version = head ? int(head, 'seq') : 0;
  let headHash = head ? text(head, 'hash') : GENESIS_HASH;

  const outcomes: CommitOutcome[] = [];
  const applied: Commit[] = [];
  const events: StoredEvent[] = [];
  for (const commit of commits) {
    const key = issuedKey(commit);
    if (handled.has(key)) {
      outcomes.push({ duplicate: true, result: handled.get(key) ?? null });
      continue;
    }
    if (commit.expectedVersion !== version) {
      throw new VersionConflict(meetingId, commit.expectedVersion);
    }
    const chained = chain(meetingId, version, headHash, commit.events);
    const last = chained.at(-1);
    if (last) {
      version = last.seq;
      headHash = last.hash;
    }
    events.push(...chained);
    applied.push(commit);
    // A second command with this issuer and id in the group is the first one's duplicate.
    handled.set(key, JSON.parse(canonicalJson(commit.result ?? null)) as unknown);
    outcomes.push({ duplicate: false, version, events: chained });
  }

  await recordGroup(tx, meetingId, events, applied, commits[0]?.expectedVersion ?? 0);
  await fillBallotBoxes(tx, meetingId, applied, ballotBox);
  const summary = applied.findLast((commit) => commit.summary)?.summary;
  if (summary) await writeSummary(tx, meetingId, summary, { replace: true });
  return outcomes;
}

/**
 * The group's events appended, its commands' results kept for their retries, and the meeting's
 * listeners notified of its new head (delivered when, and only if, the transaction commits), in
 * one statement.
 */
async function recordGroup(
  tx: Queryable,
  meetingId: string,
  events: readonly StoredEvent[],
  applied: readonly Commit[],
  expectedVersion: number,
): Promise<void> {
  if (applied.length === 0) return;
  const last = events.at(-1);
  try {
    await tx.query(
      `WITH appended AS (
         INSERT INTO events (meeting_id, seq, type, data, at, prev_hash, hash)
         SELECT $1, e.seq, e.type, e.data::jsonb, e.at::timestamptz, e.prev_hash, e.hash
         FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS e(seq, type, data, at, prev_hash, hash)
       ), kept AS (
         INSERT INTO commands (meeting_id, issued_by, command_id, result)
         SELECT $1, c.issued_by, c.command_id, c.result::jsonb
         FROM unnest($8::text[], $9::text[], $10::text[]) AS c(issued_by, command_id, result)
       )
       SELECT pg_notify($11, $12::text) WHERE $12::text IS NOT NULL`,
      [
        meetingId,
        events.map((event) => event.seq),
        events.map((event) => event.type),
        events.map((event) => canonicalJson(event.data)),
        events.map((event) => event.at),
        events.map((event) => event.prevHash),
        events.map((event) => event.hash),
        applied.map((commit) => commit.issuedBy),
        applied.map((commit) => commit.commandId),
        applied.map((commit) => canonicalJson(commit.result ?? null)),
        channel,
        last ? JSON.stringify({ meetingId, seq: last.seq }) : null,
      ],
    );
  } catch (error) {
    // The read of the head is not the only guard: the primary key refuses a second event at a seq.
    if (brokenUniqueConstraint(error) === 'events_pkey') {
      throw new VersionConflict(meetingId, expectedVersion);
    }
    throw error;
  }
}

/**
 * Each command's boxes opened, its ballots cast and its boxes closed, in the commands' order; the
 * ballots between two openings or closings go into the box together.
 */
async function fillBallotBoxes(
  tx: Queryable,
  meetingId: string,
  commits: readonly Commit[],
  ballotBox: BallotBox,
): Promise<void> {
  let ballots: SecretBallot[] = [];
  const cast = async () => {
    if (ballots.length > 0) await ballotBox.cast(tx, meetingId, ballots);
    ballots = [];
  };
  for (const commit of commits) {
    const { open = [], close = [] } = commit.ballotBoxes ?? {};
    if (open.length > 0) await cast();
    for (const voteId of open) await ballotBox.open(tx, meetingId, voteId);
    ballots.push(...(commit.secretBallots ?? []));
    if (close.length > 0) await cast();
    for (const voteId of close) await ballotBox.close(tx, meetingId, voteId);
  }
  await cast();
}

function chain(
  meetingId: string,
  version: number,
  headHash: string,
  newEvents: readonly NewEvent[],
): StoredEvent[] {
  let prevHash = headHash;
  return newEvents.map(({ type, data, at }, index) => {
    const fields = {
      meetingId,
      seq: version + index + 1,
      type,
      // As it will read back from jsonb, so that the hash can be recomputed from what is stored.
      data: JSON.parse(canonicalJson(data)) as unknown,
      at: utc(at),
    };
    const event = { ...fields, prevHash, hash: eventHash(prevHash, fields) };
    prevHash = event.hash;
    return event;
  });
}

function utc(at: string | Date): string {
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) throw new TypeError('an event time is not a valid date');
  return time.toISOString();
}

function meetingConflict(
  error: unknown,
  { id, tenantId, teamsMeetingId }: { id: string; tenantId: string; teamsMeetingId?: string },
): Error | undefined {
  const constraint = brokenUniqueConstraint(error);
  if (constraint === 'meetings_pkey') return new MeetingAlreadyExists(id);
  if (constraint === 'meetings_teams_meeting_unique' && teamsMeetingId !== undefined) {
    return new TeamsMeetingAlreadyLinked(tenantId, teamsMeetingId);
  }
  return undefined;
}

function toMeeting(row: Row): Meeting {
  return {
    id: text(row, 'id'),
    tenantId: text(row, 'tenant_id'),
    teamsMeetingId: nullableText(row, 'teams_meeting_id'),
    createdAt: isoTime(row, 'created_at'),
    version: int(row, 'version'),
  };
}

function toStoredEvent(row: Row): StoredEvent {
  return {
    meetingId: text(row, 'meeting_id'),
    seq: int(row, 'seq'),
    type: text(row, 'type'),
    data: row.data,
    at: isoTime(row, 'at'),
    prevHash: text(row, 'prev_hash'),
    hash: text(row, 'hash'),
  };
}

function parseNotice(payload: string): { meetingId: string; seq: number } | undefined {
  try {
    const notice = JSON.parse(payload) as { meetingId?: unknown; seq?: unknown };
    return typeof notice.meetingId === 'string' && typeof notice.seq === 'number'
      ? { meetingId: notice.meetingId, seq: notice.seq }
      : undefined;
  } catch {
    return undefined;
  }
}
