import { generateKeyPairSync, sign } from 'node:crypto';
import { createEntraVerifier } from '../../../bot/src/auth';
import {
  base64url,
  bearer,
  CLIENT_ID,
  makeSigningKey,
  refusal,
  signToken,
  ssoClaims,
  startJwksServer,
  type JwksServer,
  advanceWallClock,
} from './support/entra-fixture';

const servers: JwksServer[] = [];
const keyServer = async (...args: Parameters<typeof startJwksServer>): Promise<JwksServer> => {
  const server = await startJwksServer(...args);
  servers.push(server);
  return server;
};

afterEach(async () => {
  jest.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

test('the published keys are fetched once for many verifications, sequential and concurrent', async () => {
  const key = await makeSigningKey('entra-key-1');
  const jwks = await keyServer([key.publicJwk]);
  const verify = createEntraVerifier({ clientId: CLIENT_ID, jwksUrl: jwks.url });

  const tokens = await Promise.all(
    Array.from({ length: 50 }, (_, i) => signToken(key, ssoClaims({ oid: `member-${i}` }))),
  );
  const concurrent = await Promise.all(tokens.slice(0, 25).map((t) => verify(bearer(t))));
  const sequential = [];
  for (const token of tokens.slice(25)) sequential.push(await verify(bearer(token)));

  expect([...concurrent, ...sequential].map((identity) => identity.objectId)).toEqual(
    tokens.map((_, i) => `member-${i}`),
  );
  expect(jwks.requests()).toBe(1);
});

test('tokens with unknown key ids do not make the verifier fetch the keys again within the cooldown', async () => {
  const key = await makeSigningKey('entra-key-1');
  const stranger = await makeSigningKey('stranger-key');
  const jwks = await keyServer([key.publicJwk]);
  const verify = createEntraVerifier({ clientId: CLIENT_ID, jwksUrl: jwks.url });
  await verify(bearer(await signToken(key, ssoClaims())));

  for (let i = 0; i < 20; i += 1) {
    const forged = await signToken(stranger, ssoClaims(), { kid: `guess-${i}` });
    expect(await refusal(verify(bearer(forged)))).toBe('unknown_signing_key');
  }
  expect(jwks.requests()).toBe(1);
});

test('a key Entra adds later (rotation) is picked up once the cooldown has passed', async () => {
  const current = await makeSigningKey('entra-key-1');
  const next = await makeSigningKey('entra-key-2');
  const jwks = await keyServer([current.publicJwk]);
  const verify = createEntraVerifier({ clientId: CLIENT_ID, jwksUrl: jwks.url });
  await verify(bearer(await signToken(current, ssoClaims())));

  jwks.publish([current.publicJwk, next.publicJwk]);
  advanceWallClock(31);
  const identity = await verify(bearer(await signToken(next, ssoClaims())));

  expect(identity.objectId).toBe(ssoClaims().oid);
  expect(jwks.requests()).toBe(2);
});

test('when the key endpoint cannot be reached, the request is refused, not let through', async () => {
  const key = await makeSigningKey('entra-key-1');
  const gone = await startJwksServer([key.publicJwk]);
  await gone.close();
  const verify = createEntraVerifier({ clientId: CLIENT_ID, jwksUrl: gone.url });

  expect(await refusal(verify(bearer(await signToken(key, ssoClaims()))))).toBe(
    'signing_keys_unavailable',
  );
});

test.each([
  ['a client id that is not an id', { clientId: 'x.*' }],
  ['an empty tenant list', { clientId: CLIENT_ID, allowedTenants: [] }],
  [
    'keys over plain http from another host',
    { clientId: CLIENT_ID, jwksUrl: 'http://keys.example.org/keys' },
  ],
  ['a key URL that is not a URL', { clientId: CLIENT_ID, jwksUrl: 'not a url' }],
  ['a negative clock skew', { clientId: CLIENT_ID, clockSkewSeconds: -1 }],
])('a verifier is not made from a configuration with %s', (_case, config) => {
  expect(() => createEntraVerifier(config)).toThrow(/Entra sign-in is misconfigured/);
});

test('every configuration problem is listed at once', () => {
  expect(() =>
    createEntraVerifier({ clientId: '', allowedTenants: [], clockSkewSeconds: Number.NaN }),
  ).toThrow(
    "Entra sign-in is misconfigured: clientId must be the application (client) id; allowedTenants must list tenant ids, or be 'any'; clockSkewSeconds must be between 0 and 300.",
  );
});

test('a token signed with a published RSA key shorter than 2048 bits is refused', async () => {
  const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwks = await keyServer([{ ...weak.publicKey.export({ format: 'jwk' }), kid: 'weak' }]);
  const verify = createEntraVerifier({ clientId: CLIENT_ID, jwksUrl: jwks.url });
  const signingInput = `${base64url({ alg: 'RS256', typ: 'JWT', kid: 'weak' })}.${base64url(ssoClaims())}`;
  const signature = sign('sha256', Buffer.from(signingInput), weak.privateKey).toString(
    'base64url',
  );

  expect(await refusal(verify(bearer(`${signingInput}.${signature}`)))).toBe('unverifiable');
});
