/**
 * What the fuzz tests share: inputs as fast-check builds them (near-valid commands shaped like the
 * wire schemas, mutated field by field, and plain garbage), and a fingerprint of everything a
 * refused input must leave as it was.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { languages, profileIds, thresholds, type Meeting } from '../../../shared/src';
import type { Db } from '../../../bot/src/store';
import type { TestDatabase } from '../../bot/store/databases';
import { openDemoMeeting } from '../../bot/support/meeting';
import { loadTestLimits } from '../../../bench/lib/processes';
import { demo, startService, type RunningService } from '../../bot/support/service';

/** How many generated inputs each fuzz test tries; FUZZ_RUNS raises it for a longer hunt. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 5_000);

/** A fixed seed, so that a failure can be replayed; FUZZ_SEED chooses another. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_251_108);

/**
 * The meeting as the service holds it (its version and state, which a refusal must not have
 * mutated in place) and the database's tables as counts and the last hash of each log: a refused
 * input leaves all of it as it was.
 */
export async function fingerprint(running: RunningService, meetingId: string): Promise<string> {
  const loaded = await running.service.meetings.load(meetingId);
  const [tables] = await running.db.query(
    `SELECT (SELECT count(*)::int FROM meetings) AS meetings,
            (SELECT count(*)::int FROM events) AS events,
            (SELECT max(hash) FROM events WHERE meeting_id = $1) AS hash,
            (SELECT count(*)::int FROM commands) AS commands,
            (SELECT count(*)::int FROM ballot_boxes WHERE closed) AS closed_boxes,
            (SELECT count(*)::int FROM ballot_participation) AS participation,
            (SELECT count(*)::int FROM sealed_ballots) AS ballots`,
    [meetingId],
  );
  return createHash('sha256')
    .update(JSON.stringify({ version: loaded?.version, state: loaded?.state, tables }))
    .digest('hex');
}

/** Nothing a request sent has reached Object.prototype (the service runs in this process). */
export function prototypeIntact(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    Object.getOwnPropertyNames(Object.prototype).length === prototypeNames &&
    probe.polluted === undefined &&
    probe.isAdmin === undefined
  );
}
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).length;

/** `arbitrary` once in `every` inputs, null otherwise (fc.option is the other way round). */
export function onceIn<T>(every: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: every - 1 }, { arbitrary, weight: 1 });
}

// --- Values ----------------------------------------------------------------------------------

export const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'system',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'é',
  '👍🏽',
  '𝕏',
  'ﷺ',
  'Ａ',
  'a'.repeat(101),
  'x'.repeat(5_001),
  'yes',
  'no',
  'abstain',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  'NaN',
  '1e309',
);

const nastyNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
);

/** Any value, with the awkward ones more often than chance would give them. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue(), weight: 3 },
  { arbitrary: nastyStrings, weight: 3 },
  { arbitrary: nastyNumbers, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 1 },
  { arbitrary: fc.constant(pollutingObject()), weight: 1 },
);

/** An own `__proto__` key (JSON.parse makes one too) and a `constructor.prototype` path. */
export function pollutingObject(): Record<string, unknown> {
  const object: Record<string, unknown> = {
    constructor: { prototype: { polluted: true } },
  };
  Object.defineProperty(object, '__proto__', {
    value: { polluted: true, isAdmin: true },
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

// --- Commands, near valid ------------------------------------------------------------------

/** A reference to something of the meeting, resolved when the command is sent. */
export interface Ref {
  readonly $ref: 'member' | 'vote' | 'choice' | 'motion' | 'request' | 'rollCall' | 'item';
  readonly pick: number;
}

export const ref = (kind: Ref['$ref']): fc.Arbitrary<Ref> =>
  fc.nat({ max: 1_000 }).map((pick) => ({ $ref: kind, pick }));
export const idLike = fc.oneof(
  fc.stringMatching(/^[\w.:-]{1,20}$/),
  fc.constantFrom('vote-1', 'item-1', 'motion-1'),
);
export const text = fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), nastyStrings);
const bare = (type: string) => fc.constant({ type });
const shaped = <T extends Record<string, fc.Arbitrary<unknown>>>(
  type: string,
  fields: T,
  requiredKeys?: (keyof T & string)[],
) =>
  fc
    .record(fields, requiredKeys ? { requiredKeys } : {})
    .map((values): Record<string, unknown> => ({ type, ...values }));

/** One command of each kind of `wireCommandSchema`, with fields that point at the meeting. */
export const nearValidCommand: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  ...[
    'OpenMeeting',
    'CloseMeeting',
    'NextItem',
    'PreviousItem',
    'CheckIn',
    'CheckOut',
    'OpenRollCall',
    'AnswerRollCall',
    'CloseRollCall',
    'EndSpeech',
    'OpenConvocation',
    'AcknowledgeConvocation',
  ].map(bare),
  shaped(
    'ConveneMeeting',
    {
      place: text,
      reason: text,
      join: text,
      mode: fc.constantFrom('remote', 'hybrid', 'in-person'),
    },
    [],
  ),
  shaped('ResendConvocation', { member: fc.oneof(ref('member'), idLike) }),
  shaped('RecordConvocationDelivery', {
    member: fc.oneof(ref('member'), idLike),
    sending: fc.integer({ min: -1, max: 3 }),
  }),
  shaped('ExcuseMember', { member: fc.oneof(ref('member'), idLike) }),
  shaped('RequestFloor', { kind: fc.constantFrom('contribution', 'pointOfOrder', 'reply') }),
  shaped('WithdrawRequest', { requestId: ref('request') }),
  shaped('MoveRequest', { requestId: ref('request'), position: fc.nat({ max: 40 }) }),
  shaped('GiveFloor', { requestId: ref('request') }, []),
  shaped('ProposeMotion', { text }),
  shaped('SecondMotion', { motionId: ref('motion') }),
  shaped('ProposeAmendment', { motionId: ref('motion'), text }),
  shaped('WithdrawMotion', { motionId: ref('motion') }),
  shaped(
    'OpenVote',
    {
      motionId: ref('motion'),
      runoffOf: ref('vote'),
      secret: fc.boolean(),
      threshold: fc.constantFrom(...thresholds),
    },
    [],
  ),
  shaped('CastBallot', { voteId: ref('vote'), choice: fc.oneof(ref('choice'), idLike) }),
  shaped('CastBallot', { voteId: ref('vote'), choice: ref('choice') }),
  shaped('CloseVote', { voteId: ref('vote') }),
  shaped(
    'CountVote',
    { voteId: ref('vote'), tally: fc.dictionary(idLike, fc.nat({ max: 50 }), { maxKeys: 3 }) },
    ['voteId'],
  ),
  shaped('PublishResult', { voteId: ref('vote') }),
  shaped('ChooseLanguage', { language: fc.constantFrom(...languages) }),
  shaped('ChooseRules', { rules: fc.record({ profile: fc.constantFrom(...profileIds) }) }),
  shaped('ReviseAgenda', { agenda: fc.constant([]) }),
  shaped('ReviseRoster', {
    roster: fc.array(fc.record({ id: idLike, name: text, role: fc.constant('councillor') }), {
      maxLength: 2,
    }),
  }),
  shaped('CreateMeeting', { setup: anyValue }),
);

