import type { Language } from '@council/shared';
import type { StreamClient } from '../http/sse';
import type { Logger } from '../log';
import { announcement } from './page';
import type { Snapshot, Snapshots } from './snapshot';

interface Reader {
  readonly client: StreamClient;
  /** The version this reader's page shows. */
  shown: number;
}

interface Followed {
  readonly readers: Map<Language, Set<Reader>>;
  /** The snapshot last handed to the readers. */
  shown: Snapshot | null;
  chain: Promise<void>;
}

/** One change of the live region as a Server-Sent Event; its id is the version it shows. */
function frame(version: number, html: string, say: string): string {
  return `id: ${String(version)}\nevent: sitting\ndata: ${JSON.stringify({ html, say })}\n\n`;
}

/**
 * Hands each new public snapshot of a meeting to its readers: the event is written once per
 * language and that one string goes to every reader of that language, however many there are
 * (`serialised` counts the strings made). A version that changes nothing the public sees is not
 * sent at all.
 */
export function createPublicFanOut(snapshots: Snapshots, log: Logger) {
  const followed = new Map<string, Followed>();
  /** What a reader joining at an older version is sent first: made once per snapshot and language. */
  const catchUps = new WeakMap<Snapshot, Map<Language, string>>();
  let serialised = 0;

  function catchUp(snapshot: Snapshot, language: Language): string {
    const made = catchUps.get(snapshot) ?? new Map<Language, string>();
    catchUps.set(snapshot, made);
    let text = made.get(language);
    if (text === undefined) {
      serialised += 1;
      text = frame(snapshot.version, snapshot.region(language), '');
      made.set(language, text);
    }
    return text;
  }

  function send(readers: Iterable<Reader>, version: number, text: string) {
    for (const reader of readers) {
      if (reader.shown >= version) continue;
      reader.shown = version;
      reader.client.write(text);
    }
  }

  async function refresh(meetingId: string): Promise<void> {
    const meeting = followed.get(meetingId);
    if (!meeting) return;
    const now = await snapshots.current(meetingId);
    const before = meeting.shown;
    if (!now || (before && before.version >= now.version)) return;
    meeting.shown = now;
    for (const [language, readers] of meeting.readers) {
      if (readers.size === 0) continue;
      const html = now.region(language);
      if (before?.region(language) === html) continue;
      serialised += 1;
      const say = before ? announcement(before.sitting, now.sitting, language) : '';
      send(readers, now.version, frame(now.version, html, say));
    }
  }

  return {
    /** A meeting changed (committed here, or noticed from another instance). */
    changed(meetingId: string): void {
      const meeting = followed.get(meetingId);
      if (!meeting) return;
      meeting.chain = meeting.chain
        .then(() => refresh(meetingId))
        .catch((error: unknown) => {
          log.error({ err: error, meetingId }, 'public fan-out failed');
        });
    },

    /** Every followed meeting may have changed unnoticed (the store's notifications were lost). */
    changedAll(): void {
      for (const meetingId of followed.keys()) this.changed(meetingId);
    },

    /**
     * Adds a reader of the page at version `since` (Last-Event-ID, else the page's own): one whose
     * page is older is first sent the current region, with nothing to announce.
     */
    follow(
      snapshot: Snapshot,
      language: Language,
      client: StreamClient,
      since: number,
    ): () => void {
      const { meetingId } = snapshot;
      let meeting = followed.get(meetingId);
      if (!meeting) {
        meeting = { readers: new Map(), shown: snapshot, chain: Promise.resolve() };
        followed.set(meetingId, meeting);
      }
      const readers = meeting.readers.get(language) ?? new Set<Reader>();
      meeting.readers.set(language, readers);
      const reader: Reader = { client, shown: since };
      readers.add(reader);
      const latest =
        meeting.shown && meeting.shown.version > snapshot.version ? meeting.shown : snapshot;
      if (since < latest.version) {
        send([reader], latest.version, catchUp(latest, language));
      }
      const followedMeeting = meeting;
      return () => {
        readers.delete(reader);
        if (readers.size > 0) return;
        followedMeeting.readers.delete(language);
        if (followedMeeting.readers.size === 0 && followed.get(meetingId) === followedMeeting) {
          followed.delete(meetingId);
        }
      };
    },

    get serialised(): number {
      return serialised;
    },

    get readers(): number {
      let count = 0;
      for (const meeting of followed.values())
        for (const readers of meeting.readers.values()) count += readers.size;
      return count;
    },
  };
}

export type PublicFanOut = ReturnType<typeof createPublicFanOut>;
