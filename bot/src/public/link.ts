import type { MeetingState } from '@council/shared';
import { isLoopbackHost } from '../auth/loopback';
import type { Config } from '../config';
import { publicPath } from './address';

/**
 * Where residents reach the service: PUBLIC_URL's origin; without it (local mode only) the
 * loopback address the service listens on, so a local run's convocation links to its own page.
 */
export function publicOrigin(
  config: Partial<Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>>,
): string | undefined {
  if (config.PUBLIC_URL) return new URL(config.PUBLIC_URL).origin;
  if (!config.PORT || !config.HOST || !isLoopbackHost(config.HOST)) return undefined;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${String(config.PORT)}`;
}

/**
 * The origin the published documents name their resources under: the public one, else (a service
 * on another interface without PUBLIC_URL, outside production) localhost. The register's hashes are
 * of pages rendered with it, so the service, the demo and the audit derive it alike.
 */
export function publicationOrigin(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  return publicOrigin(config) ?? `http://localhost:${String(config.PORT)}`;
}

/** The sitting's public page, once it is convened (before, it is the council's draft). */
export function publicPageOf(
  state: MeetingState,
  meetingId: string,
  origin: string | undefined,
): string | undefined {
  if (!origin || state.status === 'none' || state.status === 'draft') return undefined;
  return `${origin}${publicPath(state.setup.municipality, meetingId)}`;
}
