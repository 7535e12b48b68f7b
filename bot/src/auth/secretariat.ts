import { SECRETARIAT_ROLE } from '@council/shared';
import type { Identity } from './identity';

/**
 * Who may create a meeting record (whose roster then says who chairs and directs it): those the
 * tenant gave the secretariat's app role, and the object ids the service is configured with.
 */
export function mayCreateMeetings(identity: Identity, creators: readonly string[]): boolean {
  return identity.roles.includes(SECRETARIAT_ROLE) || creators.includes(identity.objectId);
}
