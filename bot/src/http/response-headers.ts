import type { Request, Response } from 'restify';

/** A year, as browsers and the HSTS preload list expect. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers every answer carries, set before routing so that refusals and unknown routes have them
 * too: no content sniffing; nothing kept in a cache (answers are per reader, and some, like a
 * result before it is published, are for one reader only), except the tab's files, whose own
 * policy (bot/src/http/tab.ts) replaces this one; and HSTS on HTTPS.
 *
 * HTTPS: the service's own socket, or in production the X-Forwarded-Proto of App Service's front
 * end, where TLS ends (with httpsOnly, plain HTTP never gets past it). Outside production that
 * header is not believed: in local mode a forwarded request is refused anyway (local-only.ts), and
 * a browser ignores HSTS received over plain HTTP.
 */
export function responseHeaders({ production }: { readonly production: boolean }) {
  return (req: Request, res: Response, next: () => void): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    const forwardedProto = req.header('x-forwarded-proto', '').split(',')[0]?.trim().toLowerCase();
    if (req.isSecure() || (production && forwardedProto === 'https')) {
      res.setHeader('Strict-Transport-Security', HSTS);
    }
    next();
  };
}
