import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Authenticate } from './authenticate';
import { bearerToken } from './bearer';
import { AuthError } from './errors';
import { identityFromClaims, requireClaimText } from './identity';
import { isLoopbackHost } from './loopback';
import { verifyRs256 } from './verify-jwt';

export interface EntraVerifierConfig {
  /** The app registration's application (client) id. */
  readonly clientId: string;
  /** The full application id URI, when it is not of the form `api://…/<clientId>`. */
  readonly applicationIdUri?: string;
  /** Tenants whose users may sign in; default 'any' (a multi-tenant app). */
  readonly allowedTenants?: readonly string[] | 'any';
  readonly jwksUrl?: string;
  /** Default 60. */
  readonly clockSkewSeconds?: number;
}

export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/**
 * Verifies Teams SSO tokens (`authentication.getAuthToken`) for the tab's API against Microsoft
 * Entra's published keys. Make it once: the keys are fetched on first use, cached, and fetched
 * again only for an unknown key id, at most once per cooldown (jose's defaults: 10 min, 30 s).
 */
export function createEntraVerifier(config: EntraVerifierConfig): Authenticate {
  const settings = settle(config);
  const publishedKeys = createRemoteJWKSet(settings.jwksUrl);
  const keyFor: JWTVerifyGetKey = async (header, token) => {
    try {
      return await publishedKeys(header, token);
    } catch (error) {
      const unknownKey =
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys;
      throw new AuthError(unknownKey ? 'unknown_signing_key' : 'signing_keys_unavailable');
    }
  };

  return async (authorization) => {
    const claims = await verifyRs256(bearerToken(authorization), keyFor, {
      clockSkewSeconds: settings.clockSkewSeconds,
    });
    const tenantId = requireClaimText(claims, 'tid');
    if (!issuersOf(tenantId).includes(claims.iss ?? '')) throw new AuthError('wrong_issuer');
    if (!settings.tenantAllowed(tenantId)) throw new AuthError('tenant_not_allowed');
    if (!audiences(claims).some(settings.audienceAccepted)) throw new AuthError('wrong_audience');
    return identityFromClaims(claims);
  };
}

/** Entra signs v2 tokens as login.microsoftonline.com and v1 tokens as sts.windows.net. */
function issuersOf(tenantId: string): readonly string[] {
  return [
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
    `https://sts.windows.net/${tenantId}/`,
  ];
}

function audiences(claims: JWTPayload): readonly string[] {
  const { aud } = claims;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud : [];
}

interface Settings {
  readonly jwksUrl: URL;
  readonly clockSkewSeconds: number;
  readonly tenantAllowed: (tenantId: string) => boolean;
  readonly audienceAccepted: (audience: string) => boolean;
}

function settle(config: EntraVerifierConfig): Settings {
  const problems: string[] = [];
  const { clientId, applicationIdUri, allowedTenants = 'any', clockSkewSeconds = 60 } = config;
  if (!/^[\w-]+$/.test(clientId)) problems.push('clientId must be the application (client) id');
  if (applicationIdUri === '') problems.push('applicationIdUri, when given, must not be empty');
  if (allowedTenants !== 'any' && (allowedTenants.length === 0 || allowedTenants.includes(''))) {
    problems.push("allowedTenants must list tenant ids, or be 'any'");
  }
  if (!Number.isFinite(clockSkewSeconds) || clockSkewSeconds < 0 || clockSkewSeconds > 300) {
    problems.push('clockSkewSeconds must be between 0 and 300');
  }
  const jwksUrl = URL.parse(config.jwksUrl ?? ENTRA_JWKS_URL);
  // Whoever can change the keys in transit can sign in as anyone: https, or http on loopback.
  const secureEnough =
    jwksUrl !== null &&
    (jwksUrl.protocol === 'https:' ||
      (jwksUrl.protocol === 'http:' && isLoopbackHost(jwksUrl.hostname)));
  if (jwksUrl === null || !secureEnough) {
    problems.push('jwksUrl must be an https URL (http only on a loopback address)');
  }
  if (problems.length > 0 || jwksUrl === null) {
    throw new Error(`Entra sign-in is misconfigured: ${problems.join('; ')}.`);
  }

  const tenants =
    allowedTenants === 'any' ? 'any' : new Set(allowedTenants.map((t) => t.toLowerCase()));
  const appIdUri = new RegExp(`^api://\\S+/${clientId}$`);
  return {
    jwksUrl,
    clockSkewSeconds,
    tenantAllowed: (tenantId) => tenants === 'any' || tenants.has(tenantId.toLowerCase()),
    audienceAccepted: (audience) =>
      audience === clientId || audience === applicationIdUri || appIdUri.test(audience),
  };
}
