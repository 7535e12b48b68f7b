/**
 * A failure answers that it failed, in the catalogue's words, and nothing of what went wrong: no
 * error text from botbuilder, the network or the database reaches the caller (it goes to the log).
 */
import { teamsChat } from '../../../bot/src/teams';
import { demo, startService, type RunningService } from '../support/service';
import { chatOf, chatPerson } from '../support/teams';
import { BOT_START_MS, startBot, type RunningBot } from './bot';

jest.setTimeout(BOT_START_MS);

const INTERNAL = { code: 'INTERNAL', message: 'Internal error; nothing was recorded.' };
const UNAUTHENTICATED = { code: 'UNAUTHENTICATED', message: 'Sign-in required.' };
const english = { 'accept-language': 'en', 'content-type': 'application/json' };

async function answer(url: string, init: RequestInit) {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the bot in local mode', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(() => bot.close());

  test('a turn that fails past the bot’s own handling is a 500 that says only that', async () => {
    // Named as the bot's own proactive turns are, whose failures go back to their caller; its
    // answer cannot be delivered (nothing listens on port 9).
    const activity = {
      ...chatOf({
        serviceUrl: 'http://127.0.0.1:9/',
        conversationId: 'c',
        tenantId: demo.tenantId,
      }).message(chatPerson(demo.director), 'help'),
      name: 'ContinueConversation',
    };
    const reply = await answer(`${bot.running.url}/api/messages`, {
      method: 'POST',
      headers: english,
      body: JSON.stringify(activity),
    });
    expect(reply).toEqual({ status: 500, body: INTERNAL });
  });
});

describe('the bot with Bot Framework auth', () => {
  let running: RunningService;
  beforeAll(async () => {
    running = await startService(undefined, {
      chat: teamsChat({
        config: {
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppId: 'bot-app',
          MicrosoftAppPassword: 'not-a-secret',
          MicrosoftAppTenantId: demo.tenantId,
        },
      }),
    });
  });
  afterAll(() => running.close());

  test.each([
    ['without a token', {}],
    ['with a token that is not one', { authorization: 'Bearer a.b.c' }],
  ])('an activity %s is a 401 in the catalogue’s words, not botbuilder’s', async (_c, auth) => {
    const activity = chatOf({
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversationId: 'c',
      tenantId: demo.tenantId,
    }).message(chatPerson(demo.director), 'help');
    const reply = await answer(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { ...english, ...auth },
      body: JSON.stringify(activity),
    });
    expect(reply).toEqual({ status: 401, body: UNAUTHENTICATED });
  });
});

test('the tab’s API, its database gone, answers a 500 that says only that', async () => {
  const running = await startService();
  try {
    const token = await running.tokenFor(demo.director.aadObjectId);
    await running.db.close();
    const reply = await answer(`${running.url}/api/meetings`, {
      headers: { ...english, authorization: `Bearer ${token}` },
    });
    expect(reply).toEqual({ status: 500, body: INTERNAL });
  } finally {
    await running.close().catch(() => undefined);
  }
});
