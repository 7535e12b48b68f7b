/**
 * What people write (names, titles, motions, and words the bot does not know) reaches the chat as
 * the very characters they typed: in cards and markdown replies no one can make a link, an image
 * or emphasis of their own.
 */
import type { Call } from '../support/connector';
import { openDemoMeeting, type DemoMeeting } from '../support/meeting';
import { demo } from '../support/service';
import { button, cardOf, chatOf, chatPerson, textOf, type Card } from '../support/teams';
import { BOT_START_MS, startBot, type RunningBot } from './bot';

jest.setTimeout(BOT_START_MS);

const LINK = '[Vote here](https://evil.example/vote)';
const ESCAPED_LINK = '\\[Vote here\\](https://evil.example/vote)';
/** A `[…](` whose brackets are not escaped: a link or an image in Teams' markdown. */
const RAW_LINK = /(^|[^\\])\[[^\]]*[^\\]\]\(/m;

let bot: RunningBot;
let meeting: DemoMeeting;
const [first, second] = demo.members;
if (!first || !second) throw new Error('the demo council has members');
const chair = chatPerson(first);
const member = chatPerson({ ...second, name: `**Bruno** ${LINK}` });

beforeAll(async () => {
  bot = await startBot();
  const council = {
    ...demo,
    meeting: { ...demo.meeting, title: `Council ${LINK}` },
    members: demo.members.map((m, i) => (i === 1 ? { ...m, name: member.name } : m)),
    agenda: demo.agenda.map((item) => ({
      ...item,
      title: { ...item.title, fr: `${item.title.fr} ![pixel](https://evil.example/p.png)` },
    })),
  };
  meeting = await openDemoMeeting(bot.running, 30, council);
});
afterAll(() => bot.close());

const chat = () =>
  chatOf({
    serviceUrl: bot.connector.url,
    conversationId: 'markdown-chat',
    tenantId: demo.tenantId,
  });
const inChat = (call: Call) => call.conversationId === 'markdown-chat';

/** Everything the bot wrote in the chat: reply texts and the text of every card. */
function written(): string[] {
  return bot.connector.calls.filter(inChat).flatMap((call) => {
    const texts = typeof call.body.text === 'string' ? [call.body.text] : [];
    return call.body.attachments === undefined ? texts : [...texts, textOf(cardOf(call))];
  });
}

test('titles, names, motions and unknown words show as written, never as links or images', async () => {
  const director = chatPerson(demo.director);
  const linked = await bot.send(chat().message(director, `link ${meeting.meetingId}`));
  expect(linked.status).toBe(200);
  expect((await bot.send(chat().message(chair, `what is ${LINK}`))).status).toBe(200);
  for (let i = 0; i < 5; i++) {
    expect((await meeting.chair.command(meeting.meetingId, { type: 'NextItem' })).status).toBe(200);
  }
  const item = await bot.connector.waitFor(
    (c) =>
      inChat(c) &&
      c.body.attachments !== undefined &&
      /Point en discussion\n6\. Motion relative/.test(textOf(cardOf(c))),
  );
  const proposal = chat().press(member, button(cardOf(item), 'motion.propose'), {
    motionText: `Close the post office.\n- ${LINK}\n# Adopted`,
  });
  expect((await bot.send(proposal)).status).toBe(200);
  const motion: Card = cardOf(
    await bot.connector.waitFor(
      (c) => inChat(c) && /Close the post office/.test(JSON.stringify(c.body)),
    ),
  );

  const all = written();
  expect(all.join('\n')).toContain(`Council ${ESCAPED_LINK}`);
  expect(all.join('\n')).toContain(`\\*\\*Bruno\\*\\* ${ESCAPED_LINK}`);
  expect(all.join('\n')).toContain('!\\[pixel\\](https://evil.example/p.png)');
  expect(textOf(motion)).toContain(`Close the post office.\n\\- ${ESCAPED_LINK}\n\\# Adopted`);
  for (const text of all) expect(text).not.toMatch(RAW_LINK);
});
