import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import {
  actorOf,
  mayIssue,
  councilFileSchema,
  decisionListOf,
  meetingFor,
  meetingSetupSchema,
  SECRETARIAT_ROLE,
  setupFromCouncilFile,
  wireCommandSchema,
  type Reader,
  type Role,
} from '@council/shared';
import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import { isReservedObjectId, mayCreateMeetings, type Authenticator, type Identity } from '../auth';
import type { Config } from '../config';
import { createLiveHub } from '../live/hub';
import { streamQuota } from '../live/stream-quota';
import { clientAddress } from '../limits/client-address';
import { meetingLimits } from '../limits/meeting-limits';
import { createRateLimits, type RateLimits } from '../limits/rate-limits';
import { ACCESS_LOG, type Logger } from '../log';
import {
  createMeetingService,
  type Answer,
  type LoadedMeeting,
  type MeetingService,
} from '../meetings/service';
import { trusteeKeysFrom, type TrusteeKeys } from '../meetings/trustee-keys';
import { createClerk, type Clerk } from '../minutes';
import { configuredSigner, type MinutesSigner } from '../minutes/seal';
import { signingRoutes } from './signing';
import { publicationOrigin } from '../public/link';
import { createEditions } from '../publication/editions';
import { createPublisher } from '../publication/register';
import { publicationRoutes } from '../publication/routes';
import { isProduction } from '../production';
import { publicOrigin, publicPageOf } from '../public/link';
import { publicRoutes } from '../public/routes';
import { originOf } from '../teams/trustee-dialog';
import type { ListedMeeting, MeetingStore } from '../store';
import { boardRoute } from './board';
import { openApiDocument } from './openapi';
import { admitDocumentLink } from './document-hosts';
import { assertLocalRequest } from './local-only';
import { requestDeadline } from './deadline';
import { noteArrival, requestTook } from './request-timing';
import { jsonOnly } from './json-only';
import { refusal, sendProblem } from './problems';
import { responseHeaders } from './response-headers';
import { serveTab } from './tab';
import { openEventStream } from './sse';

/** What the chat bot is built on: the same pipeline and store as the tab's API. */
export interface ChatCore {
  readonly meetings: MeetingService;
  readonly store: MeetingStore;
  readonly log: Logger;
  /** The meetings a member of the tenant may see listed. */
  readonly meetingsOf: (tenantId: string, memberId: string) => Promise<ListedMeeting[]>;
  readonly limits: RateLimits;
  readonly clerk: Clerk;
}

/** The chat bot (bot/src/teams) as the server sees it: one route and a lifetime. */
export interface ChatEndpoint {
  /** Answers one POST /api/messages. */
  handle(req: Request, res: Response): Promise<void>;
  /** Starts following the meetings; returns the function that stops it. */
  start(): Promise<() => Promise<void>>;
}

export interface ServerDeps {
  readonly config: Config;
  readonly store: MeetingStore;
  readonly auth: Authenticator;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly chat?: (core: ChatCore) => ChatEndpoint;
  /** Makes the ids of what commands create (votes, motions, requests); random unless a test fixes them. */
  readonly newId?: () => string;
  /** How many meetings' states the service holds in memory at most (see meetings/service.ts). */
  readonly heldMeetings?: number;
  /** The key that seals the service's trustee secret; the configuration's source by default. */
  readonly trusteeKeys?: TrusteeKeys;
  /** Starts a proof worker thread in place of the bundled one (tests start failing ones). */
  readonly proofWorker?: () => Worker;
  /** Seals the approved minutes; the configured certificate's PAdES seal unless a test gives one. */
  readonly signer?: MinutesSigner;
}

const commandId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/);

export const commandRequestSchema = z.object({ commandId, command: wireCommandSchema }).strict();

export const createMeetingSchema = z.union([
  z.object({ commandId, setup: meetingSetupSchema }).strict(),
  z.object({ commandId, council: councilFileSchema }).strict(),
]);

const MAX_SEQ = 2_147_483_647;

type Handler = (req: Request, res: Response) => Promise<void> | void;

/**
 * restify as the service sets it up (body and query parsing, refusals in the catalogue's terms, a
 * log line per request), with no route yet: the service adds its own, the benchmark a bare one.
 */
