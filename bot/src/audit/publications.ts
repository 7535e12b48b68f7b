import { fold, type Event } from '@council/shared';
import { publicDocuments } from '../publication/documents';
import { rendered } from '../publication/register';
import type { StoredEvent } from '../store';
import { describeVerdict, verifyChain, type Verdict } from './verify';

/** An entry of the register, checked: `problem` says what is wrong with it. */
interface CheckedEntry {
  readonly seq: number;
  readonly path: string;
  readonly problem?: string;
}

export interface PublicationsVerdict {
  readonly ok: boolean;
  readonly chain: Verdict;
  readonly entries: readonly CheckedEntry[];
}

/**
 * The register of publications checked from the log alone: the chain is intact, and each document
 * it records, rendered again from the state it says it showed (the log up to `asOf`), has the very
 * bytes whose SHA-256 it records. `origin` is the service's public address (PUBLIC_URL).
 */
export function verifyPublications(
  stored: readonly StoredEvent[],
  origin: string,
): PublicationsVerdict {
  const chain = verifyChain(stored);
  const entries = stored.flatMap((row): CheckedEntry[] => {
    const event = row.data as Event;
    if (event.type !== 'DocumentPublished') return [];
    const state = fold(stored.filter((e) => e.seq <= event.asOf).map((e) => e.data as Event));
    const document =
      state.status === 'none'
        ? undefined
        : publicDocuments(state, origin).find((d) => d.path === event.path);
    if (event.asOf >= row.seq) {
      return [{ seq: row.seq, path: event.path, problem: 'it claims a state after its own entry' }];
    }
    if (!document) {
      return [{ seq: row.seq, path: event.path, problem: 'no such document in that state' }];
    }
    const hash = rendered(document).sha256;
    return hash === event.sha256
      ? [{ seq: row.seq, path: event.path }]
      : [{ seq: row.seq, path: event.path, problem: `renders as ${hash}, not ${event.sha256}` }];
  });
  return { ok: chain.intact && entries.every((e) => !e.problem), chain, entries };
}

export function describePublications(verdict: PublicationsVerdict): string {
  const lines = verdict.entries.map(
    (e) =>
      `${e.problem ? 'MISMATCH' : 'ok'} event ${e.seq} ${e.path}${e.problem ? `: ${e.problem}` : ''}`,
  );
  const total = `${verdict.entries.length} publication(s), ${verdict.entries.filter((e) => e.problem).length} mismatched`;
  return [...lines, total, describeVerdict(verdict.chain)].join('\n');
}
