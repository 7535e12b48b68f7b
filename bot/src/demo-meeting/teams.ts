/**
 * Activities as Teams sends them to a bot from a chat, POSTed to its /api/messages as the Bot
 * Connector does, and the buttons of the cards it answers with. The demo meeting speaks to the bot
 * with these, and so do the tests.
 */

export interface ChatPerson {
  /** The Teams user id ("29:…"). */
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export const BOT = { id: '28:council-bot', name: 'Council Meetings' };

export function chatPerson(person: { aadObjectId: string; name: string }): ChatPerson {
  return { id: `29:${person.aadObjectId}`, aadObjectId: person.aadObjectId, name: person.name };
}

export interface ChatOptions {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly tenantId: string;
  /** The Teams meeting's id; none for a group chat outside a meeting (the Playground). */
  readonly teamsMeetingId?: string;
  readonly conversationType?: 'groupChat' | 'personal';
  readonly locale?: string;
}

export type Activity = Record<string, unknown>;

let counter = 0;

/** A chat as Teams would speak to the bot from it. */
export function chatOf(options: ChatOptions) {
  const base = (person: ChatPerson, locale = options.locale ?? 'en-US'): Activity => ({
    id: `incoming-${Date.now()}-${++counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    locale,
    from: { id: person.id, aadObjectId: person.aadObjectId, name: person.name },
    recipient: BOT,
    conversation: {
      id: options.conversationId,
      conversationType: options.conversationType ?? 'groupChat',
      isGroup: (options.conversationType ?? 'groupChat') === 'groupChat',
      tenantId: options.tenantId,
    },
    channelData: {
      tenant: { id: options.tenantId },
      ...(options.teamsMeetingId ? { meeting: { id: options.teamsMeetingId } } : {}),
    },
  });
  return {
    message: (person: ChatPerson, text: string, locale?: string): Activity => ({
      ...base(person, locale),
      type: 'message',
      text,
    }),
    press: (
      person: ChatPerson,
      action: { verb: string; data: Record<string, unknown> },
      inputs: Record<string, unknown> = {},
      locale?: string,
    ): Activity => ({
      ...base(person, locale),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...inputs } },
        trigger: 'manual',
      },
    }),
    refresh: (person: ChatPerson, card: Card, locale?: string): Activity => {
      const refresh = card.refresh as { action: { verb: string; data: Record<string, unknown> } };
      return {
        ...base(person, locale),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', ...refresh.action },
          trigger: 'automatic',
        },
      };
    },
    /** The director's answer to a file consent card, with the upload session Teams opened. */
    fileConsent: (
      person: ChatPerson,
      action: 'accept' | 'decline',
      context: unknown,
      uploadInfo?: Record<string, unknown>,
    ): Activity => ({
      ...base(person),
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', action, context, ...(uploadInfo ? { uploadInfo } : {}) },
    }),
    botAdded: (person: ChatPerson): Activity => ({
      ...base(person),
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT.id, name: BOT.name }],
    }),
    participants: (joined: boolean, people: readonly ChatPerson[]): Activity => ({
      ...base(people[0] ?? { id: 'system', aadObjectId: '', name: '' }),
      from: { id: 'system' },
      type: 'event',
      name: joined
        ? 'application/vnd.microsoft.meetingParticipantJoin'
        : 'application/vnd.microsoft.meetingParticipantLeave',
      value: {
        members: people.map((p) => ({
          user: { id: p.id, aadObjectId: p.aadObjectId, name: p.name },
          meeting: { inMeeting: joined, role: 'Attendee' },
        })),
      },
    }),
  };
}

export type Chat = ReturnType<typeof chatOf>;

export interface Posted {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** POSTs an activity to the bot's endpoint, as the Bot Connector does. */
export async function post(botUrl: string, activity: unknown): Promise<Posted> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

// --- Cards --------------------------------------------------------------------------------

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface Card {
  readonly body?: readonly unknown[];
  readonly actions?: readonly unknown[];
  readonly refresh?: unknown;
}

export interface CardAction {
  readonly type: string;
  readonly title: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
  readonly card?: Card;
}

/** The Adaptive Card a message of the bot carries, if it carries one. */
export function adaptiveCardIn(body: Record<string, unknown>): Card | undefined {
  const attachments = body.attachments as { contentType?: string; content?: Card }[] | undefined;
  return attachments?.find((a) => a.contentType === ADAPTIVE_CARD)?.content;
}

/** Every button of a card, with those folded in forms (Action.ShowCard). */
export function actionsOf(card: Card): CardAction[] {
  const actions = (card.actions ?? []) as CardAction[];
  return actions.flatMap((a) => (a.type === 'Action.ShowCard' && a.card ? actionsOf(a.card) : [a]));
}
