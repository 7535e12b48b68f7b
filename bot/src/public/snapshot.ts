import { createHash } from 'node:crypto';
import type { Language, Meeting } from '@council/shared';
import { LRUCache } from 'lru-cache';
import type { LoadedMeeting, MeetingService } from '../meetings/service';
import { publicPath } from './address';
import { liveRegion, publicPage } from './page';
import { publicSitting, type PublicSitting } from './sitting';

export interface RenderedPage {
  readonly html: string;
  /** Strong: the bytes' hash, so two versions that show the public the same page share it. */
  readonly etag: string;
}

/** A meeting at one version as the public sees it, each language rendered once, when first asked. */
export interface Snapshot {
  readonly meetingId: string;
  readonly version: number;
  readonly path: string;
  readonly sitting: PublicSitting;
  page(language: Language): RenderedPage;
  region(language: Language): string;
}

/** Meetings whose snapshot is kept; a sitting followed live is always among the latest asked. */
const HELD_SNAPSHOTS = 500;

/**
 * One snapshot per meeting version, shared by every reader: a request renders nothing when the
 * meeting has not changed since the last one (`renders` counts the pages actually rendered).
 */
export function createSnapshots(meetings: Pick<MeetingService, 'load'>) {
  const held = new LRUCache<string, Snapshot>({ max: HELD_SNAPSHOTS });
  let renders = 0;

  function snapshotOf(loaded: LoadedMeeting, state: Meeting) {
    const sitting = publicSitting(state);
    const path = publicPath(state.setup.municipality, loaded.record.id);
    const pages = new Map<Language, RenderedPage>();
    const regions = new Map<Language, string>();
    const snapshot: Snapshot = {
      meetingId: loaded.record.id,
      version: loaded.version,
      path,
      sitting,
      page(language) {
        let page = pages.get(language);
        if (!page) {
          renders += 1;
          const html = publicPage(sitting, language, { version: loaded.version, path });
          const hash = createHash('sha256').update(html).digest('base64url').slice(0, 27);
          page = { html, etag: `"${hash}"` };
          pages.set(language, page);
        }
        return page;
      },
      region(language) {
        let region = regions.get(language);
        if (region === undefined) {
          region = liveRegion(sitting, language);
          regions.set(language, region);
        }
        return region;
      },
    };
    return snapshot;
  }

  return {
    /** The meeting's latest snapshot; null for a meeting the public may not see (unknown, not convened). */
    async current(meetingId: string): Promise<Snapshot | null> {
      const loaded = await meetings.load(meetingId);
      const state = loaded?.state;
      if (!loaded || !state || state.status === 'none' || state.status === 'draft') return null;
      const kept = held.get(meetingId);
      if (kept && kept.version >= loaded.version) return kept;
      const made = snapshotOf(loaded, state);
      held.set(meetingId, made);
      return made;
    },
    get renders(): number {
      return renders;
    },
  };
}

export type Snapshots = ReturnType<typeof createSnapshots>;
