import type { TokenSource } from './client';

/** Seconds since the epoch at which a JWT expires, read without verifying it (the service does). */
export function expiryOf(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : 0;
  } catch {
    return 0;
  }
}

/**
 * A token fetched once and given again until a minute before it expires, or when a 401 asks for a
 * fresh one. Calls made while it is being fetched share the one request, so a token asked for
 * early, while the page still loads, is the one the first call to the service uses.
 */
export function renewingToken(fetchToken: () => Promise<string>, now = Date.now): TokenSource {
  let token: string | null = null;
  let pending: Promise<string> | null = null;
  return async ({ fresh = false } = {}) => {
    if (!fresh && token && expiryOf(token) * 1000 - now() > 60_000) return token;
    // Kept before the request is forgotten: a call in between would otherwise ask again.
    pending ??= fetchToken()
      .then((fetched) => (token = fetched))
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
