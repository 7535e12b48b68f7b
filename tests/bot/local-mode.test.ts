/**
 * Local mode stays local: dev sign-in and the bot without Bot Framework auth answer only requests
 * made on this machine to a loopback name, never what a tunnel, a proxy or a rebound DNS name
 * passes on; and /api/messages takes only Teams activities, as JSON.
 */
import { createAuthenticator } from '../../bot/src/auth';
import { teamsChat } from '../../bot/src/teams';
import { startConnector, type Connector } from './support/connector';
import { rawRequest } from './support/raw-http';
import { demo, startService, type RunningService } from './support/service';
import { chatOf, chatPerson, type Activity } from './support/teams';
import { BOT_START_MS, MEETING_CHAT, startBot, type RunningBot } from './teams/bot';

jest.setTimeout(BOT_START_MS);

let dev: RunningBot;
let port: string;

beforeAll(async () => {
  dev = await startBot();
  port = new URL(dev.running.url).port;
});
afterAll(async () => {
  await dev.close();
});

const json = { 'content-type': 'application/json' };
const subject = JSON.stringify({ tenantId: demo.tenantId, objectId: 'ana', name: 'Ana' });

const signIn = (headers: Record<string, string>) =>
  rawRequest(dev.running.url, {
    method: 'POST',
    path: '/api/dev/token',
    headers: { ...json, ...headers },
    body: subject,
  });

const elsewhere = (): [string, Record<string, string>][] => [
  ['a public name', { host: 'council.example.org' }],
  ['a rebound DNS name on our port', { host: `attacker.example:${port}` }],
  ['a name that only starts like localhost', { host: `localhost.attacker.example:${port}` }],
  ['a name that resolves to loopback elsewhere', { host: `127.0.0.1.nip.io:${port}` }],
  ['an address beyond loopback', { host: `192.168.1.20:${port}` }],
  ['a tunnel (X-Forwarded-For)', { host: `localhost:${port}`, 'x-forwarded-for': '203.0.113.7' }],
  [
    'a tunnel (X-Forwarded-Host)',
    { host: `127.0.0.1:${port}`, 'x-forwarded-host': 'abcd-3978.euw.devtunnels.ms' },
  ],
  ['a proxy (X-Forwarded-Proto)', { host: `127.0.0.1:${port}`, 'x-forwarded-proto': 'https' }],
  ['a proxy (Forwarded)', { host: `127.0.0.1:${port}`, forwarded: 'for=203.0.113.7' }],
];

describe('dev sign-in answers this machine only', () => {
  test.each([
    ['127.0.0.1', () => `127.0.0.1:${port}`],
    ['localhost', () => `localhost:${port}`],
    ['::1', () => `[::1]:${port}`],
  ])('a dev token is issued to a request for %s', async (_case, host) => {
    const reply = await signIn({ host: host() });
    expect(reply.status).toBe(200);
    expect(reply.body.token).toEqual(expect.any(String));
  });

  test.each(elsewhere())(
    'a dev token is refused (403 LOCAL_ONLY) to a request through %s',
    async (_case, headers) => {
      const reply = await signIn(headers);
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ code: 'LOCAL_ONLY' });
      expect(reply.body).not.toHaveProperty('token');
    },
  );

  test.each(elsewhere())(
    'a dev token already issued is refused on every route through %s, and changes nothing',
    async (_case, headers) => {
      const token = await dev.running.tokenFor(dev.chair.aadObjectId);
      const authorization = `Bearer ${token}`;
      const before = await dev.running.service.meetings.load(dev.meetingId);
      const read = await rawRequest(dev.running.url, {
        path: `/api/meetings/${dev.meetingId}`,
        headers: { ...headers, authorization },
      });
      const command = await rawRequest(dev.running.url, {
        method: 'POST',
        path: `/api/meetings/${dev.meetingId}/commands`,
        headers: { ...headers, ...json, authorization },
        body: JSON.stringify({ commandId: `open-${_case}`, command: { type: 'OpenMeeting' } }),
      });
      for (const reply of [read, command]) {
        expect(reply.status).toBe(403);
        expect(reply.body).toMatchObject({ code: 'LOCAL_ONLY' });
      }
      expect((await dev.running.service.meetings.load(dev.meetingId))?.version).toBe(
        before?.version,
      );
      const local = await rawRequest(dev.running.url, {
        path: `/api/meetings/${dev.meetingId}`,
        headers: { host: `127.0.0.1:${port}`, authorization },
      });
      expect(local.status).toBe(200);
    },
  );
});

