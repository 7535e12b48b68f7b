/**
 * A public document whose sitting changes faster than the register records its pages (issue 17):
 * the reader is told to come back (503 PUBLICATION_BUSY with Retry-After), is never served a
 * version the register does not hold, and the server goes on answering.
 */
import { createServer, type Request, type Response, type Server } from 'restify';
import type { MeetingService } from '../../bot/src/meetings/service';
import type { MeetingStore } from '../../bot/src/store';
import { createLogger } from '../../bot/src/log';
import { sendProblem } from '../../bot/src/http/problems';
import { municipalitySlug } from '../../bot/src/public/address';
import { createEditions } from '../../bot/src/publication/editions';
import { publicationRoutes } from '../../bot/src/publication/routes';
import { flemishSitting, meetingOf, ORIGIN } from './publication/sitting';

const events = flemishSitting();
const meeting = meetingOf(events);
const log = createLogger('silent');

describe('a sitting that changes faster than its pages are recorded', () => {
  let server: Server;
  let base: string;
  let version = events.length;
  let publishRounds = 0;

  beforeAll(async () => {
    server = createServer({ handleUncaughtExceptions: false });
    // Each load finds a newer version, and the register never catches up with it.
    const meetings = {
      load: () =>
        Promise.resolve({
          record: { id: meeting.id },
          state: meeting,
          version: (version += 1),
        }),
    } as unknown as MeetingService;
    publicationRoutes(server, {
      meetings,
      store: {} as MeetingStore,
      publisher: {
        editions: createEditions(ORIGIN),
        publish: () => {
          publishRounds += 1;
          return Promise.resolve();
        },
        close: () => Promise.resolve(),
      },
      origin: ORIGIN,
      limits: { publicRequest: () => Promise.resolve() },
      addressOf: () => '127.0.0.1',
      route: (handler) => async (req: Request, res: Response) => {
        try {
          await handler(req, res);
        } catch (error) {
          sendProblem(req, res, error, log);
        }
      },
    });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address();
    base = `http://127.0.0.1:${port}/public/${municipalitySlug(meeting.setup.municipality)}/${meeting.id}`;
  });
  afterAll(() => {
    server.close();
  });

  test('the reader is told to come back in a second, in their language, and is served nothing', async () => {
    const response = await fetch(`${base}/agenda`, { headers: { 'accept-language': 'nl' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('etag')).toBeNull();
    const problem = (await response.json()) as { code: string; message: string };
    expect(problem.code).toBe('PUBLICATION_BUSY');
    expect(problem.message).toBe(
      'Deze zitting verandert sneller dan haar pagina’s in het register worden opgenomen; probeer opnieuw over 1 s.',
    );
    expect(publishRounds).toBe(3);
  });

  test('the server goes on answering: a document that does not exist is still a 404', async () => {
    const response = await fetch(`${base}/extracts/no-such-item`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
  });
});
