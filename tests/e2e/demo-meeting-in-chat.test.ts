import { BOT_START_MS, startBot, type RunningBot } from '../bot/teams/bot';
import type { Call } from '../bot/support/connector';
import { demo } from '../bot/support/service';
import {
  button,
  cardOf,
  chatOf,
  hasButton,
  textOf,
  viewOf,
  type Card,
  type ChatPerson,
} from '../bot/support/teams';

/**
 * The demo council's meeting run through the bot alone, as Teams would carry it: every step is an
 * activity posted to /api/messages, and everything the bot says goes to the recording connector.
 */
describe('the demo meeting through the bot alone', () => {
  let bot: RunningBot;
  let present: ChatPerson[];

  beforeAll(async () => {
    bot = await startBot();
    present = bot.members.slice(0, 30);
  }, BOT_START_MS);
  afterAll(() => bot.close());

  const posted = (call: Call) => call.kind === 'send' || call.kind === 'reply';

  /** The first card the bot posted whose text matches, and its message id. */
  async function postedCard(match: RegExp): Promise<{ card: Card; id: string }> {
    const call = await bot.connector.waitFor(
      (c) => posted(c) && c.body.attachments !== undefined && match.test(textOf(cardOf(c))),
    );
    return { card: cardOf(call), id: call.newId ?? '' };
  }

  /** The last version of a posted message: its latest update, or the card as posted. */
  function latest(id: string): Card {
    const updates = bot.connector.calls.filter((c) => c.kind === 'update' && c.activityId === id);
    const last = updates.at(-1);
    if (last) return cardOf(last);
    const sent = bot.connector.calls.find((c) => c.newId === id);
    if (!sent) throw new Error(`no message ${id}`);
    return cardOf(sent);
  }

  async function eventually(id: string, match: RegExp): Promise<Card> {
    const until = Date.now() + 10_000;
    for (;;) {
      const card = latest(id);
      if (match.test(textOf(card))) return card;
      if (Date.now() > until) throw new Error(`the card never showed ${match}:\n${textOf(card)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function press(person: ChatPerson, card: Card, verb: string, match = {}, inputs = {}) {
    const answer = await bot.send(bot.chat.press(person, button(card, verb, match), inputs));
    expect(answer.status).toBe(200);
    return viewOf(answer);
  }

  let welcome: Card;
  let rollCall: { card: Card; id: string };
  let vote: { card: Card; id: string };

  test('added to the meeting chat, the bot offers to link it; the chair links it and sees the meeting as chair', async () => {
    expect((await bot.send(bot.chat.botAdded(bot.chair))).status).toBe(200);
    const { card: offer } = await postedCard(/Link this chat/);
    welcome = await press(bot.chair, offer, 'meeting.link', { meetingId: bot.meetingId });
    expect(textOf(welcome)).toContain('Your role: chair.');
    expect(hasButton(welcome, 'meeting.open')).toBe(true);
    await postedCard(/Ordre du jour/);
  });

  test('the chair opens the meeting and the roll call; 30 members answer present, one of them twice at once', async () => {
    const opened = await press(bot.chair, welcome, 'meeting.open');
    await press(bot.chair, opened, 'rollCall.open');
    rollCall = await postedCard(/Appel nominal/);
    const views = await Promise.all([
      ...present.map((member) => press(member, rollCall.card, 'rollCall.answer')),
      press(present[1] as ChatPerson, rollCall.card, 'rollCall.answer'),
    ]);
    for (const view of views) expect(textOf(view)).toContain('You are marked present.');
    await eventually(rollCall.id, /Présents: 30 sur 49/);
  });

  test('the chair closes the roll call: 30 present, 19 absent, quorum reached', async () => {
    const chairView = await bot.send(bot.chat.refresh(bot.chair, latest(rollCall.id)));
    await press(bot.chair, viewOf(chairView), 'rollCall.close');
    const summary = await eventually(rollCall.id, /Appel nominal clos/);
    expect(textOf(summary)).toMatch(/Présents: 30/);
    expect(textOf(summary)).toMatch(/Absents: 19/);
    expect(textOf(summary)).toMatch(/Quorum.*atteint \(25 requis\)/s);
  });

  let motion: { card: Card; id: string };

  test('on item 2 a member tables a motion from the item card and another seconds it', async () => {
    for (const _ of [1, 2]) {
      const next = await bot.send(bot.chat.message(bot.chair, 'next'));
      expect(next.status).toBe(200);
    }
    const item = await postedCard(/Point en discussion\n2\. Modification budgétaire/);
    const tabled = await press(
      bot.members[5] as ChatPerson,
      item.card,
      'motion.propose',
      {},
      {
        motionText: 'Adopt budget amendment no. 2 as presented.',
      },
    );
    expect(textOf(tabled)).toContain('Your motion is tabled');
    motion = await postedCard(/Adopt budget amendment no\. 2/);
    const seconded = await press(bot.members[6] as ChatPerson, motion.card, 'motion.second');
    expect(textOf(seconded)).toMatch(/Seconded by/);
  });

  test('a budget amendment is voted in public (CDLD L1122-27): the chair puts the motion to a named vote; the meeting is notified', async () => {
    const chairView = viewOf(await bot.send(bot.chat.refresh(bot.chair, latest(motion.id))));
    expect(() => button(chairView, 'vote.open', { secret: true })).toThrow(/no vote.open button/);
    await press(bot.chair, chairView, 'vote.open', { secret: false });
    vote = await postedCard(/Vote nominatif/);
    expect(textOf(vote.card)).toContain('0 sur 30 a voté');
    const notice = await bot.connector.waitFor((c) => c.kind === 'notify');
    expect(notice.body).toMatchObject({ type: 'targetedMeetingNotification' });
  });

  test('30 members vote at once; each sees their own vote recorded', async () => {
    const choices = present.map((_, i) => (i < 20 ? 'yes' : i < 28 ? 'no' : 'abstain'));
    const receipts = await Promise.all(
      present.map((member, i) => press(member, vote.card, 'vote.cast', { choice: choices[i] })),
    );
    const said = { yes: 'Yes', no: 'No', abstain: 'Abstain' } as const;
    receipts.forEach((receipt, i) => {
      expect(textOf(receipt)).toContain(`Your vote is recorded: ${said[choices[i] ?? 'yes']}`);
    });
    await eventually(vote.id, /Le vote est clos : 30 sur 30/);
  });

  let personal: string;
  let directorCard: Card;

  test('the director alone receives the result, in a new 1:1 chat, with the rule applied', async () => {
    const created = await bot.connector.waitFor((c) => c.kind === 'create');
    expect(created.body).toMatchObject({
      isGroup: false,
      members: [{ id: bot.director.id }],
      tenantId: demo.tenantId,
    });
    personal = created.conversationId;
    const sent = await bot.connector.waitFor((c) => posted(c) && c.conversationId === personal);
    directorCard = cardOf(sent);
    const text = textOf(directorCard);
    expect(text).toContain('Résultat à publier');
    expect(text).toMatch(/Adopté/);
    expect(text).toMatch(/Oui: 20\nNon: 8\nAbstention: 2/);
    expect(text).toContain('Wallonie (CDLD)');
    expect(hasButton(directorCard, 'result.publish')).toBe(true);
    const meetingChat = bot.connector.calls.filter(
      (c) => c.conversationId !== personal && c.body.attachments,
    );
    for (const call of meetingChat) expect(textOf(cardOf(call))).not.toMatch(/Oui: 20/);
  });

  test('the director publishes; the result appears in the meeting chat, with who voted how', async () => {
    const inPersonal = chatOf({
      serviceUrl: bot.connector.url,
      conversationId: personal,
      tenantId: (bot.chat.message(bot.director, '').conversation as { tenantId: string }).tenantId,
      conversationType: 'personal',
    });
    const answer = await bot.send(
      inPersonal.press(bot.director, button(directorCard, 'result.publish')),
    );
    expect(textOf(viewOf(answer))).toContain('Published in the meeting chat.');
    const result = await postedCard(/Résultat du vote nominatif/);
    const text = textOf(result.card);
    expect(text).toMatch(/Adopté/);
    expect(text).toMatch(/Oui: 20/);
    // A named vote says who chose what.
    expect(text).toContain((present[25] as ChatPerson).name);
    await eventually(motion.id, /Adoptée\./);
  });
});
