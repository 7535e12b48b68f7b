import { SYSTEM } from '@council/shared';
import type { JWTPayload } from 'jose';
import { AuthError } from './errors';

/** Who is calling: a person is the pair (tenant, object id); names are for display only. */
export interface Identity {
  readonly tenantId: string;
  readonly objectId: string;
  readonly name?: string;
  readonly preferredUsername?: string;
  /** The app roles the tenant assigned the caller (the token's `roles` claim), e.g. the secretariat. */
  readonly roles: readonly string[];
  /** When the token this identity came from expires, in ms since 1970: a live stream ends then. */
  readonly expiresAt?: number;
}

/** The scope the tab's API exposes in the app registration ("Expose an API"). */
export const TAB_API_SCOPE = 'access_as_user';

export function claimText(claims: JWTPayload, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function requireClaimText(claims: JWTPayload, name: string): string {
  const value = claimText(claims, name);
  if (value === undefined) throw new AuthError('missing_claim');
  return value;
}

function claimTexts(claims: JWTPayload, name: string): string[] {
  const value = claims[name];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item !== '')
    : [];
}

/**
 * The id the service itself acts under (`SYSTEM`, e.g. counting a closed secret ballot box): no
 * person may sign in or speak in the chat as it, in any letter case.
 */
export function isReservedObjectId(objectId: string): boolean {
  return objectId.toLowerCase() === SYSTEM;
}

/** The caller behind verified claims, once the token grants the tab API's delegated scope. */
export function identityFromClaims(claims: JWTPayload): Identity {
  const scopes = claimText(claims, 'scp')?.split(' ') ?? [];
  if (!scopes.includes(TAB_API_SCOPE)) throw new AuthError('missing_scope');
  const objectId = requireClaimText(claims, 'oid');
  if (isReservedObjectId(objectId)) throw new AuthError('reserved_identity');
  const name = claimText(claims, 'name');
  const preferredUsername = claimText(claims, 'preferred_username');
  return {
    tenantId: requireClaimText(claims, 'tid'),
    objectId,
    roles: claimTexts(claims, 'roles'),
    ...(name === undefined ? {} : { name }),
    ...(preferredUsername === undefined ? {} : { preferredUsername }),
    ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp * 1000 } : {}),
  };
}