describe('the bot without Bot Framework auth answers this machine only', () => {
  let entra: RunningService;
  let connector: Connector;
  let activity: () => Activity;

  beforeAll(async () => {
    connector = await startConnector();
    // Entra sign-in for the tab, so that only the bot's own local mode guards /api/messages.
    const signInWithEntra = await createAuthenticator({
      mode: 'entra',
      entra: { clientId: 'sign-in-app', jwksUrl: 'http://127.0.0.1:9/keys' },
    });
    entra = await startService(undefined, {
      signIn: signInWithEntra,
      chat: teamsChat({ config: { MicrosoftAppType: 'SingleTenant' } }),
    });
    const chat = chatOf({
      serviceUrl: connector.url,
      conversationId: MEETING_CHAT,
      tenantId: demo.tenantId,
    });
    activity = () => chat.message(chatPerson(demo.director), 'help');
  });
  afterAll(async () => {
    await entra.close();
    await connector.close();
  });

  const send = (headers: Record<string, string>, body: unknown = activity()) =>
    rawRequest(entra.url, {
      method: 'POST',
      path: '/api/messages',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const loopback = () => ({ host: `127.0.0.1:${new URL(entra.url).port}`, ...json });

  test('an activity from this machine is answered', async () => {
    const before = connector.calls.length;
    expect((await send(loopback())).status).toBe(200);
    expect(connector.calls.length).toBeGreaterThan(before);
  });

  test.each([
    ['a rebound DNS name', { host: 'attacker.example' }],
    ['a tunnel (X-Forwarded-For)', { 'x-forwarded-for': '203.0.113.7' }],
    ['a tunnel (X-Forwarded-Host)', { 'x-forwarded-host': 'abcd-3978.euw.devtunnels.ms' }],
    ['a proxy (Forwarded)', { forwarded: 'for=203.0.113.7;proto=https' }],
  ])('an activity through %s is refused with 403, and the bot says nothing', async (_c, extra) => {
    const before = connector.calls.length;
    const reply = await send({ ...loopback(), ...extra });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ code: 'LOCAL_ONLY' });
    expect(connector.calls.length).toBe(before);
  });

  test.each(['webchat', 'directline', 'emulator', 'MSTEAMS'])(
    'an activity of the %s channel is refused with 400, and the bot says nothing',
    async (channelId) => {
      const before = connector.calls.length;
      const reply = await send(loopback(), { ...activity(), channelId });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'INVALID_COMMAND' });
      expect(connector.calls.length).toBe(before);
    },
  );

  test.each([
    ['a form', 'application/x-www-form-urlencoded', () => new URLSearchParams(flat(activity()))],
    ['text', 'text/plain', () => JSON.stringify(activity())],
    ['no content type', '', () => JSON.stringify(activity())],
  ])(
    'an activity sent as %s is refused with 415, and the bot says nothing',
    async (_c, type, body) => {
      const before = connector.calls.length;
      const headers: Record<string, string> = { ...loopback(), 'content-type': type };
      if (type === '') delete headers['content-type'];
      const reply = await send(headers, String(body()));
      expect(reply.status).toBe(415);
      expect(reply.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(connector.calls.length).toBe(before);
    },
  );
});

/** An activity as form fields (`from[aadObjectId]=…`), which restify's body parser nests again. */
function flat(value: unknown, prefix = ''): [string, string][] {
  if (typeof value !== 'object' || value === null) return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([key, inner]) =>
    flat(inner, prefix ? `${prefix}[${key}]` : key),
  );
}
