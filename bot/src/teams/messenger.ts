import {
  CardFactory,
  type Activity,
  TeamsInfo,
  TurnContext,
  type CloudAdapter,
  type ConversationReference,
  type TeamsChannelAccount,
} from 'botbuilder';
import type { Card } from './cards';

/** The public cloud's Bot Connector: the audience of the bot's own tokens when it speaks first. */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export interface Person {
  /** The Teams user id ("29:…"): what cards' `refresh.userIds` and notifications name. */
  readonly id: string;
  readonly aadObjectId: string;
}

/** What the bot says without being spoken to: cards in a chat, updates, a new 1:1 chat, notices. */
export interface Messenger {
  /** Posts a card; answers the new message's id. */
  post(chat: Partial<ConversationReference>, card: Card, summary?: string): Promise<string>;
  /** Sends any message (a file consent card, text); answers its id. */
  send(chat: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string>;
  update(chat: Partial<ConversationReference>, activityId: string, card: Card): Promise<void>;
  /** Opens (or finds) the 1:1 chat with a member, from any chat of the same tenant. */
  openPersonalChat(
    from: Partial<ConversationReference>,
    tenantId: string,
    aadObjectId: string,
  ): Promise<Partial<ConversationReference>>;
  /** A targeted in-meeting notification: a badge on the app in the meeting for these members. */
  notifyMeeting(
    chat: Partial<ConversationReference>,
    teamsMeetingId: string,
    recipients: readonly string[],
  ): Promise<void>;
  /** The people in a chat, with their Teams and Entra ids. */
  members(chat: Partial<ConversationReference>): Promise<Person[]>;
}

export function cardActivity(card: Card, summary?: string) {
  return {
    attachments: [CardFactory.adaptiveCard(card)],
    ...(summary ? { summary } : {}),
  };
}

function person(account: TeamsChannelAccount): Person[] {
  return account.aadObjectId ? [{ id: account.id, aadObjectId: account.aadObjectId }] : [];
}

export function cloudMessenger(adapter: CloudAdapter, appId: string): Messenger {
  const inChat = async <T>(
    chat: Partial<ConversationReference>,
    work: (context: TurnContext) => Promise<T>,
  ): Promise<T> => {
    const turn: { ran: boolean; result?: T } = { ran: false };
    await adapter.continueConversationAsync(appId, chat, async (context) => {
      turn.result = await work(context);
      turn.ran = true;
    });
    if (!turn.ran) throw new Error('the conversation turn did not run');
    return turn.result as T;
  };

  const send = (chat: Partial<ConversationReference>, activity: Partial<Activity>) =>
    inChat(chat, async (context) => {
      const sent = await context.sendActivity(activity);
      if (!sent?.id) throw new Error('the connector gave no id for a sent message');
      return sent.id;
    });

  return {
    post: (chat, card, summary) => send(chat, cardActivity(card, summary)),
    send,

    update: (chat, activityId, card) =>
      inChat(chat, async (context) => {
        await context.updateActivity({ ...cardActivity(card), id: activityId, type: 'message' });
      }),

    async openPersonalChat(from, tenantId, aadObjectId) {
      const member = await inChat(from, (context) =>
        TeamsInfo.getMember(context, aadObjectId).catch(() => undefined),
      );
      let opened: Partial<ConversationReference> | undefined;
      await adapter.createConversationAsync(
        appId,
        from.channelId ?? 'msteams',
        from.serviceUrl ?? '',
        CONNECTOR_AUDIENCE,
        {
          isGroup: false,
          bot: from.bot ?? { id: appId, name: '' },
          members: [{ id: member?.id ?? aadObjectId, name: member?.name ?? '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
          activity: undefined,
        },
        (context) => {
          opened = TurnContext.getConversationReference(context.activity);
          return Promise.resolve();
        },
      );
      if (!opened) throw new Error('no personal chat was created');
      return opened;
    },

    notifyMeeting: (chat, teamsMeetingId, recipients) =>
      inChat(chat, async (context) => {
        await TeamsInfo.sendMeetingNotification(
          context,
          {
            type: 'targetedMeetingNotification',
            value: { recipients: [...recipients], surfaces: [{ surface: 'meetingTabIcon' }] },
          },
          teamsMeetingId,
        );
      }),

    members: (chat) =>
      inChat(chat, async (context) => {
        const people: Person[] = [];
        let continuationToken: string | undefined;
        do {
          const page = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
          people.push(...page.members.flatMap(person));
          continuationToken = page.continuationToken || undefined;
        } while (continuationToken);
        return people;
      }),
  };
}