/** A change to one field of a command: none, a field dropped, retyped, or one more field. */
export type Mutation =
  | { readonly kind: 'none' }
  | { readonly kind: 'drop'; readonly pick: number }
  | { readonly kind: 'replace'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'add'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'retype'; readonly type: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      pick: fc.nat(),
      value: anyValue,
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      key: fc.oneof(nastyStrings, fc.string({ maxLength: 10 })),
      value: anyValue,
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('retype' as const),
      type: fc.oneof(
        nastyStrings,
        fc.constantFrom('castBallot', 'CastBallot ', 'CASTBALLOT', 'Castballot', 'OpenVote\u0000'),
      ),
    }),
    weight: 1,
  },
);

/** Sets `key` as an own property, even `__proto__`, as JSON.parse would. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function mutate(
  command: Record<string, unknown>,
  change: Mutation,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(command)) setOwn(copy, key, value);
  const keys = Object.keys(copy);
  switch (change.kind) {
    case 'none':
      return copy;
    case 'drop':
      Reflect.deleteProperty(copy, keys[change.pick % keys.length] as string);
      return copy;
    case 'replace':
      setOwn(copy, keys[change.pick % keys.length] as string, change.value);
      return copy;
    case 'add':
      setOwn(copy, change.key, change.value);
      return copy;
    case 'retype':
      copy.type = change.type;
      return copy;
    default: {
      const _exhaustive: never = change;
      return _exhaustive;
    }
  }
}

/** What each reference of a command may point at, in the meeting as it is now. */
export function targetsOf(meeting: Meeting | undefined): Record<Ref['$ref'], readonly string[]> {
  if (!meeting)
    return { member: [], vote: [], choice: [], motion: [], request: [], rollCall: [], item: [] };
  const votes = Object.values(meeting.votes);
  const open = meeting.openVoteId ? meeting.votes[meeting.openVoteId] : undefined;
  return {
    member: meeting.setup.roster.map((m) => m.id),
    // The open vote first and most often: that is where ballots go.
    vote: [...(open ? [open.id, open.id, open.id] : []), ...votes.map((v) => v.id)],
    choice: open?.choices ?? votes.flatMap((v) => v.choices),
    motion: Object.keys(meeting.motions),
    request: Object.values(meeting.queues).flatMap((q) => q.requests.map((r) => r.id)),
    rollCall: meeting.rollCall.status === 'open' ? [meeting.rollCall.id] : [],
    item: meeting.currentItemId ? [meeting.currentItemId] : [],
  };
}

/** Replaces each reference by what it points at (or a name that points at nothing). */
export function resolve(value: unknown, targets: Record<Ref['$ref'], readonly string[]>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, targets));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.$ref === 'string' && typeof record.pick === 'number') {
    const found = targets[record.$ref as Ref['$ref']];
    return found.length > 0 ? found[record.pick % found.length] : `no-${record.$ref}`;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(record)) setOwn(copy, key, resolve(inner, targets));
  return copy;
}

