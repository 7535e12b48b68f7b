import fc from 'fast-check';
import { demo, type RunningService } from '../bot/support/service';
import { testDatabases } from '../bot/store/databases';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  acceptLanguages,
  anyValue,
  contentTypes,
  fingerprint,
  fuzzedMeeting,
  garbageBody,
  headerText,
  isProblem,
  onceIn,
  prototypeIntact,
  sendRaw,
} from './support/fuzz';

jest.setTimeout(180_000);

const routes = [
  '/api/meetings/:id',
  '/api/meetings/:id/stream',
  '/api/meetings/:id/commands',
  '/api/meetings/:id/minutes.pdf',
  '/api/meetings/:id/minutes/signing',
  '/api/meetings/:id/minutes/submitted.pdf',
  '/api/meetings/:id/minutes/sealed.pdf',
  '/api/meetings',
  '/api/dev/token',
  '/api/openapi.json',
  '/api/config',
  '/api/messages',
  '/healthz',
  '/readyz',
] as const;

const lastEventIds = fc.oneof(
  fc.nat({ max: 200 }).map(String),
  fc.constantFrom(
    '-1',
    '1e3',
    '0x10',
    ' 3 ',
    '3.5',
    'abc',
    '2147483647',
    '2147483648',
    '99999999999',
    '1e300',
    'Infinity',
    '9'.repeat(400),
  ),
  headerText,
);

/** Any request to any route: the method, the path and its query, the headers and the body. */
const input = fc.record({
  method: fc.oneof(
    { arbitrary: fc.constantFrom('GET', 'POST'), weight: 6 },
    { arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), weight: 1 },
  ),
  route: fc.oneof(
    { arbitrary: fc.constantFrom(...routes), weight: 10 },
    { arbitrary: fc.webPath(), weight: 2 },
    { arbitrary: fc.string({ maxLength: 40 }).map((s) => `/${encodeURIComponent(s)}`), weight: 1 },
  ),
  id: fc.oneof(
    { arbitrary: fc.constant(null), weight: 6 },
    {
      arbitrary: fc.oneof(
        fc.constantFrom('%00', '..', '%2e%2e%2f', '%2F', 'a'.repeat(2_000), '__proto__', '%F0%9F'),
        fc.string({ maxLength: 40 }).map(encodeURIComponent),
      ),
      weight: 1,
    },
  ),
  query: onceIn(
    3,
    fc.oneof(
      fc.webQueryParameters().map((q) => `?${q}`),
      fc.constantFrom('?__proto__[polluted]=1', '?constructor[prototype][isAdmin]=1', '?a[b][c]=d'),
    ),
  ),
  signedInAs: fc.constantFrom(
    demo.members[0]?.aadObjectId ?? '',
    demo.members[5]?.aadObjectId ?? '',
    demo.director.aadObjectId,
    demo.observer.aadObjectId,
    'stranger',
    null,
  ),
  authorization: onceIn(
    8,
    fc.oneof(headerText, fc.constantFrom('Bearer', 'Bearer a.b.c', 'Basic x')),
  ),
  lastEventId: onceIn(2, lastEventIds),
  language: onceIn(3, acceptLanguages),
  contentType: onceIn(3, contentTypes),
  body: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: garbageBody, weight: 2 },
    { arbitrary: anyValue.map((v) => JSON.stringify(v)), weight: 2 },
    {
      arbitrary: fc
        .record({
          tenantId: fc.oneof(fc.constant(demo.tenantId), anyValue),
          objectId: anyValue,
          name: anyValue,
        })
        .map((v) => JSON.stringify(v)),
      weight: 1,
    },
    {
      arbitrary: fc
        .record({ commandId: anyValue, council: anyValue, setup: anyValue }, { requiredKeys: [] })
        .map((v) => JSON.stringify(v)),
      weight: 1,
    },
  ),
});

describe.each(testDatabases())('every route under fuzzing, on %s', (_engine, fresh) => {
  const service = fuzzedMeeting(fresh);
  let running: RunningService;
  let meetingId: string;
  beforeAll(() => {
    ({ running, meetingId } = service.it);
  });

  async function streamsLeft(): Promise<number> {
    for (let tries = 0; running.service.hub.streams > 0 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return running.service.hub.streams;
  }

  test(`${FUZZ_RUNS} generated requests: never a 5xx, and a refused one changes nothing`, async () => {
    let before = await fingerprint(running, meetingId);
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(input, async (generated) => {
        const id = generated.id ?? meetingId;
        const path = `${generated.route.replace(':id', id)}${generated.query ?? ''}`;
        const signedIn = generated.signedInAs;
        const bearer = signedIn ? `Bearer ${await service.token(signedIn)}` : undefined;
        const authorization = generated.authorization ?? bearer;
        const reply = await sendRaw(running.url, {
          method: generated.method,
          path,
          headers: {
            ...(authorization ? { authorization } : {}),
            ...(generated.lastEventId === null ? {} : { 'last-event-id': generated.lastEventId }),
            ...(generated.language === null ? {} : { 'accept-language': generated.language }),
            'content-type': generated.contentType ?? 'application/json',
          },
          ...(generated.body === undefined || ['GET', 'HEAD'].includes(generated.method)
            ? {}
            : { body: generated.body }),
        });
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);

        expect(reply.status).toBeLessThan(500);
        expect(prototypeIntact()).toBe(true);
        // A stream whose reader went away is let go of.
        expect(await streamsLeft()).toBe(0);
        const after = await fingerprint(running, meetingId);
        if (reply.status >= 400) {
          if (generated.method !== 'HEAD') expect(isProblem(reply)).toBe(true);
          expect(after).toBe(before);
        }
        before = after;
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
    );

    // Answers of every kind, or the fuzzing reached nothing behind the guards.
    for (const status of [200, 400, 401, 404]) expect(statuses.get(status)).toBeGreaterThan(10);
    expect((await sendRaw(running.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
  });
});
