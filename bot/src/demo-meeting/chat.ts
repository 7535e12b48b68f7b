import type { Language, WireCommand } from '@council/shared';
import type { Channel, Person } from './client';
import type { RecordingConnector } from './connector';
import {
  ADAPTIVE_CARD,
  actionsOf,
  adaptiveCardIn,
  chatOf,
  chatPerson,
  post,
  type Activity,
  type Card,
  type CardAction,
} from './teams';

const MEETING_CHAT = '19:meeting_demo-council@thread.v2';
/** How long the bot may take to post a card after the command that opens it. */
const CARD_WAIT_MS = 15_000;

interface CardRef {
  readonly kind: string;
  readonly id: string;
}

interface ActionData {
  readonly card?: CardRef;
  readonly choice?: unknown;
}

/** Which card of the meeting a message shows, as its buttons name it. */
function refOf(card: Card): CardRef | undefined {
  const refresh = card.refresh as { action?: { data?: ActionData } } | undefined;
  return (
    refresh?.action?.data?.card ??
    actionsOf(card)
      .map((a) => (a.data as ActionData | undefined)?.card)
      .find((ref) => ref !== undefined)
  );
}

/** The texts a card shows in the Attention colour: a refusal answering a press, or a warning. */
function attentionOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(attentionOf);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as Record<string, unknown>;
  const own =
    element.type === 'TextBlock' && element.color === 'Attention' ? [String(element.text)] : [];
  return [...own, ...['body', 'items', 'columns'].flatMap((key) => attentionOf(element[key]))];
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
  const chat = chatOf({
    serviceUrl: connector.url,
    conversationId: MEETING_CHAT,
    tenantId,
    locale: language,
  });
  const inChat = (person: Person) => chatPerson({ aadObjectId: person.id, name: person.name });
  let pressed = 0;
  const warnings: { readonly person: Person; readonly text: string }[] = [];

  async function send(activity: Activity): Promise<Record<string, unknown>> {
    const answer = await post(botUrl, activity);
    if (answer.status >= 300) {
      throw new Error(`POST /api/messages: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }

  /** The card as the chat shows it now: the last post or update of it in the meeting chat. */
  async function shownCard(match: (ref: CardRef) => boolean): Promise<Card> {
    const until = Date.now() + CARD_WAIT_MS;
    for (;;) {
      const shown = connector.calls
        .filter((c) => c.conversationId === MEETING_CHAT && c.kind !== 'members')
        .map((c) => adaptiveCardIn(c.body))
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

  /** A member's invoke: their own view of the card comes back. */
  async function ownView(person: Person, activity: Activity, verb: string): Promise<Card> {
    const answer = await send(activity);
    if (answer.type !== ADAPTIVE_CARD)
      throw new Error(`${person.name}, ${verb}: ${JSON.stringify(answer)}`);
    return answer.value as Card;
  }

  /** The answer to a press must refuse nothing. */
  function refuseNothing(person: Person, card: Card, verb: string): void {
    const refused = attentionOf(card.body);
    if (refused.length > 0) throw new Error(`${person.name}, ${verb}: ${refused.join(' ')}`);
  }

  /**
   * A member presses a button of their own view of a shared card: Teams first refreshes the card
   * for each member it names (as a closed-session card shows its buttons to members only). What
   * that view shows in the Attention colour (quorum lost during a vote) is what the bot warned them of.
   */
  async function press(person: Person, shared: Card, verb: string, choice?: string) {
    const who = inChat(person);
    const card = shared.refresh
      ? await ownView(person, chat.refresh(who, shared), 'refresh')
      : shared;
    warnings.push(...attentionOf(card.body).map((text) => ({ person, text })));
    const button = actionsOf(card).find(
      (b: CardAction) => b.verb === verb && (choice === undefined || b.data.choice === choice),
    );
    // Never the choice next to the member's name: the vote may be secret, and errors get printed.
    if (!button) throw new Error(`no ${verb} button for the choice on ${person.name}’s card`);
    refuseNothing(person, await ownView(person, chat.press(who, button), verb), verb);
    pressed += 1;
  }

  const meeting = {
    /** How many buttons members pressed on the bot's cards. */
    get pressed() {
      return pressed;
    },

    /** What members saw in the Attention colour on their own views of the cards they pressed. */
    get warnings(): readonly { readonly person: Person; readonly text: string }[] {
      return warnings;
    },

    /** The director links the chat to the meeting record; the bot posts the meeting's card. */
    async link(director: Person, meetingId: string): Promise<void> {
      await send(chat.message(inChat(director), `link ${meetingId}`));
      await shownCard((ref) => ref.kind === 'welcome' && ref.id === meetingId);
    },

    /**
     * A step on a card of the meeting chat: a member's "Present" at the roll call and their ballot;
     * the chair's "Close the vote" and "Second round" on a tied appointment's result.
     */
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
        case 'CloseVote': {
          const card = await shownCard((ref) => ref.kind === 'vote' && ref.id === command.voteId);
          return press(person, card, 'vote.close');
        }
        case 'OpenVote':
          // Only a second round opens from a card: the one on the tied result.
          if (command.runoffOf !== undefined) {
            const tied = command.runoffOf;
            const card = await shownCard((ref) => ref.kind === 'result' && ref.id === tied);
            return press(person, card, 'vote.runoff');
          }
          break;
        default:
          break;
      }
      throw new Error(`${command.type} is not a step on a card of the meeting chat`);
    },
  };
  return meeting satisfies Channel;
}
