import type { Request, Response } from 'restify';
import { refusal } from './problems';

/**
 * Refuses, before a byte of it is read, any body that is not JSON. The tab and the Bot Connector
 * send JSON only; restify's other parsers would write multipart uploads to the temp folder, and
 * read url-encoded forms, for callers not yet authenticated.
 */
export function jsonOnly(req: Request, _res: Response, next: (error?: Error) => void): void {
  const hasBody = req.isChunked() || req.getContentLength() > 0;
  if (hasBody && req.getContentType() !== 'application/json') {
    next(refusal('UNSUPPORTED_MEDIA_TYPE'));
    return;
  }
  next();
}
