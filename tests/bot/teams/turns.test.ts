import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { loadCouncil } from '../../../bot/src/demo';
import { createLogger } from '../../../bot/src/log';
import { createMeetingService } from '../../../bot/src/meetings/service';
import { createClerk, type Clerk } from '../../../bot/src/minutes';
import { openDb, openMeetingStore, type MeetingStore } from '../../../bot/src/store';
import { buildBot } from '../../../bot/src/teams';
import type { Card } from '../../../bot/src/teams/cards';
import type { Messenger } from '../../../bot/src/teams/messenger';
import { demo } from '../support/service';
import { chatPerson, textOf, type ChatPerson } from '../support/teams';
import { BOT_START_MS } from './bot';

/**
 * The bot's turns with botbuilder's TestAdapter: no HTTP, no connector. What the bot would post
 * on its own goes to a messenger that only records.
 */

interface Posted {
  readonly conversationId: string | undefined;
  readonly card: Card;
}

function recordingMessenger() {
  const posted: Posted[] = [];
  const messenger: Messenger = {
    post(chat, card) {
      posted.push({ conversationId: chat.conversation?.id, card });
      return Promise.resolve(`posted-${posted.length}`);
    },
    send: () => Promise.resolve(`sent-${posted.length}`),
    update: () => Promise.resolve(),
    openPersonalChat: (from) =>
      Promise.resolve({
        ...from,
        conversation: { id: 'personal', isGroup: false, conversationType: 'personal', name: '' },
      }),
    notifyMeeting: () => Promise.resolve(),
    members: () => Promise.resolve([]),
  };
  return { messenger, posted };
}

const CHAT = 'test-meeting-chat';

function from(
  person: ChatPerson,
  locale = 'en-US',
  conversationType = 'groupChat',
): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    locale,
    from: { id: person.id, name: person.name, aadObjectId: person.aadObjectId },
    recipient: { id: '28:bot', name: 'Council Meetings' },
    conversation: { id: CHAT, conversationType, isGroup: true, tenantId: demo.tenantId, name: '' },
    channelData: { tenant: { id: demo.tenantId } },
  };
}

function invokeCard(activity: Partial<Activity>): Card {
  const value = activity.value as { status: number; body: { type: string; value: Card } };
  expect(activity.type).toBe('invokeResponse');
  expect(value.status).toBe(200);
  return value.body.value;
}

describe('the bot turn by turn (TestAdapter)', () => {
  let store: MeetingStore;
  let clerk: Clerk;
  let adapter: TestAdapter;
  let posted: Posted[];
  let meetingId: string;
  const chair = chatPerson(demo.members[0] as { aadObjectId: string; name: string });
  const councillor = chatPerson(demo.members[1] as { aadObjectId: string; name: string });

  beforeAll(async () => {
    store = await openMeetingStore(await openDb({}));
    const log = createLogger('silent');
    const meetings = createMeetingService(store, log);
    clerk = createClerk(store, meetings, { workers: 1, queue: 4, cacheBytes: 1_000_000 });
    const service = { meetings } as Parameters<typeof loadCouncil>[0];
    meetingId = await loadCouncil(
      service,
      path.join(__dirname, '../../../bot/fixtures/council-demo.json'),
    );
    const recording = recordingMessenger();
    posted = recording.posted;
    const { bot } = buildBot(
      {
        meetings,
        store,
        log,
        clerk,
        meetingsOf: (tenantId, memberId) =>
          store.meetingsFor(tenantId, memberId, { convened: false }),
      },
      { config: { MicrosoftAppType: 'SingleTenant' }, messenger: recording.messenger },
    );
    adapter = new TestAdapter((context) => bot.run(context));
  }, BOT_START_MS);
  afterAll(async () => {
    await clerk.close();
    await store.close();
  });

  test('help answers in the language of the activity', async () => {
    await adapter
      .send({ ...from(councillor, 'fr-BE'), type: 'message', text: 'aide' })
      .assertReply((reply) => {
        expect(reply.text).toContain('Ce que vous pouvez m’écrire');
        expect(reply.text).toContain('**présent**');
      })
      .send({ ...from(councillor, 'de-DE'), type: 'message', text: 'hilfe' })
      .assertReply((reply) => {
        expect(reply.text).toContain('Was Sie mir schreiben können');
      })
      .startTest();
  });

  test('in a chat not linked yet, any message gets the card that links it', async () => {
    await adapter
      .send({ ...from(councillor), type: 'message', text: 'hello' })
      .assertReply((reply) => {
        const card = reply.attachments?.[0]?.content as Card;
        expect(textOf(card)).toContain('Link this chat to a council meeting');
        expect(textOf(card)).toContain(`[Link: ${demo.meeting.title}]`);
      })
      .startTest();
  });

  test('a councillor may not link the chat; the chair links it and the meeting card is posted', async () => {
    await adapter
      .send({ ...from(councillor), type: 'message', text: `link ${meetingId}` })
      .assertReply('Only the chair or the general director of that meeting may link it.')
      .send({ ...from(chair), type: 'message', text: `link ${meetingId}` })
      .assertReply(`This chat is now the chat of “${demo.meeting.title}”.`)
      .startTest();
    expect(await store.findTeamsMeeting(demo.tenantId, `chat:${CHAT}`)).toMatchObject({
      id: meetingId,
    });
    expect(posted.map((p) => textOf(p.card).split('\n')[0])).toEqual([demo.meeting.title]);
  });

  test('a button press is answered with the presser’s own view of the card', async () => {
    await adapter
      .send({
        ...from(chair),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'refresh',
            data: { meetingId, card: { kind: 'welcome', id: meetingId } },
          },
        },
      })
      .assertReply((reply) => {
        const card = invokeCard(reply);
        expect(textOf(card)).toContain('Your role: chair.');
        expect(textOf(card)).toContain('[Open the meeting]');
      })
      .startTest();
  });

  test('an unknown verb gets a 400 error answer, not a card', async () => {
    await adapter
      .send({
        ...from(chair),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'vote.rig', data: { meetingId } } },
      })
      .assertReply((reply) => {
        expect(reply.value).toMatchObject({
          status: 400,
          body: { statusCode: 400, type: 'application/vnd.microsoft.error' },
        });
      })
      .startTest();
  });
});
