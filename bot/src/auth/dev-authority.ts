import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { bearerToken } from './bearer';
import type { Authenticate } from './authenticate';
import { identityFromClaims, TAB_API_SCOPE } from './identity';
import { verifyRs256 } from './verify-jwt';

/** Who a dev token speaks for; in dev mode the caller chooses. */
export interface DevSubject {
  readonly tenantId: string;
  readonly objectId: string;
  readonly name: string;
  /** App roles the token carries, as Entra puts the tenant's assignments in `roles`. */
  readonly roles?: readonly string[];
}

export interface DevAuthorityOptions {
  /** Default 600 (ten minutes). */
  readonly tokenLifetimeSeconds?: number;
  /** Default 60. */
  readonly clockSkewSeconds?: number;
}

export interface DevAuthority {
  readonly issue: (subject: DevSubject) => Promise<string>;
  readonly authenticate: Authenticate;
}

// Unlike any Entra issuer or client id; the dev key, published nowhere, already keeps these
// tokens out of an Entra verifier.
const DEV_ISSUER = 'urn:council:dev-authority';
const DEV_AUDIENCE = 'urn:council:tab-api';

/**
 * A local stand-in for Entra: a key pair made at start, never stored, signs short-lived RS256
 * tokens shaped like Teams SSO tokens. Only for `AUTH_MODE=dev`, behind `assertDevAuthAllowed`.
 */
export async function createDevAuthority(options: DevAuthorityOptions = {}): Promise<DevAuthority> {
  const lifetime = options.tokenLifetimeSeconds ?? 600;
  const clockSkewSeconds = options.clockSkewSeconds ?? 60;
  if (!Number.isInteger(lifetime) || lifetime <= 0) {
    throw new Error('tokenLifetimeSeconds must be a positive whole number');
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();

  return {
    async issue({ tenantId, objectId, name, roles = [] }) {
      if (tenantId === '' || objectId === '')
        throw new Error('a dev subject needs a tenant and an object id');
      return new SignJWT({
        tid: tenantId,
        oid: objectId,
        name,
        scp: TAB_API_SCOPE,
        ...(roles.length > 0 ? { roles: [...roles] } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(objectId)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${lifetime}s`)
        .sign(privateKey);
    },
    async authenticate(authorization) {
      const claims = await verifyRs256(bearerToken(authorization), () => publicKey, {
        clockSkewSeconds,
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
      });
      return identityFromClaims(claims);
    },
  };
}
