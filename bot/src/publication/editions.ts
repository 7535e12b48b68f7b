import type { Meeting } from '@council/shared';
import { LRUCache } from 'lru-cache';
import { publicDocuments, type PublicDocument } from './documents';
import { sha256 } from '../sha256';
import { rendered, type Rendered } from './register';

/** A page as it goes online: its exact bytes and their hash. */
export type Page = Pick<Rendered, 'bytes' | 'sha256'>;

/** A sitting's public documents as one state shows them, each rendered and hashed once, when first asked. */
export interface Edition {
  readonly meeting: Meeting;
  /** The log's sequence number of the state the pages are rendered from: the register's `asOf`. */
  readonly asOf: number;
  readonly documents: readonly PublicDocument[];
  /** The document online at `path`, rendered; undefined when none is. */
  page(path: string): Rendered | undefined;
  /** Every document online, rendered. */
  pages(): Rendered[];
}

interface Held {
  readonly edition: Edition;
  /** The newest version known to show what the edition shows. */
  version: number;
  bytes: number;
}

/** The rendered bytes kept, all meetings together; the least recently read meeting's go first. */
const HELD_BYTES = 64 * 1024 * 1024;
/** Sittings being read now; each holds its state, which the meetings' own cache may have let go. */
const HELD_MEETINGS = 100;
const HELD_INDEXES = 500;

/**
 * Whether `later` shows the public what `earlier` does: only register entries came between them.
 * evolvePublication copies the state and keeps every other field as it was, so comparing fields by
 * identity suffices; a state folded anew compares unequal, which costs a render, never a wrong page.
 */
function onlyRegisteredSince(earlier: Meeting, later: Meeting): boolean {
  const fields = new Set([...Object.keys(earlier), ...Object.keys(later)]) as Set<keyof Meeting>;
  fields.delete('publications');
  return [...fields].every((field) => earlier[field] === later[field]);
}

/**
 * The publication's pages rendered once per meeting version and shared by every request and by the
 * publisher, the way the follow-along page keeps one snapshot per version (public/snapshot.ts): a
 * GET of an unchanged sitting renders and hashes nothing. Recording a page in the register makes a
 * new version that shows the same pages, so the edition carries over to it. `renders` counts the
 * pages actually rendered.
 */
export function createEditions(origin: string) {
  const held = new LRUCache<string, Held>({
    max: HELD_MEETINGS,
    maxSize: HELD_BYTES,
    sizeCalculation: (entry) => entry.bytes + 1,
  });
  const indexes = new LRUCache<string, { readonly signature: string; readonly page: Page }>({
    max: HELD_INDEXES,
  });
  let renders = 0;

  function editionOf(meetingId: string, meeting: Meeting, asOf: number): Held {
    const documents = publicDocuments(meeting, origin);
    const pages = new Map<string, Rendered>();
    const entry: Held = {
      version: asOf,
      bytes: 0,
      edition: {
        meeting,
        asOf,
        documents,
        page(path) {
          let page = pages.get(path);
          if (page) return page;
          const document = documents.find((d) => d.path === path);
          if (!document) return undefined;
          renders += 1;
          page = rendered(document);
          pages.set(path, page);
          entry.bytes += page.bytes.length;
          // Set again to weigh the new page; a meeting evicted meanwhile comes back.
          if (held.peek(meetingId) === entry) held.set(meetingId, entry);
          return page;
        },
        pages() {
          return documents.flatMap((d) => entry.edition.page(d.path) ?? []);
        },
      },
    };
    return entry;
  }

  return {
    /** The edition of a meeting at `version` (whose state is `meeting`): the one held if it still shows the same. */
    at(meetingId: string, meeting: Meeting, version: number): Edition {
      const kept = held.get(meetingId);
      if (kept && kept.version === version) return kept.edition;
      if (kept && kept.version < version && onlyRegisteredSince(kept.edition.meeting, meeting)) {
        kept.version = version;
        return kept.edition;
      }
      const made = editionOf(meetingId, meeting, version);
      // A reader who loaded an older version than the one held gets its pages, not kept.
      if (!kept || kept.version < version) held.set(meetingId, made);
      return made.edition;
    },
    /** The municipality's index, rendered again only when the sittings it lists (`signature`) change. */
    index(slug: string, signature: string, render: () => string): Page {
      const kept = indexes.get(slug);
      if (kept?.signature === signature) return kept.page;
      renders += 1;
      const bytes = Buffer.from(render(), 'utf8');
      const page = { bytes, sha256: sha256(bytes) };
      indexes.set(slug, { signature, page });
      return page;
    },
    get renders(): number {
      return renders;
    },
  };
}

export type Editions = ReturnType<typeof createEditions>;