export function baseServer({ config, log }: Pick<ServerDeps, 'config' | 'log'>): Server {
  const server = restify.createServer({
    name: 'council-meetings',
    handleUncaughtExceptions: false,
  });

  server.pre(noteArrival);
  server.pre(responseHeaders({ production: isProduction(config.NODE_ENV) }));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // restify's body reader gunzips with no error handler (a body that is not gzip throws out of
  // the process and leaves the request hanging) and counts only the compressed bytes against the
  // limit. Neither the tab nor the Bot Connector compresses what it sends: nobody may.
  server.use((req: Request, _res: Response, next: (error?: Error) => void) => {
    const encoding = req.header('content-encoding');
    if (encoding && encoding.trim().toLowerCase() !== 'identity') {
      next(refusal('INVALID_COMMAND', { detail: 'Content-Encoding is not supported' }));
      return;
    }
    next();
  });
  // Headers are Node's to time; the body is the deadline's (Node checks its own request timeout
  // only every 30 s and answers without a code).
  server.server.headersTimeout = config.REQUEST_TIMEOUT_MS;
  server.pre(requestDeadline(config.REQUEST_TIMEOUT_MS, log));
  server.pre(jsonOnly);
  server.use(restify.plugins.bodyReader({ maxBodySize: config.MAX_BODY_BYTES }));
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));
  server.on('restifyError', (req: Request, res: Response, err: Error, callback: () => void) => {
    sendProblem(req, res, err, log);
    callback();
  });
  server.on('after', (req: Request, res: Response) => {
    log.info(
      { reqId: req.id(), method: req.method, path: req.getPath(), status: res.statusCode },
      ACCESS_LOG,
    );
  });
  return server;
}

