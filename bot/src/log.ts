import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs. Tokens never reach them: the authorization header is redacted wherever it appears. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['req.headers.authorization', '*.authorization', 'token'], remove: true },
    },
    destination,
  );
}
