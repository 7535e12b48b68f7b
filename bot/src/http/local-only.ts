import type { Request } from 'restify';
import { isLoopbackHost } from '../auth/loopback';
import { refusal } from './problems';

// A host name or a bracketed IPv6 address, then maybe a port: nothing else may stand in Host.
const HOST_HEADER = /^(?:\[([\da-f:.]+)\]|([\w.-]+))(?::\d{1,5})?$/i;

/**
 * Refuses (403 LOCAL_ONLY) a request that did not come straight from this machine to a loopback
 * name. Local mode (dev sign-in, a bot without Bot Framework auth) trusts whoever can reach it,
 * and listening on loopback is not enough: a tunnel or a proxy on this machine forwards other
 * people's requests (and says so in X-Forwarded-* or Forwarded), and a web page whose name
 * resolves to 127.0.0.1 (DNS rebinding) reaches the service from the browser under its own name.
 */
export function assertLocalRequest(req: Request): void {
  const host = HOST_HEADER.exec(req.headers.host ?? '');
  const forwarded = Object.keys(req.headers).some(
    (name) => name === 'forwarded' || name.startsWith('x-forwarded-'),
  );
  if (!host || !isLoopbackHost(host[1] ?? host[2]) || forwarded) throw refusal('LOCAL_ONLY');
}
