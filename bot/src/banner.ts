import { sittingStatus, type Meeting, type Role } from '@council/shared';

/** One way into the demo: a person of the council and a view of the tab, in its browser mode. */
export interface DemoLink {
  readonly role: Role;
  readonly view: 'panel' | 'stage' | 'details';
  readonly name: string;
  readonly url: string;
}

export interface StartFacts {
  readonly base: string;
  readonly links: readonly DemoLink[];
  /** Where the meetings are kept, as a person reads it (no password). */
  readonly database: string;
  /** The embedded database's folder, which `npm start -- --fresh` deletes; none on PostgreSQL. */
  readonly dataDir: string | null;
  /** The demo sitting as stored before this start, when it had gone beyond its convocation. */
  readonly continuing: { readonly status: string; readonly events: number } | null;
}

const views = [
  ['chair', 'panel'],
  ['councillor', 'panel'],
  ['director', 'panel'],
  ['observer', 'panel'],
  ['chair', 'stage'],
  ['director', 'details'],
] as const;

/**
 * A link per role and view, as the tab reads its address outside Teams (tab/src/host/place.ts:
 * `meeting`, `view`; tab/src/ui/Root.tsx: `as`, the person's object id on the roster).
 */
export function demoLinks(base: string, meeting: Meeting): DemoLink[] {
  return views.flatMap(([role, view]) => {
    const person = meeting.setup.roster.find((member) => member.role === role);
    if (!person) return [];
    const query = new URLSearchParams({ meeting: meeting.id, as: person.id, view });
    return [{ role, view, name: person.name, url: `${base}/tab/index.html?${query.toString()}` }];
  });
}

/** How the demo sitting stands, for the banner: null while it is as `npm start` first made it. */
export function sittingSoFar(meeting: Meeting, version: number): StartFacts['continuing'] {
  // As first made: convened with its documents attached, and nothing done in it since.
  return meeting.status === 'convened' ? null : { status: sittingStatus(meeting), events: version };
}

/** Where the meetings are kept: the folder of the embedded database, or PostgreSQL's host and name. */
export function databaseOf(databaseUrl: string | undefined, dataDir: string): string {
  if (!databaseUrl) return `embedded PGlite in ${dataDir}`;
  const url = new URL(databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

const viewNames = { panel: 'side panel', stage: 'meeting stage', details: 'meeting details' };

/** What `npm start` prints once the service listens: where to go, as whom, and how to start over. */
export function startBanner(facts: StartFacts): string {
  const startOver = facts.dataDir
    ? `To start over with a fresh demo: stop it (Ctrl+C), then run npm start -- --fresh (it deletes ${facts.dataDir}).`
    : 'To start over with a fresh demo, point DATABASE_URL at an empty database (--fresh deletes only the embedded one).';
  const sitting = facts.continuing
    ? `Continuing the sitting stored in ${facts.dataDir ?? 'the database'} (${facts.continuing.status}, ${String(facts.continuing.events)} events).`
    : 'A new demo sitting, convened and waiting for the chair to open it.';
  const links = facts.links.flatMap((link) => [
    `  ${link.role} (${link.name}), ${viewNames[link.view]}:`,
    `    ${link.url}`,
  ]);
  return [
    '',
    `The demo council meets at ${facts.base}`,
    `Database: ${facts.database}`,
    sitting,
    startOver,
    '',
    'Open the tab in a browser as:',
    ...links,
    '',
    `API: ${facts.base}/api/openapi.json · health: ${facts.base}/healthz`,
    '',
    '',
  ].join('\n');
}
