import type { Meeting } from '../../../shared/src';
import { personOf, type Person } from '../support/service';
import {
  button,
  cardOf,
  hasButton,
  textOf,
  viewOf,
  type Card,
  type ChatPerson,
} from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, startBot, type RunningBot, chatHelpers } from './bot';

/**
 * A conflict of interest from the meeting chat, over the Bot Framework protocol: the member's own
 * word or button, the chair's record for a named member, and refusals in the writer's language.
 */
describe.each(testDatabases())('conflict of interest in the meeting chat, on %s', (_e, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let chair: Person;

  const { must } = chatHelpers(() => bot);
  const meeting = async () => {
    const reply = await chair.get(`/api/meetings/${bot.meetingId}`);
    return reply.body.meeting as Meeting;
  };
  const member = (n: number) => bot.members[n] as ChatPerson;

  /** What the bot answered the person in the chat: its texts and its cards. */
  async function say(person: ChatPerson, text: string, locale?: string) {
    const before = bot.connector.calls.length;
    const answer = await bot.send(bot.chat.message(person, text, locale));
    expect(answer.status).toBe(200);
    const replies = bot.connector.calls.slice(before).filter((c) => c.kind === 'reply');
    return {
      texts: replies.filter((c) => c.body.text !== undefined).map((c) => String(c.body.text)),
      cards: replies.filter((c) => c.body.attachments !== undefined).map((c) => cardOf(c)),
    };
  }

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    chair = personOf(bot.running, bot.chair.aadObjectId);
    const members = bot.members.map((m) => personOf(bot.running, m.aadObjectId));
    expect((await say(bot.director, `link ${bot.meetingId}`)).texts).toHaveLength(1);
    await must(chair, { type: 'OpenMeeting' });
    await Promise.all(members.slice(0, 30).map((m) => must(m, { type: 'CheckIn' })));
    await must(chair, { type: 'NextItem' });
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  test('a member writes “conflit 2” and the chair “conflict 3” with a member’s name: each is recorded and answered in their language', async () => {
    const { texts } = await say(member(2), 'conflit 2', 'fr-BE');
    expect(texts).toEqual([`Conflit d’intérêts acté pour ${member(2).name} sur le point 2.`]);
    const named = await say(bot.chair, `conflict 3 ${member(4).name.toUpperCase()}`);
    expect(named.texts).toEqual([`Conflict of interest recorded for ${member(4).name} on item 3.`]);
    const { setup, conflicts } = await meeting();
    const [, second, third] = setup.agenda;
    expect(conflicts?.[second?.id ?? '']).toMatchObject([
      { member: member(2).aadObjectId, declaredBy: member(2).aadObjectId },
    ]);
    expect(conflicts?.[third?.id ?? '']).toMatchObject([
      { member: member(4).aadObjectId, declaredBy: bot.chair.aadObjectId },
    ]);
  });

  test('a councillor cannot record another’s conflict, and an unknown item or name is said so, in their language', async () => {
    const before = await meeting();
    expect((await say(member(5), `belangenconflict 2 ${member(6).name}`, 'nl-BE')).texts).toEqual([
      'Uw rol in deze zitting laat deze handeling niet toe.',
    ]);
    expect((await say(member(5), 'Interessenkonflikt 99', 'de-BE')).texts).toEqual([
      'Die Tagesordnung hat keinen Punkt 99.',
    ]);
    expect((await say(bot.chair, 'conflict 2 Nobody Atall')).texts).toEqual([
      'No member of the council is called “Nobody Atall”.',
    ]);
    expect((await meeting()).conflicts).toEqual(before.conflicts);
  });

  test('on the item card a member declares a conflict with its button; the card then names them, and the member, out of the room, is refused presence', async () => {
    const asked = await say(member(7), 'motion', 'fr-BE');
    const card = asked.cards[0] as Card;
    // The director's view of the same card has no such button: only members of the council declare.
    const directors = viewOf(await bot.send(bot.chat.refresh(bot.director, card, 'fr-BE')));
    expect(hasButton(directors, 'conflict.declare')).toBe(false);
    const own = viewOf(await bot.send(bot.chat.refresh(member(7), card, 'fr-BE')));
    expect(button(own, 'conflict.declare').title).toBe('Déclarer un conflit d’intérêts');
    const pressed = await bot.send(
      bot.chat.press(member(7), button(own, 'conflict.declare'), {}, 'fr-BE'),
    );
    expect(pressed.status).toBe(200);
    const after = viewOf(pressed);
    expect(textOf(after)).toContain('Votre conflit d’intérêts est acté');
    expect(textOf(after)).toContain(`Conflit d’intérêts : ${member(7).name}`);
    expect(hasButton(after, 'conflict.declare')).toBe(false);
    // Wallonia: declared on the item under discussion, the member leaves the room at once.
    const { attendance } = await meeting();
    expect(attendance[member(7).aadObjectId]?.status).toBe('absent');
    expect((await say(member(7), 'présent', 'fr-BE')).texts).toEqual([
      'Vous avez quitté la séance pour ce point, où vous avez un intérêt personnel (CDLD L1122-19) : vous la rejoindrez au point suivant.',
    ]);
  });
});
