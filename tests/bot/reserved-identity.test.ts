/**
 * `system` is the id the service acts under (counting a closed secret ballot box): no one signs
 * in or speaks in the chat as it, in any letter case. (A verified Entra token for it is refused
 * in sign-in-over-http.test.ts.)
 */
import { chatPerson } from './support/teams';
import { BOT_START_MS, startBot, type RunningBot } from './teams/bot';

jest.setTimeout(BOT_START_MS);

let bot: RunningBot;

beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

const signIn = (objectId: string) =>
  fetch(`${bot.running.url}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: 'tenant', objectId, name: 'Service' }),
  });

test.each(['system', 'SYSTEM', 'System'])('no dev token is issued for %s', async (objectId) => {
  const reply = await signIn(objectId);
  expect(reply.status).toBe(400);
  const body = (await reply.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ code: 'INVALID_COMMAND' });
  expect(body).not.toHaveProperty('token');
});

test('a dev token is still issued for a person', async () => {
  expect((await signIn('systems-officer')).status).toBe(200);
});

test.each(['system', 'SYSTEM', 'System'])(
  'an activity from %s is refused with 400, and the bot neither answers nor changes anything',
  async (aadObjectId) => {
    const service = chatPerson({ aadObjectId, name: 'Service' });
    const before = await bot.running.service.meetings.load(bot.meetingId);
    const calls = bot.connector.calls.length;
    const said = await bot.send(bot.chat.message(service, 'help'));
    const pressed = await bot.send(
      bot.chat.press(service, { verb: 'rollCall.present', data: { meetingId: bot.meetingId } }),
    );
    for (const reply of [said, pressed]) {
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'INVALID_COMMAND' });
    }
    expect(bot.connector.calls.length).toBe(calls);
    expect((await bot.running.service.meetings.load(bot.meetingId))?.version).toBe(before?.version);
    // The same words from a member are answered.
    expect((await bot.send(bot.chat.message(bot.chair, 'help'))).status).toBe(200);
    expect(bot.connector.calls.length).toBeGreaterThan(calls);
  },
);
