import { fold, type Event, type PublicationEvent } from '@council/shared';
import { publicDocuments } from '../publication/documents';
import { rendered } from '../publication/register';
import { sha256 } from '../sha256';
import type { StoredEvent } from '../store';
import { describeVerdict, verifyChain, type Verdict } from './verify';

/**
 * What an entry of the register is found to be: `verified` its kept bytes are those it names and
 * this code renders them again from the log; `intact` its kept bytes are those it names but this
 * code renders that state otherwise (the templates changed since), which says nothing against the
 * record; `failed` the record itself is wrong: bytes altered, or missing and rendered otherwise, or
 * an impossible entry.
 */
export type EntryStatus = 'verified' | 'intact' | 'failed';

/** An entry of the register, checked: `detail` says why it is not simply verified. */
export interface CheckedEntry {
  readonly seq: number;
  readonly path: string;
  readonly status: EntryStatus;
  readonly detail?: string;
  /** The kept bytes, when they are the ones the entry names. */
  readonly page?: Buffer;
}

export interface PublicationsVerdict {
  /** The chain is intact and no entry failed: every page the register names is kept as served. */
  readonly ok: boolean;
  readonly chain: Verdict;
  readonly entries: readonly CheckedEntry[];
}

/** The bytes kept under a hash (the store's published pages, for one meeting). */
export type KeptPage = (hash: string) => Promise<Buffer | undefined>;

/** The SHA-256 of the document at `path` rendered by this code from the log up to `asOf`. */
function renderedHash(
  stored: readonly StoredEvent[],
  asOf: number,
  path: string,
  origin: string,
): string | undefined {
  const state = fold(stored.filter((e) => e.seq <= asOf).map((e) => e.data as Event));
  if (state.status === 'none') return undefined;
  const document = publicDocuments(state, origin).find((d) => d.path === path);
  return document && rendered(document).sha256;
}

async function checkEntry(
  stored: readonly StoredEvent[],
  seq: number,
  event: PublicationEvent,
  origin: string,
  kept: KeptPage,
): Promise<CheckedEntry> {
  const entry = { seq, path: event.path };
  const failed = (detail: string): CheckedEntry => ({ ...entry, status: 'failed', detail });
  if (event.asOf >= seq) return failed('it claims a state after its own entry');
  const page = await kept(event.sha256);
  const again = renderedHash(stored, event.asOf, event.path, origin);
  if (!page) {
    // An entry registered before the shelf existed (migration 10) has no bytes kept: rendering its
    // state again to the same hash still proves what was served; anything else cannot be checked.
    return again === event.sha256
      ? { ...entry, status: 'verified', detail: 'no bytes kept; rendered again to the same hash' }
      : failed(`its bytes (${event.sha256}) are not kept and this code renders them otherwise`);
  }
  const keptHash = sha256(page);
  if (keptHash !== event.sha256) {
    return failed(`the bytes kept hash to ${keptHash}, not ${event.sha256}`);
  }
  if (again === event.sha256) return { ...entry, status: 'verified', page };
  const since = again
    ? `re-rendered differently by this code (template changed since): ${again}`
    : 'this code renders no such document from that state (template changed since)';
  return { ...entry, status: 'intact', detail: `kept bytes intact; ${since}`, page };
}

/**
 * The register of publications checked from the log and the pages kept: the chain is intact, and
 * the bytes kept for each entry have the SHA-256 it records, so they are what the reader got. Each
 * is then rendered again from the state it says it showed (the log up to `asOf`) with the code
 * running now; a difference there, with the bytes intact, only says the templates changed.
 * `origin` is the service's public address (PUBLIC_URL).
 */
export async function verifyPublications(
  stored: readonly StoredEvent[],
  origin: string,
  kept: KeptPage,
): Promise<PublicationsVerdict> {
  const chain = verifyChain(stored);
  const entries: CheckedEntry[] = [];
  for (const row of stored) {
    const event = row.data as Event;
    if (event.type === 'DocumentPublished') {
      entries.push(await checkEntry(stored, row.seq, event, origin, kept));
    }
  }
  return { ok: chain.intact && entries.every((e) => e.status !== 'failed'), chain, entries };
}

const labels: Readonly<Record<EntryStatus, string>> = {
  verified: 'verified',
  intact: 'intact',
  failed: 'FAILED',
};

export function describePublications(verdict: PublicationsVerdict): string {
  const lines = verdict.entries.map(
    (e) => `${labels[e.status]} event ${e.seq} ${e.path}${e.detail ? `: ${e.detail}` : ''}`,
  );
  const count = (status: EntryStatus) => verdict.entries.filter((e) => e.status === status).length;
  const total =
    `${verdict.entries.length} publication(s): ${count('verified')} verified, ` +
    `${count('intact')} kept intact but re-rendered differently, ${count('failed')} failed`;
  return [...lines, total, describeVerdict(verdict.chain)].join('\n');
}
