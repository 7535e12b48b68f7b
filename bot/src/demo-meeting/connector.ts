import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** What the bot asked of the Bot Connector. */
export interface ConnectorCall {
  readonly kind:
    'send' | 'reply' | 'update' | 'create' | 'notify' | 'members' | 'member' | 'meetingInfo';
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

export interface ConnectorOptions {
  /** The people of every chat, as the connector lists them. */
  readonly members?: () => readonly ConnectorMember[];
  /** What the meeting notification API answers: 404, as outside a Teams meeting, by default. */
  readonly notificationStatus?: () => number;
  /** Who organised the Teams meeting, as the meeting API answers; none (a 404) by default. */
  readonly organizer?: () => ConnectorMember | undefined;
  /**
   * People whose 1:1 chat cannot be created, by Teams or Entra id, with the error code Teams gives:
   * `ConversationBlockedByUser` (403) for one who blocked the bot; any other code is a 403 too,
   * as for a member who has not installed the app.
   */
  readonly refusedChats?: () => Readonly<Record<string, string>>;
  /** Serves a request the connector does not know, or answers false (a 404). */
  readonly otherwise?: (
    req: IncomingMessage,
    res: ServerResponse,
    path: readonly string[],
  ) => Promise<boolean>;
}

export interface RecordingConnector {
  /** The serviceUrl activities carry: where the bot calls back. */
  readonly url: string;
  readonly calls: ConnectorCall[];
  close(): Promise<void>;
}

export async function bytesOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await bytesOf(req)).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * A stand-in for the Bot Connector (Teams' side of the Bot Framework) on loopback, for the demo
 * and the tests: it records every message the bot sends or updates, the chats it creates and its
 * meeting notifications, and answers as the connector would, so that the bot's posts succeed.
 */
export async function startRecordingConnector(
  options: ConnectorOptions = {},
): Promise<RecordingConnector> {
  const calls: ConnectorCall[] = [];
  let counter = 0;
  const members = options.members ?? (() => []);
  const notificationStatus = options.notificationStatus ?? (() => 404);
  const organizer = options.organizer ?? (() => undefined);
  const refusedChats = options.refusedChats ?? ((): Readonly<Record<string, string>> => ({}));

  type Recorder = (call: Omit<ConnectorCall, 'body' | 'authorization'>) => void;

  /** The connector's answer (status and JSON body) to one of the bot's calls. */
  function answerTo(
    method: string,
    parts: readonly string[],
    record: Recorder,
    body: Record<string, unknown>,
  ): [number, unknown] {
    const notFound: [number, unknown] = [404, { error: { code: 'NotFound' } }];
    if (parts[0] === 'v1' && parts[1] === 'meetings' && parts[3] === 'notification') {
      record({ kind: 'notify', conversationId: parts[2] ?? '' });
      const status = notificationStatus();
      return [status, status >= 300 ? { error: { code: 'Forbidden' } } : {}];
    }
    if (method === 'GET' && parts[0] === 'v1' && parts[1] === 'meetings' && parts.length === 3) {
      const meetingId = parts[2] ?? '';
      record({ kind: 'meetingInfo', conversationId: meetingId });
      const person = organizer();
      if (!person) return notFound;
      return [
        200,
        {
          details: { id: meetingId, type: 'Scheduled', title: 'Council meeting' },
          conversation: { id: meetingId, isGroup: true, conversationType: 'groupChat' },
          organizer: { id: person.id, aadObjectId: person.aadObjectId, name: person.name },
        },
      ];
    }
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return notFound;
    const conversationId = parts[2] ?? '';
    if (method === 'POST' && parts.length === 2) {
      const [member] = (body.members ?? []) as { id?: string }[];
      const refused = refusedChats()[member?.id ?? ''];
      if (refused) {
        record({ kind: 'create', conversationId: '' });
        return [403, { error: { code: refused, message: `${refused}: no chat with this user` } }];
      }
      const id = `personal-${++counter}`;
      record({ kind: 'create', conversationId: id });
      return [201, { id }];
    }
    if (method === 'POST' && parts[3] === 'activities') {
      const newId = `activity-${++counter}`;
      record({ kind: parts[4] ? 'reply' : 'send', conversationId, activityId: parts[4], newId });
      return [200, { id: newId }];
    }
    if (method === 'PUT' && parts[3] === 'activities') {
      record({ kind: 'update', conversationId, activityId: parts[4] });
      return [200, { id: parts[4] }];
    }
    if (method === 'GET' && parts[3] === 'pagedmembers') {
      record({ kind: 'members', conversationId });
      return [200, { members: members() }];
    }
    if (method === 'GET' && parts[3] === 'members' && parts[4]) {
      record({ kind: 'member', conversationId, activityId: parts[4] });
      const member = members().find((m) => m.id === parts[4] || m.aadObjectId === parts[4]);
      return member ? [200, member] : notFound;
    }
    return notFound;
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const known = parts[0] === 'v1' || parts[0] === 'v3';
    if (!known && (await options.otherwise?.(req, res, parts))) return;
    const method = req.method ?? 'GET';
    const body = known && method !== 'GET' ? await bodyOf(req) : {};
    const authorization = req.headers.authorization;
    const [status, json] = answerTo(
      known ? method : '',
      known ? parts : [],
      (call) => {
        calls.push({ ...call, body, authorization });
      },
      body,
    );
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(json));
  }

  const server: Server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the connector has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