/** Builds the whole service without listening: the entry file listens, tests drive it on loopback. */
export function createServer(deps: ServerDeps) {
  const { config, store, auth, log } = deps;
  const meetings = createMeetingService(store, log, {
    now: deps.now,
    newId: deps.newId,
    heldMeetings: deps.heldMeetings,
    heldBytes: config.MEETING_CACHE_BYTES,
    trusteeKeys: deps.trusteeKeys ?? trusteeKeysFrom(config),
    proofWorkers: config.PROOF_WORKERS,
    proofQueue: config.PROOF_QUEUE,
    proofWorker: deps.proofWorker,
  });
  const hub = createLiveHub(store, meetings, log);
  const streams = streamQuota({
    perPerson: config.MAX_STREAMS_PER_USER,
    perMeeting: config.MAX_STREAMS_PER_MEETING,
  });
  const clerk = createClerk(store, meetings, {
    workers: config.MINUTES_WORKERS,
    queue: config.MINUTES_QUEUE,
    cacheBytes: config.MINUTES_CACHE_BYTES,
    origin: publicOrigin(config),
  });
  const server = baseServer(deps);
  const meetingsOf = (tenantId: string, memberId: string) =>
    store.meetingsFor(tenantId, memberId, { convened: config.LIST_CONVENED_MEETINGS });
  if (auth.mode === 'dev') {
    // Dev tokens are minted for whoever asks: every route answers this machine only.
    server.use((req: Request, _res: Response, next: (error?: unknown) => void) => {
      try {
        assertLocalRequest(req);
        next();
      } catch (error) {
        next(error);
      }
    });
  }
  const limits = createRateLimits(store.counters, config);
  const sizes = meetingLimits(config);
  const chat = deps.chat?.({ meetings, store, log, meetingsOf, limits, clerk });
  const addressOf = (req: Request) => clientAddress(req, config.TRUSTED_PROXY_HOPS);

  // Before sign-in and before the body is read. Health probes come from the platform, and the
  // Bot Connector speaks for every member from a few addresses: the bot counts per member instead.
  const uncounted = new Set(['/healthz', '/readyz', '/api/messages']);
  server.pre((req: Request, _res: Response, next: (error?: Error) => void) => {
    if (uncounted.has(req.getPath())) {
      next();
      return;
    }
    limits.address(addressOf(req)).then(() => {
      next();
    }, next);
  });

  const route = (handler: Handler) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      sendProblem(req, res, error, log);
    }
  };

  const signedIn = (req: Request) => auth.authenticate(req.header('authorization') || undefined);

  async function identify(req: Request): Promise<Identity> {
    const identity = await signedIn(req);
    await limits.person(identity);
    return identity;
  }

  /**
   * Who gives a command, counted against the command budgets of their address and their own. The
   * address's first, in memory: a command refused for an office's address spends nobody's own
   * budget. The person's two are then taken together: on PostgreSQL each is a round trip to the
   * table every instance shares.
   */
  async function identifyCommander(req: Request): Promise<Identity> {
    const identity = await signedIn(req);
    await limits.addressCommand(addressOf(req));
    await Promise.all([limits.person(identity), limits.personCommand(identity)]);
    return identity;
  }

  /** The meeting, if the caller's tenant holds it; another tenant's meeting does not exist for them. */
  async function meetingOf(req: Request, identity: Identity): Promise<LoadedMeeting> {
    const loaded = await meetings.load(
      (req.params as Record<string, string | undefined>).meetingId ?? '',
    );
    if (!loaded || loaded.record.tenantId !== identity.tenantId || loaded.state.status === 'none') {
      throw refusal('MEETING_NOT_FOUND');
    }
    return loaded;
  }

  function readerOf(loaded: LoadedMeeting, identity: Identity): Reader {
    if (loaded.state.status === 'none') return null;
    const actor = actorOf(loaded.state.setup.roster, identity.objectId);
    return actor === 'system' ? null : (actor satisfies Role | null);
  }

  function answer(res: Response, result: Answer, status = 200): void {
    if (!result.ok) throw refusal(result.error.code, result.error.params);
    const { version, tracker } = result;
    res.send(status, tracker ? { version, tracker } : { version });
  }

  const signing = signingRoutes(server, {
    store,
    meetings,
    clerk,
    log,
    signer: deps.signer ?? configuredSigner(config),
    route,
    identify,
    meetingOf,
    readerOf,
  });

  const publisher = createPublisher({
    meetings,
    log,
    editions: createEditions(publicationOrigin(config)),
    pages: store.publishedPages,
  });
  publicationRoutes(server, {
    meetings,
    store,
    publisher,
    origin: publicationOrigin(config),
    limits,
    addressOf,
    route,
  });

  server.get(
    '/healthz',
    route((_req, res) => {
      res.send(200, { status: 'ok' });
    }),
  );

  server.get(
    '/readyz',
    route(async (_req, res) => {
      try {
        await store.ping();
        res.send(200, { status: 'ready' });
      } catch {
        res.send(503, { status: 'unavailable' });
      }
    }),
  );

  server.get(
    '/api/openapi.json',
    route((_req, res) => {
      res.send(200, openApiDocument());
    }),
  );

  server.get(
    '/api/config',
    route((_req, res) => {
      res.send(200, { authMode: auth.mode });
    }),
  );

  server.get(
    '/api/meetings',
    route(async (req, res) => {
      const identity = await identify(req);
      const listed = await meetingsOf(identity.tenantId, identity.objectId);
      res.send(200, {
        meetings: listed.map(({ id, title, municipality, scheduledStart, status, role }) => ({
          id,
          title,
          municipality,
          scheduledStart,
          status,
          role,
        })),
      });
    }),
  );

  server.post(
    '/api/meetings',
    route(async (req, res) => {
      const identity = await identifyCommander(req);
      if (!mayCreateMeetings(identity, config.MEETING_CREATORS))
        throw refusal('NOT_MEETING_CREATOR');
      const body = createMeetingSchema.parse(req.body);
      const setup =
        'setup' in body ? body.setup : meetingSetupSchema.parse(setupFromCouncilFile(body.council));
      sizes.admitNew(setup, await store.meetingCount(identity.tenantId));
      const created = await meetings.create(identity.tenantId, {
        commandId: body.commandId,
        by: identity.objectId,
        command: { type: 'CreateMeeting', setup },
      });
      if (!created.ok) throw refusal(created.error.code, created.error.params);
      res.send(201, { meetingId: created.meetingId, version: created.version });
    }),
  );

  server.get(
    '/api/meetings/:meetingId',
    route(async (req, res) => {
      const identity = await identify(req);
      const loaded = await meetingOf(req, identity);
      if (loaded.state.status === 'none') throw refusal('MEETING_NOT_FOUND');
      const reader = readerOf(loaded, identity);
      const origin = originOf(req, auth.mode === 'dev', config.PUBLIC_URL);
      const publicPage = publicPageOf(loaded.state, loaded.record.id, origin);
      res.send(200, {
        version: loaded.version,
        you: { memberId: identity.objectId, role: reader },
        meeting: meetingFor(loaded.state, reader),
        ...(publicPage ? { publicPage } : {}),
      });
    }),
  );

  server.get(
    '/api/meetings/:meetingId/decisions',
    route(async (req, res) => {
      const identity = await identify(req);
      const loaded = await meetingOf(req, identity);
      if (loaded.state.status === 'none') throw refusal('MEETING_NOT_FOUND');
      res.send(200, { decisions: decisionListOf(loaded.state, readerOf(loaded, identity)) });
    }),
  );

  server.post(
    '/api/meetings/:meetingId/commands',
    route(async (req, res) => {
      const identity = await identifyCommander(req);
      const body = commandRequestSchema.parse(req.body);
      sizes.admitCommand(body.command);
      admitDocumentLink(body.command, config.DOCUMENT_HOSTS);
      const loaded = await meetingOf(req, identity);
      // Only whoever may submit minutes is told whether they changed; others hear NOT_AUTHORIZED.
      if (
        loaded.state.status !== 'none' &&
        mayIssue(actorOf(loaded.state.setup.roster, identity.objectId), body.command.type)
      ) {
        await signing.admit(loaded, body.command);
      }
      answer(
        res,
        await meetings.execute({
          meetingId: loaded.record.id,
          commandId: body.commandId,
          by: identity.objectId,
          command: body.command,
        }),
      );
      requestTook(req, body.command.type);
    }),
  );

  server.get(
    '/api/meetings/:meetingId/votes/:voteId/tally-record',
    route(async (req, res) => {
      const identity = await identify(req);
      const loaded = await meetingOf(req, identity);
      const voteId = (req.params as Record<string, string | undefined>).voteId ?? '';
      if (loaded.state.status === 'none') throw refusal('MEETING_NOT_FOUND');
      // What the reader may see of the vote: a closed item's for no observer, a result unpublished
      // for the director alone, the totals being part of the record.
      const seen = meetingFor(loaded.state, readerOf(loaded, identity)).votes[voteId];
      if (!seen?.secret) throw refusal('VOTE_NOT_FOUND');
      const record = seen.result ? await meetings.tallyRecord(loaded, voteId) : undefined;
      if (!record) throw refusal('RESULT_NOT_READY');
      res.sendRaw(200, record, { 'content-type': 'application/json' });
    }),
  );

  server.get(
    '/api/meetings/:meetingId/votes/:voteId/board',
    route(boardRoute({ identify, meetingOf, readerOf, board: (voteId) => store.board(voteId) })),
  );

  server.get(
    '/api/meetings/:meetingId/minutes.pdf',
    route(async (req, res) => {
      const identity = await identify(req);
      const loaded = await meetingOf(req, identity);
      const minutes = await clerk.minutesFor(loaded.record.id, identity.objectId);
      if (!minutes) throw refusal('MEETING_NOT_FOUND');
      res.sendRaw(200, minutes.pdf, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${minutes.fileName}"`,
        'cache-control': 'no-store',
      });
    }),
  );

  server.get(
    '/api/meetings/:meetingId/stream',
    route(async (req, res) => {
      const identity = await identify(req);
      const loaded = await meetingOf(req, identity);
      const header = req.header('last-event-id') || '0';
      const lastEventId = /^\d{1,10}$/.test(header) ? Number(header) : NaN;
      // A sequence number is a positive integer of the database (at most 2^31 - 1).
      if (!(lastEventId <= MAX_SEQ)) {
        throw refusal('INVALID_COMMAND', { detail: 'Last-Event-ID must be a sequence number' });
      }
      const release = streams.admit(loaded.record.id, `${identity.tenantId}/${identity.objectId}`);
      try {
        await openEventStream(
          req,
          res,
          (client) =>
            hub.subscribe(
              loaded.record.id,
              { ...client, memberId: identity.objectId },
              lastEventId,
            ),
          { maxBufferedBytes: config.STREAM_BUFFER_BYTES, until: identity.expiresAt },
        );
      } finally {
        release();
      }
    }),
  );

  const publicPages = publicRoutes(server, {
    config,
    meetings,
    store,
    limits,
    log,
    addressOf,
    route,
  });

  if (auth.mode === 'dev') {
    const issue = auth.issueDevToken;
    server.post(
      '/api/dev/token',
      route(async (req, res) => {
        const subject = z
          .object({
            tenantId: z.string().min(1).max(100),
            objectId: z
              .string()
              .min(1)
              .max(100)
              .refine((id) => !isReservedObjectId(id), 'reserved id'),
            name: z.string().min(1).max(200),
            roles: z.array(z.literal(SECRETARIAT_ROLE)).max(1).optional(),
          })
          .strict()
          .parse(req.body);
        res.send(200, { token: await issue(subject) });
      }),
    );
  }

  if (chat) {
    server.post(
      '/api/messages',
      route((req, res) => chat.handle(req, res)),
    );
  }

  if (config.TAB_DIR && existsSync(config.TAB_DIR)) serveTab(server, config.TAB_DIR);

  let stopHub: (() => Promise<void>) | null = null;
  let stopChat: (() => Promise<void>) | null = null;
  let stopPublic: (() => Promise<void>) | null = null;
  return {
    server,
    meetings,
    hub,
    clerk,
    publicPages,
    publisher,
    /** Starts the live fan-out and the chat bot; the caller then listens. */
    async start(): Promise<void> {
      await meetings.summarizeOlderMeetings();
      stopHub = await hub.start();
      stopPublic = await publicPages.start();
      stopChat = (await chat?.start()) ?? null;
    },
    /** Stops taking requests, lets those under way finish, closes live streams and the store. */
    async close(): Promise<void> {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.server.closeAllConnections();
      });
      await stopChat?.();
      await stopHub?.();
      await stopPublic?.();
      await signing.close();
      await publisher.close();
      await meetings.close();
      await clerk.close();
      await store.close();
    },
  };
}

export type Service = ReturnType<typeof createServer>;
