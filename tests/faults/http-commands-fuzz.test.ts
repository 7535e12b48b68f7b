import fc from 'fast-check';
import { fold, type Event, type Meeting } from '../../shared/src';
import { openDemoMeeting } from '../bot/support/meeting';
import { demo, nextCommandId, type RunningService } from '../bot/support/service';
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
  isProblem,
  mutate,
  mutation,
  onceIn,
  nearValidCommand,
  prototypeIntact,
  resolve,
  sendRaw,
  setOwn,
  targetsOf,
} from './support/fuzz';

jest.setTimeout(180_000);

const actors = [
  'chair',
  'director',
  'councillor',
  'observer',
  'stranger',
  'otherTenant',
  'anonymous',
  'forged',
] as const;

/** One POST /api/meetings/:id/commands: who sends what, how, and to which meeting. */
const input = fc.record({
  // Mostly those who may command something, so that the meeting moves on.
  actor: fc.oneof(
    { arbitrary: fc.constantFrom('chair', 'councillor', 'director'), weight: 6 },
    { arbitrary: fc.constantFrom(...actors), weight: 2 },
  ),
  councillor: fc.nat({ max: demo.members.length - 1 }),
  command: fc.oneof(
    {
      arbitrary: fc.tuple(nearValidCommand, mutation).map(([c, m]) => mutate(c, m)),
      weight: 8,
    },
    { arbitrary: anyValue, weight: 1 },
  ),
  commandId: fc.oneof(
    { arbitrary: fc.constant({ kind: 'fresh' as const }), weight: 8 },
    { arbitrary: fc.nat().map((pick) => ({ kind: 'retry' as const, pick })), weight: 1 },
    { arbitrary: anyValue.map((value) => ({ kind: 'any' as const, value })), weight: 1 },
  ),
  envelope: fc.oneof(
    { arbitrary: fc.constant(null), weight: 8 },
    { arbitrary: fc.tuple(fc.constantFrom('__proto__', 'extra', 'by', 'at'), anyValue), weight: 1 },
  ),
  raw: onceIn(10, garbageBody),
  contentType: onceIn(4, contentTypes),
  contentEncoding: onceIn(15, fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x')),
  language: onceIn(2, acceptLanguages),
  meeting: fc.oneof(
    { arbitrary: fc.constant('this'), weight: 12 },
    {
      arbitrary: fc.constantFrom(
        'nope',
        '00000000-0000-0000-0000-000000000000',
        '%2e%2e',
        '%00',
        'a'.repeat(300),
        '%F0%9F%91%8D',
        '__proto__',
      ),
      weight: 1,
    },
  ),
});

describe.each(testDatabases())('the command API under fuzzing, on %s', (_engine, fresh) => {
  const service = fuzzedMeeting(fresh);
  let running: RunningService;
  let meetingId: string;
  const token = (objectId: string, tenantId?: string) => service.token(objectId, tenantId);
  beforeAll(() => {
    ({ running, meetingId } = service.it);
  });

  const meeting = async () =>
    (await running.service.meetings.load(meetingId))?.state as Meeting | undefined;

  async function authorization(actor: (typeof actors)[number], councillor: number) {
    const councillorId = demo.members[councillor + 1]?.aadObjectId ?? 'nobody';
    switch (actor) {
      case 'chair':
        return `Bearer ${await token(demo.members[0]?.aadObjectId ?? '')}`;
      case 'director':
        return `Bearer ${await token(demo.director.aadObjectId)}`;
      case 'councillor':
        return `Bearer ${await token(councillorId)}`;
      case 'observer':
        return `Bearer ${await token(demo.observer.aadObjectId)}`;
      case 'stranger':
        return `Bearer ${await token('stranger-of-the-tenant')}`;
      case 'otherTenant':
        return `Bearer ${await token(demo.director.aadObjectId, 'another-tenant')}`;
      case 'anonymous':
        return undefined;
      case 'forged':
        return `Bearer ${(await token(demo.director.aadObjectId)).slice(0, -4)}AAAA`;
    }
  }

  test(`${FUZZ_RUNS} generated commands: never a 5xx, and a refused one changes nothing`, async () => {
    const accepted: string[] = [];
    let before = await fingerprint(running, meetingId);
    const counts = { accepted: 0, refused: 0, meetings: 1 };

    await fc.assert(
      fc.asyncProperty(input, async (generated) => {
        const commandId =
          generated.commandId.kind === 'fresh'
            ? nextCommandId()
            : generated.commandId.kind === 'retry'
              ? (accepted[generated.commandId.pick % Math.max(accepted.length, 1)] ?? 'none-yet')
              : generated.commandId.value;
        const envelope: Record<string, unknown> = {
          commandId,
          command: resolve(generated.command, targetsOf(await meeting())),
        };
        if (generated.envelope) setOwn(envelope, ...generated.envelope);
        const auth = await authorization(generated.actor, generated.councillor);
        const reply = await sendRaw(running.url, {
          method: 'POST',
          path: `/api/meetings/${generated.meeting === 'this' ? meetingId : generated.meeting}/commands`,
          headers: {
            ...(auth ? { authorization: auth } : {}),
            'content-type': generated.contentType ?? 'application/json',
            ...(generated.contentEncoding ? { 'content-encoding': generated.contentEncoding } : {}),
            ...(generated.language ? { 'accept-language': generated.language } : {}),
          },
          body: generated.raw ?? JSON.stringify(envelope),
        });

        expect(reply.status).toBeLessThan(500);
        expect(prototypeIntact()).toBe(true);
        const after = await fingerprint(running, meetingId);
        if (reply.status >= 400) {
          counts.refused++;
          expect(isProblem(reply)).toBe(true);
          expect(after).toBe(before);
          return;
        }
        counts.accepted++;
        if (typeof commandId === 'string') accepted.push(commandId);
        before = after;
        // A meeting closed, or one whose roster lost its chair, takes no more commands: start another.
        const now = await meeting();
        const chair = now?.setup.roster.find((m) => m.id === demo.members[0]?.aadObjectId);
        if (now?.status !== 'open' || chair?.role !== 'chair') {
          meetingId = (await openDemoMeeting(running)).meetingId;
          accepted.length = 0;
          counts.meetings++;
          before = await fingerprint(running, meetingId);
        }
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true },
    );

    // Some of each, or the fuzzing tried nothing worth the name.
    expect(counts.accepted).toBeGreaterThan(FUZZ_RUNS / 100);
    expect(counts.refused).toBeGreaterThan(FUZZ_RUNS / 2);
    const health = await sendRaw(running.url, { method: 'GET', path: '/healthz' });
    expect(health.status).toBe(200);
    // The service's state is still the fold of what it stored.
    const stored = await running.service.meetings.load(meetingId);
    const log = await running.db.query(
      'SELECT data FROM events WHERE meeting_id = $1 ORDER BY seq',
      [meetingId],
    );
    expect(fold(log.map((row) => row.data as Event))).toEqual(stored?.state);
  });
});
