import { SECRETARIAT_ROLE, type Gender, type Role } from '@council/shared';
import type { TokenSource } from '../api/client';

/** Someone of the demo council, as the browser mode's picker offers them. */
export interface DemoPerson {
  readonly tenantId: string;
  readonly objectId: string;
  readonly name: string;
  readonly role: Role;
  readonly gender?: Gender | undefined;
}

interface Person {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: Role;
  readonly gender?: Gender;
}

interface CouncilPeople {
  readonly tenantId: string;
  readonly director?: Person;
  readonly observer?: Person;
  readonly members: readonly Person[];
}

/** The demo council's people, loaded only in browser mode: Teams users never download them. */
export async function demoPeople(): Promise<DemoPerson[]> {
  const council = (await import('../../../bot/fixtures/council-demo.json'))
    .default as CouncilPeople;
  const people = [
    ...council.members,
    ...(council.director ? [council.director] : []),
    ...(council.observer ? [council.observer] : []),
  ];
  return people.map((p) => ({
    tenantId: council.tenantId,
    objectId: p.aadObjectId,
    name: p.name,
    role: p.role,
    gender: p.gender,
  }));
}

/** Seconds since the epoch at which a JWT expires, read without verifying it (the service does). */
export function expiryOf(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : 0;
  } catch {
    return 0;
  }
}

/** Dev sign-in: the service mints a token for the chosen person, renewed a minute before expiry. */
export function devTokens(person: DemoPerson, base = '', now = Date.now): TokenSource {
  let token: string | null = null;
  let pending: Promise<string> | null = null;
  async function fetchToken(): Promise<string> {
    const response = await fetch(`${base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: person.tenantId,
        objectId: person.objectId,
        name: person.name,
        // As a council's tenant would, the demo tenant gives its director the secretariat's role.
        ...(person.role === 'director' ? { roles: [SECRETARIAT_ROLE] } : {}),
      }),
    });
    if (!response.ok) throw new Error(`dev sign-in refused: HTTP ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }
  return async ({ fresh = false } = {}) => {
    if (!fresh && token && expiryOf(token) * 1000 - now() > 60_000) return token;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    token = await pending;
    return token;
  };
}
