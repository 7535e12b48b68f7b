import { exportSPKI, importJWK, SignJWT } from 'jose';
import { createEntraVerifier, type Authenticate } from '../../../bot/src/auth';
import {
  base64url,
  bearer,
  CLIENT_ID,
  makeSigningKey,
  MEMBER,
  OTHER_TENANT,
  refusal,
  signToken,
  ssoClaims,
  startJwksServer,
  TEAMS_CLIENT,
  TENANT,
  type JwksServer,
  type SigningKey,
} from './support/entra-fixture';

let entraKey: SigningKey;
let strangerKey: SigningKey;
let jwks: JwksServer;
let verify: Authenticate;

beforeAll(async () => {
  entraKey = await makeSigningKey('entra-key-1');
  strangerKey = await makeSigningKey('stranger-key');
  jwks = await startJwksServer([entraKey.publicJwk]);
  verify = createEntraVerifier({
    clientId: CLIENT_ID,
    allowedTenants: [TENANT],
    jwksUrl: jwks.url,
  });
});

afterAll(async () => {
  await jwks.close();
});

const now = (): number => Math.floor(Date.now() / 1000);
const sso = async (overrides: Record<string, unknown> = {}): Promise<string> =>
  bearer(await signToken(entraKey, ssoClaims(overrides)));

describe('a Teams SSO token is accepted', () => {
  test('a v2 token issued by login.microsoftonline.com/{tid}/v2.0 for the client id identifies the member', async () => {
    const exp = now() + 600;
    await expect(verify(await sso({ exp }))).resolves.toEqual({
      tenantId: TENANT,
      objectId: MEMBER,
      name: 'Ana Peeters',
      preferredUsername: 'ana.peeters@liege.example',
      roles: [],
      expiresAt: exp * 1000,
    });
  });

  test('the app roles the tenant assigned (the roles claim) are carried, and nothing else is taken for one', async () => {
    const roles = ['Council.Secretariat', '', 7, { value: 'Council.Secretariat' }];
    await expect(verify(await sso({ roles }))).resolves.toMatchObject({
      roles: ['Council.Secretariat'],
    });
    await expect(verify(await sso({ roles: 'Council.Secretariat' }))).resolves.toMatchObject({
      roles: [],
    });
  });

  test('the configured application id URI is accepted as audience', async () => {
    const withUri = createEntraVerifier({
      clientId: CLIENT_ID,
      applicationIdUri: 'https://council.example.org/tab-api',
      jwksUrl: jwks.url,
    });
    const header = await sso({ aud: 'https://council.example.org/tab-api' });
    await expect(withUri(header)).resolves.toMatchObject({ tenantId: TENANT, objectId: MEMBER });
  });

  test('with allowed client apps, a token requested by one of them (azp) is accepted', async () => {
    const teamsOnly = createEntraVerifier({
      clientId: CLIENT_ID,
      jwksUrl: jwks.url,
      allowedClientApps: [TEAMS_CLIENT],
    });
    await expect(teamsOnly(await sso({ azp: TEAMS_CLIENT }))).resolves.toMatchObject({
      objectId: MEMBER,
    });
  });

  test('access_as_user among other scopes is enough', async () => {
    await expect(
      verify(await sso({ scp: 'User.Read access_as_user openid' })),
    ).resolves.toMatchObject({ objectId: MEMBER });
  });

  test('a token expired less than the clock skew ago is still accepted', async () => {
    await expect(verify(await sso({ exp: now() - 30 }))).resolves.toMatchObject({
      objectId: MEMBER,
    });
  });

  test('a token valid within the clock skew from now is already accepted', async () => {
    await expect(verify(await sso({ nbf: now() + 30 }))).resolves.toMatchObject({
      objectId: MEMBER,
    });
  });

  test("with allowedTenants 'any' (the default), a member of any tenant is accepted", async () => {
    const anyTenant = createEntraVerifier({ clientId: CLIENT_ID, jwksUrl: jwks.url });
    const header = await sso({
      tid: OTHER_TENANT,
      iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
    });
    await expect(anyTenant(header)).resolves.toMatchObject({ tenantId: OTHER_TENANT });
  });
});

