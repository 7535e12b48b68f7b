import type { Meeting } from '../../../shared/src';
import { type Call } from '../support/connector';
import { personOf, type Person } from '../support/service';
import { button, cardOf, hasButton, textOf, viewOf, type ChatPerson } from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, startBot, type RunningBot } from './bot';

/**
 * The chair's agenda control from the meeting chat, over the Bot Framework protocol: text commands
 * in the chair's language, the item card's buttons, and refusals answered in the chat.
 */
describe.each(testDatabases())('agenda control from the meeting chat, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let chair: Person;
  let director: Person;

  const meeting = async () =>
    (await director.get(`/api/meetings/${bot.meetingId}`)).body.meeting as Meeting;

  /** What the bot answered in the chat to one message. */
  async function say(person: ChatPerson, text: string, locale = 'fr-BE'): Promise<string[]> {
    const before = bot.connector.calls.length;
    expect((await bot.send(bot.chat.message(person, text, locale))).status).toBe(200);
    return bot.connector.calls
      .slice(before)
      .filter((c: Call) => c.kind === 'reply' && c.body.text !== undefined)
      .map((c) => String(c.body.text));
  }

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    chair = personOf(bot.running, bot.chair.aadObjectId);
    director = personOf(bot.running, bot.director.aadObjectId);
    await say(bot.director, `link ${bot.meetingId}`);
    expect((await chair.command(bot.meetingId, { type: 'OpenMeeting' })).status).toBe(200);
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  test('“point 3” takes up item 3, “retirer 2 …” withdraws item 2 with its reason', async () => {
    expect(await say(bot.chair, 'point 3')).toEqual([]);
    expect((await meeting()).currentItemId).toBe('item-3');
    await say(bot.chair, 'retirer 2 Dossier incomplet');
    expect((await meeting()).agendaProgress.setAside['item-2']).toMatchObject({
      how: 'withdrawn',
      reason: 'Dossier incomplet',
    });
  });

  test('a withdrawn item taken up again is refused in the chat, in the speaker’s language', async () => {
    expect(await say(bot.chair, 'punt 2', 'nl-BE')).toEqual([
      'Punt "item-2" is ingetrokken of uitgesteld: het kan in deze zitting niet meer behandeld worden.',
    ]);
    expect((await meeting()).currentItemId).toBe('item-3');
  });

  test('an item number not on the agenda is refused, and a councillor may not postpone', async () => {
    expect((await say(bot.chair, 'item 42', 'en-US'))[0]).toBe('Item "42" is not on the agenda.');
    const councillor = bot.members[4] as ChatPerson;
    expect((await say(councillor, 'postpone 4', 'en-US'))[0]).toContain(
      'Your role in this meeting does not allow this action.',
    );
    expect((await meeting()).agendaProgress.setAside['item-4']).toBeUndefined();
  });

  test('the chair’s item card offers closed session, withdraw and postpone; pressing postpone sets the item aside', async () => {
    await say(bot.chair, 'point 4');
    const posted = await bot.connector.waitFor(
      (c) =>
        c.body.attachments !== undefined &&
        JSON.stringify(cardOf(c)).includes('"card":{"kind":"item","id":"item-4"}'),
    );
    const shared = cardOf(posted);
    expect(hasButton(shared, 'item.postpone')).toBe(false);
    const chairView = viewOf(await bot.send(bot.chat.refresh(bot.chair, shared)));
    for (const verb of ['item.closedSession', 'item.withdraw', 'item.postpone']) {
      expect(hasButton(chairView, verb)).toBe(true);
    }
    const answer = await bot.send(bot.chat.press(bot.chair, button(chairView, 'item.postpone')));
    expect(answer.status).toBe(200);
    expect((await meeting()).agendaProgress.setAside['item-4']).toMatchObject({
      how: 'postponed',
      by: bot.chair.aadObjectId,
    });
  });

  test('“huisclos personnes” closes the item at once; the shared card no longer shows it', async () => {
    const title = /représentant communal/;
    await say(bot.chair, 'point 5');
    const itemCard = (c: Call) =>
      c.body.attachments !== undefined &&
      JSON.stringify(cardOf(c)).includes('"card":{"kind":"item","id":"item-5"}');
    expect(textOf(cardOf(await bot.connector.waitFor(itemCard)))).toMatch(title);
    const before = bot.connector.calls.length;
    await say(bot.chair, 'huisclos personnes');
    // The shared card, which anyone in the chat may read, is redrawn without the item.
    await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= before &&
        c.kind === 'update' &&
        itemCard(c) &&
        !title.test(textOf(cardOf(c))),
    );
    const seen = await meeting();
    expect(seen.agendaProgress.closedInSitting['item-5']).toMatchObject({ reason: 'mandatory' });
    const observer = (
      await personOf(bot.running, bot.observer.aadObjectId).get(`/api/meetings/${bot.meetingId}`)
    ).body.meeting as Meeting;
    expect(observer.behindClosedDoors).toBe(true);
    expect(observer.setup.agenda.map((i) => i.id)).not.toContain('item-5');
  });

  test('the card of a procedural vote says it decides the closed session, not the item', async () => {
    for (const member of bot.members.slice(0, 30)) {
      const present = await personOf(bot.running, member.aadObjectId).command(bot.meetingId, {
        type: 'CheckIn',
      });
      expect(present.status).toBe(200);
    }
    await say(bot.chair, 'point 6');
    const before = bot.connector.calls.length;
    expect(await say(bot.chair, 'huisclos')).toEqual([]);
    const card = await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= before &&
        c.body.attachments !== undefined &&
        JSON.stringify(cardOf(c)).includes('"kind":"vote"'),
    );
    expect(textOf(cardOf(card))).toContain('Huis clos pour ce point (deux tiers des présents)');
  });
});
