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
  const entry = forwarded.at(-trustedHops);
  return entry === undefined ? socket : withoutPort(entry);
}

/** Azure's front ends write the client's port too ("203.0.113.5:51234"): each connection would count apart. */
function withoutPort(entry: string): string {
  return (
    /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)?.[1] ??
    /^\[(.+)\](?::\d+)?$/.exec(entry)?.[1] ??
    entry
  );
}