// --- Transport -----------------------------------------------------------------------------

export const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=nonsense',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'multipart/form-data',
  'application/octet-stream',
  'application/jsonp',
  '*/*',
  'garbage',
  '',
);

export const acceptLanguages = fc.oneof(
  fc.constantFrom(
    'fr-BE',
    'nl',
    'de-DE,de;q=0.9',
    'en',
    '*',
    '',
    'xx',
    'fr;q=abc',
    ';;;,,,',
    'q=1',
  ),
  fc.string({ maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);

/** Header values fetch accepts: visible ASCII, no line breaks. */
export const headerText = fc
  .string({ maxLength: 60 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, '').trim());

/** Raw bodies that are not the JSON they claim to be. */
export const garbageBody = fc.oneof(
  fc.constantFrom(
    '{',
    '{"commandId":',
    '[]',
    'null',
    '0',
    '"string"',
    'true',
    '{"a":1}{"b":2}',
    '\u0000',
    '{"__proto__":{"polluted":true},"commandId":"x","command":{"type":"CheckIn"}}',
    '{"constructor":{"prototype":{"polluted":true}},"commandId":"y","command":{"type":"CheckIn"}}',
    '{"commandId":"z","command":{"type":"CheckIn","__proto__":{"isAdmin":true}}}',
    'commandId=a&command[type]=CheckIn',
    'commandId=b&command[type]=CloseMeeting&command[__proto__][polluted]=1',
    '--xyz\r\nContent-Disposition: form-data; name="commandId"\r\n\r\nc\r\n--xyz--\r\n',
    `{"commandId":"d","command":{"type":"ProposeMotion","text":"${'é'.repeat(3_000)}"}}`,
    `[${'['.repeat(5_000)}${']'.repeat(5_000)}]`,
    `{"n":${'9'.repeat(400)}}`,
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface RawReply {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/**
 * One request over real HTTP, as a client would make it. A stream is read only until its headers
 * (and what is sent at once) came; the client then goes away, as a closed tab does.
 */
export async function sendRaw(url: string, request: RawRequest): Promise<RawReply> {
  const controller = new AbortController();
  // A request left without an answer is a failure too, not a test that never ends.
  const unanswered = setTimeout(() => {
    controller.abort(new Error(`no answer to ${request.method} ${request.path.slice(0, 200)}`));
  }, 15_000);
  try {
    return await exchange(url, request, controller);
  } finally {
    clearTimeout(unanswered);
  }
}

async function exchange(
  url: string,
  request: RawRequest,
  controller: AbortController,
): Promise<RawReply> {
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    headers: request.headers ?? {},
    signal: controller.signal,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    const reader = response.body?.getReader();
    const first = await reader?.read();
    controller.abort();
    return { status: response.status, contentType, text: new TextDecoder().decode(first?.value) };
  }
  return { status: response.status, contentType, text: await response.text() };
}

/** A refusal in the catalogue's terms: a JSON body with a code and a message. */
export function isProblem(reply: RawReply): boolean {
  try {
    const body = JSON.parse(reply.text) as { code?: unknown; message?: unknown };
    return typeof body.code === 'string' && typeof body.message === 'string';
  } catch {
    return false;
  }
}

// --- A service to fuzz -----------------------------------------------------------------------

export interface Fuzzed<T> {
  /** What `start` made, once beforeAll has run. */
  readonly it: T;
  /** A token for a person, made once (signing costs more than a request). */
  token(objectId: string, tenantId?: string): Promise<string>;
}

/**
 * For one `describe`: `start` on a fresh database before all tests (PGlite, or a schema of its
 * own on PostgreSQL), closed and dropped after them.
 */
export function fuzzed<T extends { close(): Promise<void> }>(
  fresh: () => Promise<TestDatabase>,
  start: (db: Db) => Promise<T>,
  running: (it: T) => RunningService,
): Fuzzed<T> {
  let it: T | undefined;
  let drop = () => Promise.resolve();
  const tokens = new Map<string, Promise<string>>();
  beforeAll(async () => {
    const database = await fresh();
    drop = () => database.drop();
    it = await start(await database.connect());
  });
  afterAll(async () => {
    await it?.close();
    await drop();
  });
  const started = () => {
    if (!it) throw new Error('the service has not started');
    return it;
  };
  return {
    get it() {
      return started();
    },
    token(objectId, tenantId = demo.tenantId) {
      const key = `${tenantId}/${objectId}`;
      if (!tokens.has(key)) tokens.set(key, running(started()).tokenFor(objectId, tenantId));
      return tokens.get(key) as Promise<string>;
    },
  };
}

/** The service on a fresh database, with the demo council's meeting open at its first item. */
export function fuzzedMeeting(fresh: () => Promise<TestDatabase>) {
  return fuzzed(
    fresh,
    async (db) => {
      const running = await startService(undefined, { db, env: loadTestLimits });
      const { meetingId } = await openDemoMeeting(running);
      return { running, meetingId, close: () => running.close() };
    },
    (it) => it.running,
  );
}
