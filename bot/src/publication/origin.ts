import type { Config } from '../config';

/**
 * The origin the public documents name their resources under: the service's public address, or in
 * local mode the loopback one it listens on. The register's hashes are of pages rendered with it,
 * so the service, the demo and the audit must agree on it.
 */
export function publicationOrigin(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  return config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : `http://localhost:${config.PORT}`;
}
