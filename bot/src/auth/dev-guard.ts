import { isLoopbackHost } from './loopback';

/** Where the server is about to listen, as the dev-mode guard sees it. */
export interface DevAuthContext {
  /** The address the server listens on; undefined means every interface. */
  readonly host: string | undefined;
  readonly nodeEnv: string | undefined;
}

/**
 * Dev tokens are minted by the server itself, so anyone who can reach a dev server can be anyone.
 * The server calls this at boot with `AUTH_MODE=dev` and refuses to start if it throws.
 */
export function assertDevAuthAllowed({ host, nodeEnv }: DevAuthContext): void {
  const problems: string[] = [];
  if (!isLoopbackHost(host)) {
    problems.push(
      `the server listens on ${host === undefined || host === '' ? 'every interface' : `"${host}"`}, not on a loopback address (127.0.0.1, ::1 or localhost)`,
    );
  }
  if (nodeEnv?.trim().toLowerCase() === 'production') problems.push('NODE_ENV is production');
  if (problems.length > 0) {
    throw new Error(`AUTH_MODE=dev is refused: ${problems.join('; ')}.`);
  }
}
