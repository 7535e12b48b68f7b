import { randomUUID } from 'node:crypto';
import type { Meeting, WireCommand } from '@council/shared';

/** Someone of the council file, as the service knows them: their Entra object id. */
export interface Person {
  readonly id: string;
  readonly name: string;
  /** The app roles the tenant gave them (the director: the secretariat's, to create the meeting). */
  readonly roles?: readonly string[];
}

/**
 * How a person's command reaches the service: the tab's API, or a button of a card in the meeting
 * chat, through the bot's /api/messages (./chat.ts).
 */
export interface Channel {
  send(person: Person, meetingId: string, command: WireCommand): Promise<void>;
}

export interface Channels {
  readonly tab: Channel;
  readonly chat: Channel;
  /** Links the meeting chat to the meeting record, once it exists: the director's first step. */
  linkChat?(director: Person, meetingId: string): Promise<void>;
}

/** The service's HTTP API on loopback, signing each person in with a dev token. */
export function councilApi(baseUrl: string, tenantId: string) {
  const tokens = new Map<string, Promise<string>>();

  async function signIn(person: Person): Promise<string> {
    const response = await fetch(`${baseUrl}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId,
        objectId: person.id,
        name: person.name,
        ...(person.roles ? { roles: person.roles } : {}),
      }),
    });
    if (!response.ok) throw new Error(`sign-in of ${person.name}: HTTP ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  }

  async function call(
    person: Person,
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ) {
    let token = tokens.get(person.id);
    if (!token) {
      token = signIn(person);
      tokens.set(person.id, token);
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) {
      throw new Error(
        `${method} ${path} by ${person.name}: ${response.status} ${await response.text()}`,
      );
    }
    return response;
  }

  return {
    async json<T>(person: Person, method: string, path: string, body?: unknown): Promise<T> {
      return (await (await call(person, method, path, body)).json()) as T;
    },
    async bytes(person: Person, path: string): Promise<Buffer> {
      return Buffer.from(await (await call(person, 'GET', path)).arrayBuffer());
    },
    async meeting(person: Person, meetingId: string): Promise<Meeting> {
      const body = await this.json<{ meeting: Meeting }>(
        person,
        'GET',
        `/api/meetings/${meetingId}`,
      );
      return body.meeting;
    },
    /** The meeting's live stream as a tab follows it, until `signal` stops it. */
    async stream(
      person: Person,
      meetingId: string,
      signal: AbortSignal,
    ): Promise<ReadableStream<Uint8Array>> {
      const response = await call(
        person,
        'GET',
        `/api/meetings/${meetingId}/stream`,
        undefined,
        signal,
      );
      if (!response.body) throw new Error(`no live stream for ${person.name}`);
      return response.body;
    },
    /** The tab's way: one POST per command, with a fresh command id. */
    tab: {
      async send(person, meetingId, command) {
        await call(person, 'POST', `/api/meetings/${meetingId}/commands`, {
          commandId: randomUUID(),
          command,
        });
      },
    } satisfies Channel,
  };
}

export type CouncilApi = ReturnType<typeof councilApi>;
