import { decodeJwt } from 'jose';
import {
  assertDevAuthAllowed,
  createAuthenticator,
  createDevAuthority,
  createEntraVerifier,
  type DevAuthority,
} from '../../../bot/src/auth';
import {
  bearer,
  CLIENT_ID,
  makeSigningKey,
  refusal,
  signToken,
  ssoClaims,
  startJwksServer,
  TENANT,
  type JwksServer,
  type SigningKey,
  advanceWallClock,
} from './support/entra-fixture';

const ana = { tenantId: 'dev-tenant', objectId: 'dev-ana', name: 'Ana (dev)' };

let authority: DevAuthority;
let entraKey: SigningKey;
let jwks: JwksServer;

beforeAll(async () => {
  authority = await createDevAuthority();
  entraKey = await makeSigningKey('entra-key-1');
  jwks = await startJwksServer([entraKey.publicJwk]);
});

afterAll(async () => {
  await jwks.close();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('dev tokens', () => {
  test('a dev token is accepted by the dev authority that issued it, as its subject', async () => {
    const token = await authority.issue(ana);
    await expect(authority.authenticate(bearer(token))).resolves.toEqual({
      tenantId: 'dev-tenant',
      objectId: 'dev-ana',
      name: 'Ana (dev)',
      roles: [],
      expiresAt: (decodeJwt(token).exp ?? 0) * 1000,
    });
  });

  test('a dev token carries the app roles it was issued with, as Entra’s roles claim would', async () => {
    const token = await authority.issue({ ...ana, roles: ['Council.Secretariat'] });
    await expect(authority.authenticate(bearer(token))).resolves.toMatchObject({
      roles: ['Council.Secretariat'],
    });
  });

  test('a dev token is refused by an Entra verifier', async () => {
    const verify = createEntraVerifier({ clientId: CLIENT_ID, jwksUrl: jwks.url });
    const token = await authority.issue({ ...ana, tenantId: TENANT });
    expect(await refusal(verify(bearer(token)))).toBe('unknown_signing_key');
  });

  test('a dev token is refused by an Entra verifier even when its key id is a published one', async () => {
    const verify = createEntraVerifier({ clientId: CLIENT_ID, jwksUrl: jwks.url });
    const token = await authority.issue({ ...ana, tenantId: TENANT });
    const [header = '', payload, signature] = token.split('.');
    const relabelled = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(header, 'base64url').toString()),
        kid: entraKey.kid,
      }),
    ).toString('base64url');
    expect(await refusal(verify(bearer(`${relabelled}.${payload}.${signature}`)))).toBe(
      'bad_signature',
    );
  });

  test('a Teams SSO token is refused by the dev authority', async () => {
    const entraToken = await signToken(entraKey, ssoClaims());
    expect(await refusal(authority.authenticate(bearer(entraToken)))).toBe('bad_signature');
  });

  test('a dev token from an earlier start of the server is refused', async () => {
    const earlier = await createDevAuthority();
    const token = await earlier.issue(ana);
    expect(await refusal(authority.authenticate(bearer(token)))).toBe('bad_signature');
  });

  test('a dev token is short-lived: refused once its lifetime and the clock skew have passed', async () => {
    const shortLived = await createDevAuthority({
      tokenLifetimeSeconds: 300,
      clockSkewSeconds: 60,
    });
    const header = bearer(await shortLived.issue(ana));
    advanceWallClock(355);
    await expect(shortLived.authenticate(header)).resolves.toMatchObject({ objectId: 'dev-ana' });
    advanceWallClock(10);
    expect(await refusal(shortLived.authenticate(header))).toBe('expired');
  });

  test.each([0, -5, 1.5])(
    'a dev authority is not made with a token lifetime of %s seconds',
    async (seconds) => {
      await expect(createDevAuthority({ tokenLifetimeSeconds: seconds })).rejects.toThrow(
        'tokenLifetimeSeconds must be a positive whole number',
      );
    },
  );

  test('a dev token is not issued without a tenant and an object id', async () => {
    await expect(authority.issue({ ...ana, objectId: '' })).rejects.toThrow(
      'a dev subject needs a tenant and an object id',
    );
  });

  test('the dev authority refuses a missing header like the Entra verifier does', async () => {
    expect(await refusal(authority.authenticate(undefined))).toBe('missing_authorization');
  });
});

describe('dev sign-in is only allowed on loopback, outside production', () => {
  const boot = (host: string | undefined, nodeEnv: string | undefined) => (): void => {
    assertDevAuthAllowed({ host, nodeEnv });
  };

  test.each(['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost', 'LOCALHOST'])(
    'a server listening on %s may use dev sign-in',
    (host) => {
      expect(boot(host, 'development')).not.toThrow();
      expect(boot(host, undefined)).not.toThrow();
    },
  );

  test.each([
    ['every IPv4 interface', '0.0.0.0'],
    ['every IPv6 interface', '::'],
    ['every interface (no host)', undefined],
    ['every interface (empty host)', ''],
    ['a public address', '203.0.113.7'],
    ['a private network address', '192.168.1.20'],
    ['a host name', 'council.example.org'],
    ['a name that only starts like localhost', 'localhost.example.org'],
  ])('a server listening on %s may not use dev sign-in', (_case, host) => {
    expect(boot(host, 'development')).toThrow(/AUTH_MODE=dev is refused: the server listens on/);
  });

  test('dev sign-in is refused when NODE_ENV is production, even on loopback', () => {
    expect(boot('127.0.0.1', 'production')).toThrow(
      'AUTH_MODE=dev is refused: NODE_ENV is production.',
    );
  });

  test('both reasons are given when both apply', () => {
    expect(boot('0.0.0.0', 'production')).toThrow(
      'AUTH_MODE=dev is refused: the server listens on "0.0.0.0", not on a loopback address (127.0.0.1, ::1 or localhost); NODE_ENV is production.',
    );
  });
});

describe('the service has one authenticate(header), whatever the mode', () => {
  test('entra mode authenticates Teams SSO tokens and has no way to issue tokens', async () => {
    const auth = await createAuthenticator({
      mode: 'entra',
      entra: { clientId: CLIENT_ID, allowedTenants: [TENANT], jwksUrl: jwks.url },
    });
    const header = bearer(await signToken(entraKey, ssoClaims()));
    await expect(auth.authenticate(header)).resolves.toMatchObject({ tenantId: TENANT });
    expect(auth).not.toHaveProperty('issueDevToken');
  });

  test('dev mode issues dev tokens and authenticates them', async () => {
    const auth = await createAuthenticator({
      mode: 'dev',
      server: { host: '127.0.0.1', nodeEnv: 'development' },
    });
    if (auth.mode !== 'dev') throw new Error('expected dev mode');
    const header = bearer(await auth.issueDevToken(ana));
    await expect(auth.authenticate(header)).resolves.toMatchObject({ objectId: 'dev-ana' });
    const entraToken = await signToken(entraKey, ssoClaims());
    expect(await refusal(auth.authenticate(bearer(entraToken)))).toBe('bad_signature');
  });

  test('dev mode cannot be built for a server that listens on every interface', async () => {
    await expect(
      createAuthenticator({ mode: 'dev', server: { host: '0.0.0.0', nodeEnv: 'development' } }),
    ).rejects.toThrow(/AUTH_MODE=dev is refused/);
  });
});
