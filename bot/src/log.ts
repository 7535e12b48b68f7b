import pino, { type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** The message of the access log: one line per request answered. */
export const ACCESS_LOG = 'request';

/** Tokens never reach the logs: the authorization header is redacted wherever it appears. */
const options = (level: string): LoggerOptions => ({
  level,
  redact: { paths: ['req.headers.authorization', '*.authorization', 'token'], remove: true },
});

/** JSON logs, one object a line: what App Service, Application Insights and tests read. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(options(level), destination);
}

/**
 * Short human lines for a developer's terminal. The access log drops to debug, so that at info
 * a person sees what the service does, not every request the tab makes.
 */
export function createConsoleLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      ...options(level),
      hooks: {
        logMethod(args, method, at) {
          if (at === pino.levels.values.info && args[1] === ACCESS_LOG) {
            this.debug(...args);
            return;
          }
          method.apply(this, args);
        },
      },
    },
    pretty({
      ...(destination ? { destination } : {}),
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      singleLine: true,
      sync: true,
    }),
  );
}

/** Human lines on a terminal outside production; JSON everywhere else (a pipe, a file, Azure). */
export function logsForPeople(stdout: { readonly isTTY?: boolean }, nodeEnv: string): boolean {
  return stdout.isTTY === true && nodeEnv !== 'production';
}