describe('a token is refused with UNAUTHENTICATED', () => {
  test('an expired token is refused', async () => {
    expect(await refusal(verify(await sso({ exp: now() - 120 })))).toBe('expired');
  });

  test('a token not yet valid is refused', async () => {
    expect(await refusal(verify(await sso({ nbf: now() + 120 })))).toBe('not_yet_valid');
  });

  test('a token without an expiry is refused', async () => {
    expect(await refusal(verify(await sso({ exp: undefined })))).toBe('missing_claim');
  });

  test.each([
    ['another application', 'c0ffee00-0000-4000-8000-00000000c0de'],
    [
      'another application id URI',
      'api://council.example.org/c0ffee00-0000-4000-8000-00000000c0de',
    ],
    ['a URI that only starts with the client id', `api://${CLIENT_ID}`],
    ['a URI that embeds the client id', `api://x/${CLIENT_ID}/more`],
    ['another app’s URI ending in the client id', `api://other.example/${CLIENT_ID}`],
    ['Microsoft Graph', '00000003-0000-0000-c000-000000000000'],
  ])('a token for %s is refused (wrong audience)', async (_case, aud) => {
    expect(await refusal(verify(await sso({ aud })))).toBe('wrong_audience');
  });

  test('a token without an audience is refused', async () => {
    expect(await refusal(verify(await sso({ aud: undefined })))).toBe('wrong_audience');
  });

  test.each([
    ['an unknown authority', `https://login.example.com/${TENANT}/v2.0`],
    ['the common endpoint', 'https://login.microsoftonline.com/common/v2.0'],
    ['a v2 issuer without /v2.0', `https://login.microsoftonline.com/${TENANT}`],
    ['plain http', `http://sts.windows.net/${TENANT}/`],
    ['the v1 authority (sts.windows.net)', `https://sts.windows.net/${TENANT}/`],
  ])('a token issued by %s is refused (wrong issuer)', async (_case, iss) => {
    expect(await refusal(verify(await sso({ iss })))).toBe('wrong_issuer');
  });

  test('a token whose issuer is another tenant than its tid is refused', async () => {
    const header = await sso({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` });
    expect(await refusal(verify(header))).toBe('wrong_issuer');
  });

  test('a token from a tenant that is not allowed is refused', async () => {
    const header = await sso({
      tid: OTHER_TENANT,
      iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
    });
    expect(await refusal(verify(header))).toBe('tenant_not_allowed');
  });

  test.each([
    ['another client app', 'c0ffee00-0000-4000-8000-00000000c0de'],
    ['no client app at all', undefined],
  ])('with allowed client apps, a token requested by %s is refused', async (_case, azp) => {
    const teamsOnly = createEntraVerifier({
      clientId: CLIENT_ID,
      jwksUrl: jwks.url,
      allowedClientApps: [TEAMS_CLIENT],
    });
    expect(await refusal(teamsOnly(await sso({ azp })))).toBe('client_app_not_allowed');
  });

  test.each(['system', 'SYSTEM', 'System'])(
    'a token whose object id is the reserved %s is refused',
    async (oid) => {
      expect(await refusal(verify(await sso({ oid })))).toBe('reserved_identity');
    },
  );

  test.each([
    ['another scope only', 'User.Read'],
    ['a scope that merely contains the name', 'access_as_user_admin'],
    ['no scope at all (an app-only token)', undefined],
  ])('a token with %s is refused (missing access_as_user)', async (_case, scp) => {
    expect(await refusal(verify(await sso({ scp, roles: ['Council.Read'] })))).toBe(
      'missing_scope',
    );
  });

  test.each(['oid', 'tid'])('a token without %s is refused', async (claim) => {
    expect(await refusal(verify(await sso({ [claim]: undefined })))).toBe('missing_claim');
  });

  test('an unsigned token (alg: none) is refused', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT', kid: entraKey.kid })}.${base64url(ssoClaims())}.`;
    expect(await refusal(verify(bearer(unsigned)))).toBe('algorithm_not_allowed');
  });

  test('an HS256 token signed with the public key as its secret is refused (algorithm confusion)', async () => {
    const publicKey = await importJWK(entraKey.publicJwk, 'RS256', { extractable: true });
    const secret = new TextEncoder().encode(await exportSPKI(publicKey as CryptoKey));
    const forged = await new SignJWT(ssoClaims())
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: entraKey.kid })
      .sign(secret);
    expect(await refusal(verify(bearer(forged)))).toBe('algorithm_not_allowed');
  });

  test('a token whose payload was altered after signing is refused', async () => {
    const [header, , signature] = (await signToken(entraKey, ssoClaims())).split('.');
    const promoted = base64url(ssoClaims({ oid: 'the-chair-object-id' }));
    expect(await refusal(verify(bearer(`${header}.${promoted}.${signature}`)))).toBe(
      'bad_signature',
    );
  });

  test('a token signed by another key under a published key id is refused', async () => {
    const forged = await signToken(strangerKey, ssoClaims(), { kid: entraKey.kid });
    expect(await refusal(verify(bearer(forged)))).toBe('bad_signature');
  });

  test('a token signed with a key id the key set does not publish is refused', async () => {
    const forged = await signToken(strangerKey, ssoClaims());
    expect(await refusal(verify(bearer(forged)))).toBe('unknown_signing_key');
  });

  test.each([
    ['no Authorization header', undefined, 'missing_authorization'],
    ['an empty header', '', 'missing_authorization'],
    ['Basic credentials', 'Basic YW5hOnNlY3JldA==', 'not_bearer'],
    ['a bare token without the Bearer scheme', 'eyJ.eyJ.sig', 'not_bearer'],
    ['Bearer and nothing', 'Bearer ', 'not_bearer'],
    ['a token that is not three base64url parts', 'Bearer not-a-jwt', 'not_bearer'],
    ['two tokens', 'Bearer a.b.c d.e.f', 'not_bearer'],
    ['a garbled token', 'Bearer eyJhbGciOi.JSUzI1NiJ9.garbage', 'malformed_token'],
    ['an oversized header', `Bearer ${'a'.repeat(20_000)}.b.c`, 'malformed_token'],
  ])('%s is refused', async (_case, header, reason) => {
    expect(await refusal(verify(header))).toBe(reason);
  });

  test('the reason and message of a refusal never contain the token', async () => {
    const token = await signToken(entraKey, ssoClaims({ exp: now() - 120 }));
    const error: unknown = await verify(bearer(token)).catch((e: unknown) => e);
    const [, payload = '', signature = ''] = token.split('.');
    const logged = JSON.stringify(error) + String(error) + (error as Error).message;
    expect(logged).not.toContain(payload);
    expect(logged).not.toContain(signature);
    expect(logged).not.toContain(MEMBER);
    expect(error).not.toHaveProperty('cause');
  });
});
