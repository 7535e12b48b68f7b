import { createAuthenticator } from '../../bot/src/auth';
import {
  CLIENT_ID,
  MEMBER,
  OTHER_TENANT,
  TEAMS_CLIENT,
  TENANT,
  base64url,
  makeSigningKey,
  signToken,
  ssoClaims,
  startJwksServer,
  type JwksServer,
  type SigningKey,
} from './auth/support/entra-fixture';
import { demo, startService, type RunningService } from './support/service';

let jwks: JwksServer;
let key: SigningKey;
let running: RunningService;
let meetingId: string;

const call = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${running.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });

beforeAll(async () => {
  key = await makeSigningKey('key-1');
  jwks = await startJwksServer([key.publicJwk]);
  const auth = await createAuthenticator({
    mode: 'entra',
    entra: {
      clientId: CLIENT_ID,
      jwksUrl: jwks.url,
      allowedTenants: [TENANT],
      allowedClientApps: [TEAMS_CLIENT],
    },
  });
  running = await startService(undefined, { signIn: auth });
  const council = {
    ...demo,
    tenantId: TENANT,
    director: { ...demo.director, aadObjectId: MEMBER },
  };
  const secretariat = ssoClaims({ roles: ['Council.Secretariat'] });
  const created = await call(await signToken(key, secretariat), '/api/meetings', {
    method: 'POST',
    body: JSON.stringify({ commandId: 'sso-create', council }),
  });
  expect(created.status).toBe(201);
  meetingId = ((await created.json()) as { meetingId: string }).meetingId;
});
afterAll(async () => {
  await running.close();
  await jwks.close();
});

test('a valid Teams SSO token signs the director in, as the tenant id and object id it carries', async () => {
  const reply = await call(await signToken(key, ssoClaims()), `/api/meetings/${meetingId}`);
  expect(reply.status).toBe(200);
  expect(await reply.json()).toMatchObject({ you: { memberId: MEMBER, role: 'director' } });
});

test.each([
  ['expired', () => ssoClaims({ exp: Math.floor(Date.now() / 1000) - 600 })],
  ['for another audience', () => ssoClaims({ aud: 'api://someone-else/0000' })],
  ['from another issuer', () => ssoClaims({ iss: 'https://evil.example/v2.0' })],
  [
    'of a tenant that is not allowed',
    () =>
      ssoClaims({
        tid: OTHER_TENANT,
        iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
      }),
  ],
  ['without access_as_user', () => ssoClaims({ scp: 'User.Read' })],
  [
    'for another app’s URI that ends in our client id',
    () => ssoClaims({ aud: `api://other.example/${CLIENT_ID}` }),
  ],
  [
    'of the v1 form (issuer sts.windows.net)',
    () => ssoClaims({ iss: `https://sts.windows.net/${TENANT}/` }),
  ],
  [
    'of the v1 form for our application id URI',
    () =>
      ssoClaims({
        iss: `https://sts.windows.net/${TENANT}/`,
        aud: `api://council.example.org/${CLIENT_ID}`,
        ver: '1.0',
      }),
  ],
  [
    'of a foreign tenant, even under that tenant’s own v2 issuer',
    () =>
      ssoClaims({
        tid: 'f0f0f0f0-0000-4000-8000-00000000f0f0',
        iss: 'https://login.microsoftonline.com/f0f0f0f0-0000-4000-8000-00000000f0f0/v2.0',
      }),
  ],
  [
    'asked for by another client app than Teams',
    () => ssoClaims({ azp: 'c0ffee00-0000-4000-8000-00000000c0de' }),
  ],
  ['for the reserved object id system', () => ssoClaims({ oid: 'System' })],
])('a token %s is refused with 401', async (_case, claims) => {
  const reply = await call(await signToken(key, claims()), `/api/meetings/${meetingId}`);
  expect(reply.status).toBe(401);
  expect(await reply.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
});

test('an unsigned token (alg none) and a tampered token are refused with 401', async () => {
  const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(ssoClaims())}.`;
  expect((await call(unsigned, `/api/meetings/${meetingId}`)).status).toBe(401);
  const [header, , signature] = (await signToken(key, ssoClaims())).split('.');
  const tampered = `${header}.${base64url(ssoClaims({ oid: 'someone-else' }))}.${signature}`;
  expect((await call(tampered, `/api/meetings/${meetingId}`)).status).toBe(401);
});

test('without the Council.Secretariat app role in its roles claim, an SSO token creates no meeting (403)', async () => {
  const council = {
    ...demo,
    tenantId: TENANT,
    director: { ...demo.director, aadObjectId: MEMBER },
  };
  for (const roles of [undefined, [], ['Council.Observer'], 'Council.Secretariat']) {
    const reply = await call(await signToken(key, ssoClaims({ roles })), '/api/meetings', {
      method: 'POST',
      body: JSON.stringify({ commandId: 'sso-create-again', council }),
    });
    const body = (await reply.json()) as unknown;
    expect({ roles, status: reply.status, body }).toMatchObject({
      roles,
      status: 403,
      body: { code: 'NOT_MEETING_CREATOR' },
    });
  }
});
