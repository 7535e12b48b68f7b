import { AuthError } from './errors';

// Entra access tokens are a few KB; anything far larger is not one.
const MAX_TOKEN_LENGTH = 16_384;
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

/** The compact JWT in an `Authorization: Bearer …` header value (RFC 6750 §2.1). */
export function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') {
    throw new AuthError('missing_authorization');
  }
  if (authorization.length > MAX_TOKEN_LENGTH) throw new AuthError('malformed_token');
  const token = BEARER.exec(authorization.trim())?.[1];
  if (token === undefined) throw new AuthError('not_bearer');
  return token;
}
