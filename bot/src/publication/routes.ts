import type { Meeting } from '@council/shared';
import type { Request, Response, Server } from 'restify';
import type { MeetingService } from '../meetings/service';
import { municipalitySlug, publicPath } from '../public/address';
import type { MeetingStore } from '../store';
import { refusal } from '../http/problems';
import { publicDocuments } from './documents';
import { indexPage } from './index-page';
import { rendered, sha256, type Publisher } from './register';

type Handler = (req: Request, res: Response) => Promise<void>;

/** How many recent sittings the index scans for a municipality's, and lists at most. */
const INDEX_SCAN = 2_000;
const INDEX_SITTINGS = 100;
/** Short enough for a correction to show soon; a CDN absorbs a harvester's or a crowd's reads. */
const CACHE_CONTROL = 'public, max-age=60';

function send(req: Request, res: Response, body: Buffer, etag: string): void {
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': CACHE_CONTROL,
    etag: `"${etag}"`,
  };
  if (req.header('if-none-match') === headers.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.sendRaw(200, body, headers);
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
    readonly route: (handler: Handler) => Handler;
  },
): void {
  const { meetings, store, publisher, origin, route } = deps;
  const param = (req: Request, name: string) =>
    (req.params as Record<string, string | undefined>)[name] ?? '';

  async function sittingOf(req: Request): Promise<Meeting> {
    const loaded = await meetings.load(param(req, 'meetingId'));
    const state = loaded?.state;
    if (
      !state ||
      state.status === 'none' ||
      state.status === 'draft' ||
      municipalitySlug(state.setup.municipality) !== param(req, 'municipality')
    ) {
      throw refusal('MEETING_NOT_FOUND');
    }
    return state;
  }

  const documentRoute = (suffix: (req: Request) => string) =>
    route(async (req, res) => {
      const meeting = await sittingOf(req);
      const path = `${publicPath(meeting.setup.municipality, meeting.id)}${suffix(req)}`;
      const document = publicDocuments(meeting, origin).find((d) => d.path === path);
      if (!document) throw refusal('NOT_FOUND');
      const page = rendered(document);
      // What is served is in the register first: the version a reader gets can be checked later.
      await publisher.publish(meeting.id);
      send(req, res, page.bytes, page.sha256);
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
      const slug = param(req, 'municipality');
      const sittings = (await store.publicSittings(INDEX_SCAN))
        .filter((sitting) => municipalitySlug(sitting.municipality) === slug)
        .slice(0, INDEX_SITTINGS);
      const loaded = await Promise.all(sittings.map((sitting) => meetings.load(sitting.id)));
      const held = loaded.flatMap((l) =>
        l && l.state.status !== 'none' && l.state.status !== 'draft' ? [l.state] : [],
      );
      const first = held[0];
      if (!first) throw refusal('NOT_FOUND');
      const body = Buffer.from(
        indexPage(
          origin,
          first.setup.municipality,
          first.setup.language,
          held.map((meeting) => ({ meeting, documents: publicDocuments(meeting, origin) })),
        ),
        'utf8',
      );
      send(req, res, body, sha256(body));
    }),
  );
}
