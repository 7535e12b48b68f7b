import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { AuthError } from '../../../../bot/src/auth';

export const CLIENT_ID = '6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7';
export const TENANT = 'a1b2c3d4-0000-4000-8000-000000000001';
export const OTHER_TENANT = 'a1b2c3d4-0000-4000-8000-000000000002';
export const MEMBER = '0b7e1f9a-1111-4111-8111-111111111111';
/** Teams' desktop and mobile client, which aad.manifest.json pre-authorizes. */
export const TEAMS_CLIENT = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function makeSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/** A stand-in for Entra's key endpoint on 127.0.0.1 that counts the requests it answers. */
export interface JwksServer {
  readonly url: string;
  readonly requests: () => number;
  readonly publish: (keys: readonly JWK[]) => void;
  readonly close: () => Promise<void>;
}

export async function startJwksServer(keys: readonly JWK[]): Promise<JwksServer> {
  let published = keys;
  let requests = 0;
  const server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: published }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    requests: () => requests,
    publish: (next) => {
      published = next;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Moves only the wall clock (which jose reads) forward; sockets and timers keep real time. */
export function advanceWallClock(seconds: number): void {
  const later = Date.now() + seconds * 1000;
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
    now: later,
  });
}

const now = (): number => Math.floor(Date.now() / 1000);

/** The claims of a Teams SSO token (v2) for the tab's API, as Entra issues it. */
export function ssoClaims(overrides: Record<string, unknown> = {}): JWTPayload {
  const claims: Record<string, unknown> = {
    aud: CLIENT_ID,
    azp: TEAMS_CLIENT,
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    iat: now() - 10,
    nbf: now() - 10,
    exp: now() + 3600,
    name: 'Ana Peeters',
    oid: MEMBER,
    preferred_username: 'ana.peeters@liege.example',
    scp: 'access_as_user',
    sub: 'pairwise-subject',
    tid: TENANT,
    ver: '2.0',
    ...overrides,
  };
  // An override of `undefined` removes the claim.
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}

export async function signToken(
  key: SigningKey,
  claims: JWTPayload,
  header: { kid?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })
    .sign(key.privateKey);
}

export function bearer(token: string): string {
  return `Bearer ${token}`;
}

export function base64url(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

/** Asserts a refusal the service turns into 401, and returns its reason. */
export async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error: unknown = await attempt.then(
    () => {
      throw new Error('expected the request to be refused, but it was authenticated');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  return (error as AuthError).reason;
}
