import type { Language, WireCommand } from '@council/shared';
import type { Channel, Person } from './client';
import type { ConnectorCall, RecordingConnector } from './connector';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MEETING_CHAT = '19:meeting_demo-council@thread.v2';
const BOT = { id: '28:council-meetings', name: 'Council Meetings' };
/** How long the bot may take to post a card after the command that opens it. */
const CARD_WAIT_MS = 15_000;

interface CardRef {
  readonly kind: string;
  readonly id: string;
}

interface Button {
  readonly type?: string;
  readonly verb?: string;
  readonly data?: Record<string, unknown> & { card?: CardRef };
  readonly card?: Card;
}

interface Card {
  readonly body?: readonly unknown[];
  readonly actions?: readonly Button[];
  readonly refresh?: { readonly action?: Button };
}

function cardOf(call: ConnectorCall): Card | undefined {
  const attachments = call.body.attachments as
    { contentType?: string; content?: Card }[] | undefined;
  return attachments?.find((a) => a.contentType === ADAPTIVE_CARD)?.content;
}

/** Every button of a card, with those folded in forms (Action.ShowCard). */
function buttonsOf(card: Card): Button[] {
  return (card.actions ?? []).flatMap((b) =>
    b.type === 'Action.ShowCard' && b.card ? buttonsOf(b.card) : [b],
  );
}

/** Which card of the meeting a message shows, as its buttons name it. */
function refOf(card: Card): CardRef | undefined {
  return card.refresh?.action?.data?.card ?? buttonsOf(card).find((b) => b.data?.card)?.data?.card;
}

/** The texts a card shows in the Attention colour: a refusal, on a member's own view. */
function refusalsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refusalsOf);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Record<string, unknown>;
  const own =
    element.type === 'TextBlock' && element.color === 'Attention' ? [String(element.text)] : [];
  return [...own, ...['body', 'items', 'columns'].flatMap((key) => refusalsOf(element[key]))];
}

/**
 * The demo council's meeting chat in Teams, as the bot sees it: activities POSTed to the service's
 * /api/messages, the bot's cards received by the recording connector, and members pressing their
 * buttons (Universal Actions, `adaptiveCard/action` invokes), as Teams sends them.
 */
export function meetingChat(options: {
  readonly botUrl: string;
  readonly connector: RecordingConnector;
  readonly tenantId: string;
  readonly language: Language;
}) {
  const { botUrl, connector, tenantId, language } = options;
  let counter = 0;
  let pressed = 0;

  const activity = (person: Person, rest: Record<string, unknown>) => ({
    id: `demo-${++counter}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    locale: language,
    from: { id: `29:${person.id}`, aadObjectId: person.id, name: person.name },
    recipient: BOT,
    conversation: { id: MEETING_CHAT, conversationType: 'groupChat', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId } },
    ...rest,
  });

  async function post(body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST /api/messages: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  /** The card as the chat shows it now: the last post or update of it in the meeting chat. */
  async function shownCard(match: (ref: CardRef) => boolean): Promise<Card> {
    const until = Date.now() + CARD_WAIT_MS;
    for (;;) {
      const shown = connector.calls
        .filter((c) => c.conversationId === MEETING_CHAT && c.kind !== 'members')
        .map(cardOf)
        .filter((card): card is Card => {
          const ref = card && refOf(card);
          return ref !== undefined && match(ref);
        })
        .at(-1);
      if (shown) return shown;
      if (Date.now() > until) throw new Error('the bot did not post the card in the meeting chat');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async function invoke(person: Person, button: Button, trigger: 'manual' | 'automatic') {
    const { verb = '', data = {} } = button;
    const answer = await post(
      activity(person, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger },
      }),
    );
    const own = answer.type === ADAPTIVE_CARD ? (answer.value as Card) : undefined;
    const refused = own ? refusalsOf(own.body) : [JSON.stringify(answer)];
    if (!own || refused.length > 0) {
      throw new Error(`${person.name}, ${verb}: ${refused.join(' ')}`);
    }
    return own;
  }

  /**
   * A member presses a button of their own view of a shared card: Teams first refreshes the card
   * for each member it names (as a closed-session card shows its buttons to members only).
   */
  async function press(person: Person, shared: Card, verb: string, choice?: string) {
    const refresh = shared.refresh?.action;
    const card = refresh ? await invoke(person, refresh, 'automatic') : shared;
    const button = buttonsOf(card).find(
      (b) => b.verb === verb && (choice === undefined || b.data?.choice === choice),
    );
    // Never the choice next to the member's name: the vote may be secret, and errors get printed.
    if (!button) throw new Error(`no ${verb} button for the choice on ${person.name}’s card`);
    await invoke(person, button, 'manual');
    pressed += 1;
  }

  const chat = {
    /** How many buttons members pressed on the bot's cards. */
    get pressed() {
      return pressed;
    },

    /** The director links the chat to the meeting record; the bot posts the meeting's card. */
    async link(director: Person, meetingId: string): Promise<void> {
      await post(activity(director, { type: 'message', text: `link ${meetingId}` }));
      await shownCard((ref) => ref.kind === 'welcome' && ref.id === meetingId);
    },

    /** A member's step on a card of the meeting chat: the roll call's "Present", a ballot. */
    async send(person: Person, _meetingId: string, command: WireCommand): Promise<void> {
      switch (command.type) {
        case 'AnswerRollCall':
          return press(
            person,
            await shownCard((ref) => ref.kind === 'rollCall'),
            'rollCall.answer',
          );
        case 'CastBallot': {
          const card = await shownCard((ref) => ref.kind === 'vote' && ref.id === command.voteId);
          return press(person, card, 'vote.cast', command.choice);
        }
        default:
          throw new Error(`${command.type} is not a step on a card of the meeting chat`);
      }
    },
  };
  return chat satisfies Channel;
}
