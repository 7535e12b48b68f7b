import {
  errorCatalogue,
  messageOf,
  pickLanguage,
  type DomainError,
  type ErrorCode,
} from '@council/shared';
import type { Request, Response } from 'restify';
import { ZodError } from 'zod';
import { AuthError } from '../auth';
import type { Logger } from '../log';

export class Refusal extends Error {
  constructor(readonly error: DomainError) {
    super(error.code);
  }
}

export function refusal(code: ErrorCode, params?: DomainError['params']): Refusal {
  return new Refusal(params ? { code, params } : { code });
}

function zodDetail(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`.slice(0, 300);
}

/** restify's own refusals (bad JSON, body too large, unknown route) in the catalogue's terms. */
function restifyCode(error: Error & { statusCode?: number }): ErrorCode | null {
  switch (error.statusCode) {
    case 400:
      return 'INVALID_COMMAND';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    // restify's static files refuse a folder with 403: to the reader, there is no such file.
    case 403:
    case 404:
    case 405:
      return 'NOT_FOUND';
    case 413:
      return 'BODY_TOO_LARGE';
    default:
      return null;
  }
}

export function toDomainError(error: unknown): DomainError {
  if (error instanceof Refusal) return error.error;
  if (error instanceof ZodError)
    return { code: 'INVALID_COMMAND', params: { detail: zodDetail(error) } };
  if (error instanceof AuthError) return { code: 'UNAUTHENTICATED' };
  if (error instanceof Error) {
    const code = restifyCode(error);
    if (code === 'INVALID_COMMAND')
      return { code, params: { detail: error.message.slice(0, 200) } };
    if (code) return { code };
  }
  return { code: 'INTERNAL' };
}

/** Answers `{ code, message }` with the catalogue's status, in the caller's language. */
export function sendProblem(req: Request, res: Response, error: unknown, log: Logger): void {
  const domainError = toDomainError(error);
  const status = errorCatalogue[domainError.code].status;
  const language = pickLanguage(req.header('accept-language'));
  if (status >= 500) log.error({ err: error, reqId: req.id() }, 'request failed');
  else log.info({ code: domainError.code, reqId: req.id() }, 'request refused');
  if (res.headersSent) {
    // A stream already under way (Server-Sent Events) can only be ended: a second answer would
    // throw out of the process.
    res.end();
    return;
  }
  // The catalogue's waits (RATE_LIMITED, PUBLICATION_BUSY) name their seconds: so does the header.
  const retryAfter = domainError.params?.seconds;
  if (typeof retryAfter === 'number') res.header('Retry-After', String(retryAfter));
  // A failure's answer says only that it failed (and when to come back): the rest is for the log.
  const comeBack = typeof retryAfter === 'number' ? { params: { seconds: retryAfter } } : {};
  const answered = status >= 500 ? { code: domainError.code, ...comeBack } : domainError;
  res.send(status, { code: answered.code, message: messageOf(answered, language) });
}
