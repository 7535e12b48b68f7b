/** Activities as Teams sends them to a bot, and what the tests read in the bot's cards. */
import type { Call } from './connector';

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

// --- Reading cards -------------------------------------------------------------------------

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
}

/** The Adaptive Card of a message the bot sent or updated. */
export function cardOf(call: Call | { body: Record<string, unknown> }): Card {
  const attachments = call.body.attachments as { contentType: string; content: Card }[] | undefined;
  const card = attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  );
  if (!card) throw new Error(`no card in ${JSON.stringify(call.body).slice(0, 300)}`);
  return card.content;
}

/** The card of an invoke's answer (a member's own view). */
export function viewOf(posted: Posted): Card {
  if (posted.body.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`not a card: ${JSON.stringify(posted)}`);
  }
  return posted.body.value as Card;
}

/** Every button of a card, with those folded in forms. */
export function actionsOf(card: Card): CardAction[] {
  const actions = (card.actions ?? []) as (CardAction & { card?: Card })[];
  return actions.flatMap((a) => (a.type === 'Action.ShowCard' && a.card ? actionsOf(a.card) : [a]));
}

export function button(card: Card, verb: string, match: Partial<Record<string, unknown>> = {}) {
  const found = actionsOf(card).find(
    (a) => a.verb === verb && Object.entries(match).every(([k, v]) => a.data[k] === v),
  );
  if (!found) {
    const have = actionsOf(card).map((a) => `${a.verb} ${JSON.stringify(a.data)}`);
    throw new Error(`no ${verb} button; the card has:\n${have.join('\n')}`);
  }
  return found;
}

export function hasButton(card: Card, verb: string): boolean {
  return actionsOf(card).some((a) => a.verb === verb);
}

/** All the text a reader sees on a card, in order, on one line each. */
export function textOf(card: Card): string {
  const lines: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') lines.push(element.text);
    if (element.type === 'FactSet') {
      for (const fact of element.facts as { title: string; value: string }[]) {
        lines.push(`${fact.title}: ${fact.value}`);
      }
    }
    if (element.type === 'Action.Execute' || element.type === 'Action.ShowCard') {
      lines.push(`[${String(element.title)}]`);
    }
    for (const key of ['body', 'items', 'columns', 'actions', 'card']) visit(element[key]);
  };
  visit(card);
  return lines.join('\n');
}
