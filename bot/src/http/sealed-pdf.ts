import type { Request, Response } from 'restify';
import { sha256 } from '../sha256';

/**
 * Sealed minutes as a download: their SHA-256, the hash the log recorded when they were sealed
 * and the one an approval item names, is their ETag, so a reader (or a script) can tell that the
 * file is the one approved without downloading it again.
 */
export function sendSealedPdf(req: Request, res: Response, pdf: Buffer, fileName: string): void {
  const etag = `"${sha256(pdf)}"`;
  const headers = {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${fileName}"`,
    // The whole record, closed-session items included: kept by no cache, as every answer here.
    'cache-control': 'no-store',
    etag,
  };
  if (req.header('if-none-match') === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.sendRaw(200, pdf, headers);
}
