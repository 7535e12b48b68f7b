import { createServer, type IncomingMessage, type Server } from 'node:http';

/** What the bot asked of the Bot Connector. */
export interface Call {
  readonly kind: 'send' | 'reply' | 'update' | 'create' | 'notify' | 'members' | 'member';
  readonly conversationId: string;
  /** The updated activity's id, or the activity replied to. */
  readonly activityId?: string | undefined;
  /** The id the connector gave a sent activity. */
  readonly newId?: string | undefined;
  readonly body: Record<string, unknown>;
  readonly authorization: string | undefined;
}

export interface ConnectorMember {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

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
  /** Resolves when a call matches, or fails with what was received after `timeoutMs`. */
  waitFor(match: (call: Call) => boolean, timeoutMs?: number): Promise<Call>;
  close(): Promise<void>;
}

async function bytesOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await bytesOf(req)).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * A small stand-in for the Bot Connector (Teams' side of the Bot Framework) on loopback: it records
 * every message the bot sends or updates, the chats it creates and its meeting notifications, and
 * takes the files the bot uploads to the upload sessions it serves under /uploads/.
 */
export async function startConnector(): Promise<Connector> {
  const calls: Call[] = [];
  const uploads: Upload[] = [];
  let counter = 0;
  const state = { notificationStatus: 202, members: [] as ConnectorMember[] };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      if (req.method === 'PUT' && parts[0] === 'uploads' && parts[1]) {
        const bytes = await bytesOf(req);
        uploads.push({ name: parts[1], contentRange: req.headers['content-range'], bytes });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: parts[1], name: parts[1], size: bytes.length }));
        return;
      }
      const body = req.method === 'GET' ? {} : await bodyOf(req);
      const authorization = req.headers.authorization;
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const record = (call: Omit<Call, 'body' | 'authorization'>) => {
        calls.push({ ...call, body, authorization });
      };
      if (parts[0] === 'v3' && parts[1] === 'conversations') {
        const conversationId = parts[2] ?? '';
        if (req.method === 'POST' && parts.length === 2) {
          const id = `personal-${++counter}`;
          record({ kind: 'create', conversationId: id });
          answer(201, { id });
          return;
        }
        if (req.method === 'POST' && parts[3] === 'activities') {
          const newId = `activity-${++counter}`;
          const kind = parts[4] ? 'reply' : 'send';
          record({ kind, conversationId, activityId: parts[4], newId });
          answer(200, { id: newId });
          return;
        }
        if (req.method === 'PUT' && parts[3] === 'activities') {
          record({ kind: 'update', conversationId, activityId: parts[4] });
          answer(200, { id: parts[4] });
          return;
        }
        if (req.method === 'GET' && parts[3] === 'pagedmembers') {
          record({ kind: 'members', conversationId });
          answer(200, { members: state.members });
          return;
        }
        if (req.method === 'GET' && parts[3] === 'members' && parts[4]) {
          record({ kind: 'member', conversationId, activityId: parts[4] });
          const member = state.members.find((m) => m.id === parts[4] || m.aadObjectId === parts[4]);
          if (member) answer(200, member);
          else answer(404, { error: { code: 'NotFound' } });
          return;
        }
      }
      if (parts[0] === 'v1' && parts[1] === 'meetings' && parts[3] === 'notification') {
        record({ kind: 'notify', conversationId: parts[2] ?? '' });
        const refused = state.notificationStatus >= 300;
        answer(
          state.notificationStatus,
          refused ? { error: { code: 'Forbidden', message: 'no consent' } } : {},
        );
        return;
      }
      answer(404, { error: { code: 'NotFound' } });
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');

  const url = `http://127.0.0.1:${address.port}/`;
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
