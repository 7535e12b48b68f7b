import type { Request } from 'restify';

/**
 * The address a request comes from. Behind `trustedHops` proxies (each appending the address it
 * was reached from to X-Forwarded-For) the client is that many entries from the end; what comes
 * before them is the client's own say and not to be trusted.
 */
export function clientAddress(req: Request, trustedHops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return socket;
  const forwarded = (req.header('x-forwarded-for') || '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded.at(-trustedHops) ?? socket;
}
