import { en } from '../../bot/src/teams/locales/en';
import { startConnector } from '../../tests/bot/support/connector';
import {
  actionsOf,
  button,
  cardOf,
  chatOf,
  chatPerson,
  textOf,
  type Card,
} from '../../tests/bot/support/teams';
import type { HttpClient } from '../lib/http';
import type { Person, Session } from '../lib/session';
import type { Ballot, BallotChannel } from './ballot-burst';

const RECEIVED = en['vote.secretReceived'];

/**
 * Members read the card's question before they press: nobody presses within two seconds of the
 * card appearing. The tab channel's members spend as long sealing their ballots in their browsers
 * (prepare, before the burst), so both bursts start after a like pause.
 */
const READING_MS = 2_000;

const asChatPerson = (person: Person) => chatPerson({ aadObjectId: person.id, name: person.id });

/**
 * Members vote on the bot's vote card: each ballot is the `adaptiveCard/action` invoke that the
 * card's Action.Execute sends, posted to /api/messages as the Bot Connector does, in a meeting chat
 * the chair has linked. A loopback connector takes whatever the bot posts (its cards, their
 * debounced updates); a ballot is acknowledged when the invoke's answer is the member's own card
 * saying the ballot was received.
 */
export const botChannel: BallotChannel = {
  name: 'bot',
  async open(client: HttpClient, session: Session) {
    const connector = await startConnector();
    // A chat of each meeting's own, since a chat is linked to one meeting: Teams' meeting id is
    // the chat's thread id wrapped in `0#…#0`, base64.
    const conversationId = `19:meeting_bench-${session.meetingId}@thread.v2`;
    const chat = chatOf({
      serviceUrl: connector.url,
      conversationId,
      tenantId: session.tenantId,
      teamsMeetingId: Buffer.from(`0#${conversationId}#0`).toString('base64'),
    });
    const linked = await client.post(
      '/api/messages',
      chat.message(asChatPerson(session.chair), `link ${session.meetingId}`),
    );
    if (linked.status !== 200) throw new Error(`linking the chat: HTTP ${linked.status}`);

    // The shared vote card the bot posted in the chat: its buttons are what members press.
    const cards = new Map<string, Card>();
    const voteCard = (voteId: string) => {
      const card = cards.get(voteId);
      if (!card) throw new Error(`no vote card seen for ${voteId}`);
      return card;
    };
    const request = ({ voter, voteId, choice }: Ballot) => ({
      path: '/api/messages',
      body: chat.press(asChatPerson(voter), button(voteCard(voteId), 'vote.cast', { choice })),
      headers: {},
    });
    return {
      async voteOpened(voteId) {
        const posted = await connector.waitFor(
          (call) =>
            (call.kind === 'send' || call.kind === 'reply') &&
            call.body.attachments !== undefined &&
            actionsOf(cardOf(call)).some((a) => a.data.voteId === voteId),
          30_000,
        );
        cards.set(voteId, cardOf(posted));
        await new Promise((resolve) => setTimeout(resolve, READING_MS));
      },
      request,
      async cast(ballot) {
        const { path, body } = request(ballot);
        const answer = await client.post(path, body);
        const view = answer.body as { type?: unknown; value?: Card } | undefined;
        return (
          answer.status === 200 &&
          view?.type === 'application/vnd.microsoft.card.adaptive' &&
          view.value !== undefined &&
          textOf(view.value).includes(RECEIVED)
        );
      },
      close: () => connector.close(),
    };
  },
};
