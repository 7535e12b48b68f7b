import { decodeJwt } from 'jose';
import type { Authenticate } from './authenticate';
import { bearerToken } from './bearer';
import type { Identity } from './identity';

export interface VerifiedTokensOptions {
  /** How many tokens are remembered at most; the oldest are forgotten first. */
  readonly max?: number;
  readonly now?: () => number;
}

/**
 * Remembers the callers of tokens already verified, until each token expires. A tab calls with the
 * same token for as long as Teams keeps it, and checking its RS256 signature again on each call
 * is the largest part of what a ballot costs. Only the very token string verified before is taken
 * at its word; anything else goes through `authenticate`. A token keeps working until it expires
 * even if its signing key is withdrawn meanwhile, as it would in any client that holds it.
 */
export function rememberVerified(
  authenticate: Authenticate,
  { max = 50_000, now = Date.now }: VerifiedTokensOptions = {},
): Authenticate {
  const known = new Map<string, { readonly identity: Identity; readonly until: number }>();
  return async (authorization) => {
    const token = bearerToken(authorization);
    const held = known.get(token);
    if (held && held.until > now()) return held.identity;
    known.delete(token);
    const identity = await authenticate(authorization);
    const until = (decodeJwt(token).exp ?? 0) * 1000;
    if (until > now()) {
      if (known.size >= max) {
        const oldest = known.keys().next();
        if (!oldest.done) known.delete(oldest.value);
      }
      known.set(token, { identity, until });
    }
    return identity;
  };
}
