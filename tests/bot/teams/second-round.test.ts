import { tieAndPublish, votesOf } from '../support/appointment';
import { personOf, type Person } from '../support/service';
import { nameTellers } from '../support/tellers';
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
import { BOT_START_MS, startBot, type RunningBot, chatHelpers, posted } from './bot';

/**
 * A tied appointment in the meeting chat, over the Bot Framework protocol: the chair's own view of
 * the published result offers the second round, and pressing it opens the second round's vote.
 */
describe.each(testDatabases())('the second round of an appointment, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let chair: Person;
  let director: Person;
  let members: Person[];
  let result: Card;

  const { must } = chatHelpers(() => bot);

  const votes = () => votesOf(director, bot.meetingId);

  /** Thirty members tie the vote; the director publishes it; its result card follows. */
  async function tiedVote(voteId: string): Promise<Card> {
    const after = bot.connector.calls.length;
    await tieAndPublish(bot.meetingId, director, members, voteId);
    const call = await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= after &&
        posted(c) &&
        /Résultat du scrutin secret/.test(textOf(cardOf(c))),
    );
    return cardOf(call);
  }

  const viewFor = async (person: ChatPerson, card: Card, locale = 'en-US') =>
    viewOf(await bot.send(bot.chat.refresh(person, card, locale)));

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    const on = (id: string) => personOf(bot.running, id);
    chair = on(bot.chair.aadObjectId);
    director = on(bot.director.aadObjectId);
    members = bot.members.map((m) => on(m.aadObjectId));
    expect((await bot.send(bot.chat.message(bot.director, `link ${bot.meetingId}`))).status).toBe(
      200,
    );
    await must(chair, { type: 'OpenMeeting' });
    await Promise.all(members.slice(0, 30).map((m) => must(m, { type: 'CheckIn' })));
    for (const _ of [1, 2, 3, 4, 5]) await must(chair, { type: 'NextItem' });
    await nameTellers(bot.running, bot.meetingId, chair);
    await must(chair, { type: 'OpenVote' });
    const [first] = Object.keys(await votes());
    result = await tiedVote(first ?? '');
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  test('a tied appointment shows the chair, and the chair alone, the button of the second round between the tied candidates', async () => {
    expect(textOf(result)).toContain('ballottage entre Rachida Maes et David Collard');
    expect(hasButton(result, 'vote.runoff')).toBe(false);
    expect(hasButton(await viewFor(bot.members[3] as ChatPerson, result), 'vote.runoff')).toBe(
      false,
    );
    expect(hasButton(await viewFor(bot.director, result), 'vote.runoff')).toBe(false);
    for (const [locale, title] of [
      ['en-US', 'Second round between Rachida Maes and David Collard'],
      ['fr-BE', 'Second tour entre Rachida Maes et David Collard'],
      ['nl-BE', 'Herstemming tussen Rachida Maes en David Collard'],
      ['de-BE', 'Stichwahl zwischen Rachida Maes und David Collard'],
    ] as const) {
      expect(button(await viewFor(bot.chair, result, locale), 'vote.runoff').title).toBe(title);
    }
  });

  test('a councillor pressing it is refused and nothing opens', async () => {
    const chairView = await viewFor(bot.chair, result);
    const answer = await bot.send(
      bot.chat.press(bot.members[3] as ChatPerson, button(chairView, 'vote.runoff')),
    );
    expect(answer).toMatchObject({
      status: 403,
      body: {
        type: 'application/vnd.microsoft.error',
        value: {
          code: 'NOT_AUTHORIZED',
          message: 'Your role in this meeting does not allow this action.',
        },
      },
    });
    expect(Object.values(await votes()).filter((v) => v.runoffOf !== null)).toHaveLength(0);
  });

  test('the chair presses it, twice: one second round opens between the two, and its card follows', async () => {
    const chairView = await viewFor(bot.chair, result);
    const before = bot.connector.calls.length;
    const press = bot.chat.press(bot.chair, button(chairView, 'vote.runoff'));
    const answers = await Promise.all([bot.send(press), bot.send(press)]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(textOf(viewOf(answer))).toContain('The vote is open');
      expect(hasButton(viewOf(answer), 'vote.runoff')).toBe(false);
    }
    const runoffs = Object.values(await votes()).filter((v) => v.runoffOf !== null);
    expect(runoffs).toHaveLength(1);
    expect(runoffs[0]?.choices).toHaveLength(3);
    const card = await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= before &&
        posted(c) &&
        /Scrutin secret/.test(textOf(cardOf(c))),
    );
    expect(textOf(cardOf(card))).toContain('0 sur 30 a voté');
    expect(hasButton(await viewFor(bot.chair, result), 'vote.runoff')).toBe(false);
  });

  test('a tie in the second round appoints the older candidate, and no third round is offered', async () => {
    const [runoff] = Object.entries(await votes()).filter(([, v]) => v.runoffOf !== null);
    const second = await tiedVote(runoff?.[0] ?? '');
    expect(textOf(second)).toContain('Élue au bénéfice de l’âge : Rachida Maes');
    expect(hasButton(await viewFor(bot.chair, second), 'vote.runoff')).toBe(false);
  });

  test('over the tab’s API, a second round refused says why and opens nothing', async () => {
    const all = Object.entries(await votes());
    const [first] = all.find(([, v]) => v.runoffOf === null) ?? [];
    const [runoff] = all.find(([, v]) => v.runoffOf !== null) ?? [];
    const refusals = [
      [chair, first, 409, 'RUNOFF_ALREADY_HELD'],
      [chair, runoff, 409, 'NO_RUNOFF'],
      [chair, 'no-such-vote', 404, 'VOTE_NOT_FOUND'],
      [members[3], first, 403, 'NOT_AUTHORIZED'],
      [chair, 42, 400, 'INVALID_COMMAND'],
    ] as const;
    for (const [person, runoffOf, status, code] of refusals) {
      const reply = await person?.command(bot.meetingId, { type: 'OpenVote', runoffOf });
      expect({ runoffOf, status: reply?.status, code: reply?.body.code }).toEqual({
        runoffOf,
        status,
        code,
      });
    }
    expect(Object.keys(await votes())).toHaveLength(2);
  });
});
