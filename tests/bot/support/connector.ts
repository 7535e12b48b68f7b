import {
  bytesOf,
  startRecordingConnector,
  type ConnectorCall,
  type ConnectorMember,
} from '../../../bot/src/demo-meeting/connector';

/** What the bot asked of the Bot Connector. */
export type Call = ConnectorCall;
export type { ConnectorMember };

/** A file the bot PUT to an upload URL the connector handed out (OneDrive's, in Teams). */
export interface Upload {
  readonly name: string;
  readonly contentRange: string | undefined;
  readonly bytes: Buffer;
}

export interface Connector {
  readonly url: string;
  readonly calls: Call[];
  readonly uploads: Upload[];
  /** An upload session for a file, as Teams puts in a file consent invoke's `uploadInfo`. */
  uploadUrl(name: string): string;
  /** The status the meeting notification API answers (403 without consent, 404 outside Teams). */
  notificationStatus: number;
  members: ConnectorMember[];
  /** Teams ids of people whose 1:1 chat Teams refuses, with its error code (a 403). */
  refusedChats: Record<string, string>;
  /** Who organised the Teams meeting, as its meeting API says; none (a 404, as the Playground) by default. */
  organizer: ConnectorMember | undefined;
  /** Resolves when a call matches, or fails with what was received after `timeoutMs`. */
  waitFor(match: (call: Call) => boolean, timeoutMs?: number): Promise<Call>;
  close(): Promise<void>;
}

/**
 * The demo's recording connector (bot/src/demo-meeting/connector.ts), with what the tests need
 * besides: a notification API whose answer they choose, and upload sessions under /uploads/ that
 * keep the bytes the bot PUTs there.
 */
export async function startConnector(): Promise<Connector> {
  const uploads: Upload[] = [];
  const state = {
    notificationStatus: 202,
    members: [] as ConnectorMember[],
    organizer: undefined as ConnectorMember | undefined,
    refusedChats: {} as Record<string, string>,
  };
  const connector = await startRecordingConnector({
    members: () => state.members,
    notificationStatus: () => state.notificationStatus,
    organizer: () => state.organizer,
    refusedChats: () => state.refusedChats,
    async otherwise(req, res, path) {
      if (req.method !== 'PUT' || path[0] !== 'uploads' || !path[1]) return false;
      const bytes = await bytesOf(req);
      uploads.push({ name: path[1], contentRange: req.headers['content-range'], bytes });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: path[1], name: path[1], size: bytes.length }));
      return true;
    },
  });
  const { url, calls } = connector;

  return {
    url,
    calls,
    uploads,
    uploadUrl: (name) => `${url}uploads/${encodeURIComponent(name)}`,
    get notificationStatus() {
      return state.notificationStatus;
    },
    set notificationStatus(status: number) {
      state.notificationStatus = status;
    },
    get members() {
      return state.members;
    },
    set members(members: ConnectorMember[]) {
      state.members = members;
    },
    get refusedChats() {
      return state.refusedChats;
    },
    set refusedChats(refused: Record<string, string>) {
      state.refusedChats = refused;
    },
    get organizer() {
      return state.organizer;
    },
    set organizer(person: ConnectorMember | undefined) {
      state.organizer = person;
    },
    async waitFor(match, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.find(match);
        if (found) return found;
        if (Date.now() > until) {
          const seen = calls.map((c) => `${c.kind} ${c.conversationId} ${c.activityId ?? ''}`);
          throw new Error(`no such call to the connector; received:\n${seen.join('\n')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => connector.close(),
  };
}
