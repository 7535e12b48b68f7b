import path from 'node:path';
import restify, { type Request, type Response, type Server } from 'restify';

/**
 * Who may frame the tab: the Teams and Microsoft 365 clients (web, desktop, mobile, Outlook and
 * the Microsoft 365 app), and no other site. Opened on its own (the browser mode), a page needs no
 * framing at all.
 */
export const frameAncestors = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.live.com',
  'https://*.teams.live.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.skype.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://outlook.live.com',
] as const;

/**
 * The tab's pages load only their own scripts and talk only to this service. Fluent UI writes its
 * styles at run time, hence inline styles; nothing else is inline. The sealed ballot box's crypto
 * (libsodium) is WebAssembly: 'wasm-unsafe-eval' lets it compile (it allows no eval of scripts);
 * without it libsodium falls back to its far slower JavaScript build.
 */
export const tabContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${frameAncestors.join(' ')}`,
].join('; ');

/** Built files carry a content hash in their name: they never change, so browsers keep them. */
const immutable = /^assets\/.+-[\w-]{8,}\.\w+$/;

function tabHeaders(res: Response, file: string, root: string): void {
  res.setHeader('Content-Security-Policy', tabContentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  const relative = path.relative(root, file).split(path.sep).join('/');
  res.setHeader(
    'Cache-Control',
    immutable.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/**
 * Serves the built tab (tab/dist) under /tab/: /tab and /tab/ are its index page, the pages
 * Teams frames, and hashed assets cached for good.
 */
export function serveTab(server: Server, dir: string): void {
  const root = path.resolve(dir);
  const files = restify.plugins.serveStaticFiles(root, {
    maxAge: 0,
    setHeaders: (res: Response, file: string) => {
      tabHeaders(res, file, root);
    },
  });
  server.get('/tab', (req: Request, res: Response, next: (err?: unknown) => void) => {
    res.redirect(301, `/tab/${req.getQuery() ? `?${req.getQuery()}` : ''}`, next);
  });
  server.get('/tab/*', files);
  server.head('/tab/*', files);
}
