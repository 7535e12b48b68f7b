import { lastPublication, type Meeting } from '@council/shared';
import type { Request, Response, Server } from 'restify';
import type { LoadedMeeting, MeetingService } from '../meetings/service';
import { municipalitySlug, publicPath } from '../public/address';
import type { RateLimits } from '../limits/rate-limits';
import type { MeetingStore } from '../store';
import { refusal } from '../http/problems';
import type { Page } from './editions';
import { publicDocuments } from './documents';
import { indexPage } from './index-page';
import type { Publisher } from './register';

type Handler = (req: Request, res: Response) => Promise<void>;

/** How many recent sittings the index scans for a municipality's, and lists at most. */
const INDEX_SCAN = 2_000;
const INDEX_SITTINGS = 100;
/** Short enough for a correction to show soon; a CDN absorbs a harvester's or a crowd's reads. */
const CACHE_CONTROL = 'public, max-age=60';
/** Publication rounds a request waits for before it gives up on a sitting that keeps changing. */
const PUBLISH_ROUNDS = 3;
/** The pages load nothing (no script, style or image): should escaping ever fail, nothing runs. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'";

function send(req: Request, res: Response, page: Page): void {
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': CACHE_CONTROL,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    etag: `"${page.sha256}"`,
  };
  if (req.header('if-none-match') === headers.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.sendRaw(200, page.bytes, headers);
}

/**
 * The linked publication's pages (issue 17, DLB arts 285–286): each document of a sitting under
 * /public/{municipality}/{meeting}/…, and the municipality's index. No sign-in: the pages hold only
 * what the public may read, and each version served is first recorded in the register.
 */
export function publicationRoutes(
  server: Server,
  deps: {
    readonly meetings: MeetingService;
    readonly store: MeetingStore;
    readonly publisher: Publisher;
    readonly origin: string;
    /** The index scans the store: it counts against the public page's budget, not only the server's. */
    readonly limits: Pick<RateLimits, 'publicRequest'>;
    readonly addressOf: (req: Request) => string;
    readonly route: (handler: Handler) => Handler;
  },
): void {
  const { meetings, store, publisher, origin, limits, addressOf, route } = deps;
  const { editions } = publisher;
  const param = (req: Request, name: string) =>
    (req.params as Record<string, string | undefined>)[name] ?? '';

  /** A sitting the public may read: convened at least. */
  const readable = (
    loaded: LoadedMeeting | undefined,
  ): loaded is LoadedMeeting & { state: Meeting } =>
    !!loaded && loaded.state.status !== 'none' && loaded.state.status !== 'draft';

  const documentRoute = (suffix: (req: Request) => string) =>
    route(async (req, res) => {
      // What is served is in the register first: the version a reader gets can be checked later.
      // A page the register does not hold yet is published, then taken again from the newest
      // version, which a member's command may have made meanwhile.
      for (let round = 0; ; round += 1) {
        const loaded = await meetings.load(param(req, 'meetingId'));
        if (
          !readable(loaded) ||
          municipalitySlug(loaded.state.setup.municipality) !== param(req, 'municipality')
        ) {
          throw refusal('MEETING_NOT_FOUND');
        }
        const { setup, id } = loaded.state;
        const path = `${publicPath(setup.municipality, id)}${suffix(req)}`;
        const page = editions.at(id, loaded.state, loaded.version).page(path);
        if (!page) throw refusal('NOT_FOUND');
        if (lastPublication(loaded.state, path)?.sha256 === page.sha256) {
          send(req, res, page);
          return;
        }
        if (round === PUBLISH_ROUNDS) throw refusal('PUBLICATION_BUSY', { seconds: 1 });
        await publisher.publish(id);
      }
    });

  const base = '/public/:municipality/:meetingId';
  server.get(
    `${base}/agenda`,
    documentRoute(() => '/agenda'),
  );
  server.get(
    `${base}/agenda/:n`,
    documentRoute((req) => `/agenda/${param(req, 'n')}`),
  );
  server.get(
    `${base}/decisions`,
    documentRoute(() => '/decisions'),
  );
  server.get(
    `${base}/minutes`,
    documentRoute(() => '/minutes'),
  );
  server.get(
    `${base}/extracts/:itemId`,
    documentRoute((req) => `/extracts/${encodeURIComponent(param(req, 'itemId'))}`),
  );

  server.get(
    '/public/:municipality',
    route(async (req, res) => {
      await limits.publicRequest(addressOf(req));
      const slug = param(req, 'municipality');
      const sittings = (await store.publicSittings(INDEX_SCAN))
        .filter((sitting) => municipalitySlug(sitting.municipality) === slug)
        .slice(0, INDEX_SITTINGS);
      const loaded = await Promise.all(sittings.map((sitting) => meetings.load(sitting.id)));
      const listed = loaded.filter(readable);
      const first = listed[0]?.state;
      if (!first) throw refusal('NOT_FOUND');
      const signature = listed.map((l) => `${l.record.id}@${l.version}`).join(' ');
      const page = editions.index(slug, signature, () =>
        indexPage(
          origin,
          first.setup.municipality,
          first.setup.language,
          listed.map(({ state }) => ({
            meeting: state,
            documents: publicDocuments(state, origin),
          })),
        ),
      );
      send(req, res, page);
    }),
  );
}
