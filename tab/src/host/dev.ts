import { SECRETARIAT_ROLE, type Gender, type Role } from '@council/shared';
import { signInMode, type TokenSource } from '../api/client';
import { renewingToken } from '../api/tokens';

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

/** Dev sign-in: the service mints a token for the chosen person, renewed a minute before expiry. */
export function devTokens(person: DemoPerson, base = '', now = Date.now): TokenSource {
  return renewingToken(async () => {
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
  }, now);
}

/** Browser mode's sign-in as the page starts: the service's mode, and whom the address names. */
export interface BrowserSignIn {
  readonly mode: 'dev' | 'entra';
  readonly person: DemoPerson | null;
  readonly token: TokenSource | null;
}

/**
 * Asked before anything else the page loads, since it is the longest wait before the meeting: the
 * service's sign-in mode, the person `?as=` names, and that person's token, asked for meanwhile
 * (a service not in dev mode refuses it, and it is not used).
 */
export async function browserSignIn(as: string | null): Promise<BrowserSignIn> {
  const mode = signInMode().catch(() => 'entra' as const);
  const person = as
    ? ((await demoPeople().catch(() => [])).find((p) => p.objectId === as) ?? null)
    : null;
  const token = person ? devTokens(person) : null;
  if (token) void token().catch(() => undefined);
  return (await mode) === 'dev'
    ? { mode: 'dev', person, token }
    : { mode: 'entra', person: null, token: null };
}
