import { sha256 } from '../sha256';
import { lastPublication, SYSTEM } from '@council/shared';
import type { Logger } from '../log';
import type { MeetingService } from '../meetings/service';
import type { PublishedPagesShelf } from '../store';
import type { PublicDocument } from './documents';
import type { Editions } from './editions';

/** A document as it goes online: its exact bytes and their hash. */
export interface Rendered {
  readonly document: PublicDocument;
  readonly bytes: Buffer;
  readonly sha256: string;
}

export function rendered(document: PublicDocument): Rendered {
  const bytes = Buffer.from(document.render(), 'utf8');
  return { document, bytes, sha256: sha256(bytes) };
}

/**
 * Keeps the register of publications: before a public document is served (and when the demo writes
 * its pages), the service takes the sitting's documents as its edition renders them (once per
 * version) and records each new version (PublishDocument, as SYSTEM) in the meeting's hash-chained
 * log, so that no version a reader got changes unnoticed. Its bytes go on the shelf first: nothing
 * is registered whose bytes are not kept, and the entry stays checkable whatever the templates
 * become (`verify-publications`). It records on those occasions only, never behind a commit: a
 * member's command then answers with the version it made, and a refused one leaves the log as it
 * was.
 */
export function createPublisher(deps: {
  readonly meetings: MeetingService;
  readonly log: Logger;
  readonly editions: Editions;
  readonly pages: PublishedPagesShelf;
}) {
  const { meetings, log, editions, pages } = deps;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  async function publish(meetingId: string): Promise<void> {
    const loaded = await meetings.load(meetingId);
    if (!loaded || loaded.state.status === 'none') return;
    const edition = editions.at(meetingId, loaded.state, loaded.version);
    for (const { document, bytes, sha256: hash } of edition.pages()) {
      if (lastPublication(loaded.state, document.path)?.sha256 === hash) continue;
      await pages.keep(meetingId, bytes);
      const answer = await meetings.execute({
        meetingId,
        // Instances publishing the same version agree on the id; a page that comes back to bytes
        // registered before (another version registered since) is a new entry, not a retry.
        commandId: `publish:${sha256(document.path).slice(0, 16)}:${hash}:${loaded.version}`,
        by: SYSTEM,
        command: {
          type: 'PublishDocument',
          kind: document.kind,
          path: document.path,
          sha256: hash,
          asOf: edition.asOf,
        },
      });
      if (!answer.ok && answer.error.code !== 'ALREADY_PUBLISHED') {
        log.error({ meetingId, code: answer.error.code }, 'publication refused');
      }
    }
  }

  /** One round per meeting at a time; a commit during a round asks for one more. */
  function publishSoon(meetingId: string): Promise<void> {
    const current = running.get(meetingId);
    if (current) {
      again.add(meetingId);
      return current.then(() => running.get(meetingId));
    }
    const round = publish(meetingId)
      .catch((error: unknown) => {
        log.error({ err: error, meetingId }, 'publication failed');
      })
      .finally(() => {
        running.delete(meetingId);
        if (again.delete(meetingId)) void publishSoon(meetingId);
      });
    running.set(meetingId, round);
    return round;
  }

  return {
    /** The pages as they are served, rendered once per version. */
    editions,
    /** Records what is online now and not yet in the register; resolves once recorded. */
    publish: publishSoon,
    /** Waits for the rounds under way. */
    async close(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
