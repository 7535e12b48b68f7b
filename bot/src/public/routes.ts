import { languages, type Language } from '@council/shared';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import { refusal } from '../http/problems';
import { openEventStream } from '../http/sse';
import { streamQuota } from '../live/stream-quota';
import type { RateLimits } from '../limits/rate-limits';
import type { Logger } from '../log';
import type { MeetingService } from '../meetings/service';
import type { MeetingStore } from '../store';
import { municipalitySlug } from './address';
import { createPublicFanOut } from './fan-out';
import { PUBLIC_PAGE_POLICY } from './page';
import { createSnapshots, type Snapshot } from './snapshot';

type Handler = (req: Request, res: Response) => Promise<void>;

interface PublicDeps {
  readonly config: Pick<
    Config,
    'STREAM_BUFFER_BYTES' | 'MAX_PUBLIC_STREAMS_PER_ADDRESS' | 'MAX_PUBLIC_STREAMS_PER_MEETING'
  >;
  readonly meetings: MeetingService;
  readonly store: Pick<MeetingStore, 'subscribe'>;
  readonly limits: Pick<RateLimits, 'publicRequest'>;
  readonly log: Logger;
  readonly addressOf: (req: Request) => string;
  /** Answers a refusal in the catalogue's terms. */
  readonly route: (handler: Handler) => Handler;
}

/** A sequence number of the database is at most 2^31 - 1. */
const MAX_VERSION = 2_147_483_647;
const SLUG = /^[a-z0-9-]{1,200}$/;
const MEETING_ID = /^[\w.:-]{1,100}$/;

/**
 * Short enough that a CDN in front shows a change within seconds, which the live stream shows at
 * once; a stale copy is served meanwhile rather than every reader waiting on the service.
 */
const PAGE_CACHE = 'public, max-age=5, stale-while-revalidate=30';

function languageOf(req: Request, fallback: Language): Language {
  const asked: unknown = (req.query as Record<string, unknown> | undefined)?.lang;
  if (asked === undefined) return fallback;
  if (typeof asked === 'string' && (languages as readonly string[]).includes(asked)) {
    return asked as Language;
  }
  throw refusal('INVALID_COMMAND', { detail: 'lang must be fr, nl, de or en' });
}

/** The version the reader's page shows: EventSource's Last-Event-ID on a reconnection, else the page's. */
function sinceOf(req: Request): number {
  const query = (req.query as Record<string, unknown> | undefined)?.since;
  const given = req.header('last-event-id') || (query === undefined ? '0' : query);
  const since = typeof given === 'string' && /^\d{1,10}$/.test(given) ? Number(given) : NaN;
  if (!(since <= MAX_VERSION)) {
    throw refusal('INVALID_COMMAND', { detail: 'Last-Event-ID must be a version number' });
  }
  return since;
}

/**
 * The public follow-along page of a sitting, GET /public/{municipality}/{meeting}, and its live
 * stream, …/events: no sign-in (CDLD L1122-20: the council sits in public), only what
 * an observer may see (shared/visibility.ts), each snapshot rendered once for every reader.
 */
export function publicRoutes(server: Server, deps: PublicDeps) {
  const { config, meetings, store, limits, log, addressOf, route } = deps;
  const snapshots = createSnapshots(meetings);
  const fanOut = createPublicFanOut(snapshots, log);
  const streams = streamQuota({
    perPerson: config.MAX_PUBLIC_STREAMS_PER_ADDRESS,
    perMeeting: config.MAX_PUBLIC_STREAMS_PER_MEETING,
  });

  /** The snapshot the address names; a meeting not convened, unknown or of another municipality is none. */
  async function snapshotOf(req: Request): Promise<Snapshot> {
    await limits.publicRequest(addressOf(req));
    const params = req.params as Record<string, string | undefined>;
    const slug = params.municipality ?? '';
    const meetingId = params.meetingId ?? '';
    if (!SLUG.test(slug) || !MEETING_ID.test(meetingId)) throw refusal('MEETING_NOT_FOUND');
    const snapshot = await snapshots.current(meetingId);
    if (!snapshot || municipalitySlug(snapshot.sitting.municipality) !== slug) {
      throw refusal('MEETING_NOT_FOUND');
    }
    return snapshot;
  }

  server.get(
    '/public/:municipality/:meetingId',
    route(async (req, res) => {
      const snapshot = await snapshotOf(req);
      const language = languageOf(req, snapshot.sitting.language);
      const page = snapshot.page(language);
      const headers = {
        ETag: page.etag,
        'Cache-Control': PAGE_CACHE,
        'Content-Language': language,
        'Content-Security-Policy': PUBLIC_PAGE_POLICY,
        'Referrer-Policy': 'no-referrer',
      };
      const matches = (req.header('if-none-match') || '')
        .split(',')
        .map((tag) => tag.trim().replace(/^W\//, ''));
      if (matches.includes(page.etag) || matches.includes('*')) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.sendRaw(200, page.html, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    }),
  );

  server.get(
    '/public/:municipality/:meetingId/events',
    route(async (req, res) => {
      const snapshot = await snapshotOf(req);
      const language = languageOf(req, snapshot.sitting.language);
      const since = sinceOf(req);
      const release = streams.admit(snapshot.meetingId, addressOf(req));
      try {
        await openEventStream(
          req,
          res,
          (client) => Promise.resolve(fanOut.follow(snapshot, language, client, since)),
          { maxBufferedBytes: config.STREAM_BUFFER_BYTES },
        );
      } finally {
        release();
      }
    }),
  );

  return {
    snapshots,
    fanOut,
    /** Follows the meetings' commits, here and (through the store) on other instances. */
    async start(): Promise<() => Promise<void>> {
      const stopCommits = meetings.onCommit((meetingId) => {
        fanOut.changed(meetingId);
      });
      const stopNotices = await store.subscribe(
        (meetingId, seq) => {
          meetings.invalidate(meetingId, seq);
          fanOut.changed(meetingId);
        },
        () => {
          fanOut.changedAll();
        },
      );
      return async () => {
        stopCommits();
        await stopNotices();
      };
    },
  };
}

export type PublicPages = ReturnType<typeof publicRoutes>;
