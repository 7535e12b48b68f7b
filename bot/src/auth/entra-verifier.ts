import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Authenticate } from './authenticate';
import { bearerToken } from './bearer';
import { AuthError } from './errors';
import { claimText, identityFromClaims, requireClaimText } from './identity';
import { isLoopbackHost } from './loopback';
import { verifyRs256 } from './verify-jwt';

export interface EntraVerifierConfig {
  /** The app registration's application (client) id. */
  readonly clientId: string;
  /** The application id URI, when tokens name it rather than the client id as their audience. */
  readonly applicationIdUri?: string;
  /** Tenants whose users may sign in; default 'any' (a multi-tenant app). */
  readonly allowedTenants?: readonly string[] | 'any';
  /** The client apps (`azp`) that may ask for a token, e.g. the Teams clients; default 'any'. */
  readonly allowedClientApps?: readonly string[] | 'any';
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
    if (claims.iss !== v2IssuerOf(tenantId)) throw new AuthError('wrong_issuer');
    if (!settings.tenantAllowed(tenantId)) throw new AuthError('tenant_not_allowed');
    if (!audiences(claims).some(settings.audienceAccepted)) throw new AuthError('wrong_audience');
    if (!settings.clientAppAllowed(claimText(claims, 'azp') ?? '')) {
      throw new AuthError('client_app_not_allowed');
    }
    return identityFromClaims(claims);
  };
}

/**
 * Only v2 tokens: the app registration asks for them (aad.manifest.json), so a v1 token
 * (issuer sts.windows.net) was issued under other settings, for another resource.
 */
function v2IssuerOf(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
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
  readonly clientAppAllowed: (clientApp: string) => boolean;
}

function settle(config: EntraVerifierConfig): Settings {
  const problems: string[] = [];
  const {
    clientId,
    applicationIdUri,
    allowedTenants = 'any',
    allowedClientApps = 'any',
    clockSkewSeconds = 60,
  } = config;
  if (!/^[\w-]+$/.test(clientId)) problems.push('clientId must be the application (client) id');
  if (applicationIdUri === '') problems.push('applicationIdUri, when given, must not be empty');
  if (allowedTenants !== 'any' && (allowedTenants.length === 0 || allowedTenants.includes(''))) {
    problems.push("allowedTenants must list tenant ids, or be 'any'");
  }
  if (
    allowedClientApps !== 'any' &&
    (allowedClientApps.length === 0 || allowedClientApps.includes(''))
  ) {
    problems.push("allowedClientApps must list client ids, or be 'any'");
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

  const tenants = anyOrSet(allowedTenants);
  const clientApps = anyOrSet(allowedClientApps);
  return {
    jwksUrl,
    clockSkewSeconds,
    tenantAllowed: (tenantId) => tenants === 'any' || tenants.has(tenantId.toLowerCase()),
    // Exactly this app: an `api://<anything>/<clientId>` pattern would take another app's URI.
    audienceAccepted: (audience) => audience === clientId || audience === applicationIdUri,
    clientAppAllowed: (clientApp) =>
      clientApps === 'any' || clientApps.has(clientApp.toLowerCase()),
  };
}

/** Ids compared case-insensitively: Entra writes GUIDs in lower case, configurations vary. */
function anyOrSet(ids: readonly string[] | 'any'): ReadonlySet<string> | 'any' {
  return ids === 'any' ? 'any' : new Set(ids.map((id) => id.toLowerCase()));
}
