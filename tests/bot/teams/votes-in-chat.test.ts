import type { Meeting } from '../../../shared/src';
import { personOf, type Person } from '../support/service';
import { button, cardOf, textOf, type Card } from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, startBot, type RunningBot, chatHelpers, posted } from './bot';

/**
 * Point 4 and 5 of issue 13 over the Bot Framework protocol: the chair's text and card offer only
 * the vote the rules allow (CDLD L1122-27), and a qualified majority of the members present is
 * opened in words and its result card says its base, the votes needed and those present.
 */
describe.each(testDatabases())('votes in the meeting chat, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let chair: Person;
  let director: Person;
  let members: Person[];

  const { must } = chatHelpers(() => bot);
  const meeting = async () =>
    (await director.get(`/api/meetings/${bot.meetingId}`)).body.meeting as Meeting;
  async function say(text: string, locale = 'fr-BE'): Promise<string[]> {
    const before = bot.connector.calls.length;
    const answer = await bot.send(bot.chat.message(bot.chair, text, locale));
    expect(answer.status).toBe(200);
    return bot.connector.calls
      .slice(before)
      .filter((c) => c.kind === 'reply' && c.body.text !== undefined)
      .map((c) => String(c.body.text));
  }
  async function postedCard(match: RegExp, after: number): Promise<Card> {
    const call = await bot.connector.waitFor(
      (c) => bot.connector.calls.indexOf(c) >= after && posted(c) && match.test(textOf(cardOf(c))),
    );
    return cardOf(call);
  }

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    const on = (id: string) => personOf(bot.running, id);
    chair = on(bot.chair.aadObjectId);
    director = on(bot.director.aadObjectId);
    members = bot.members.map((m) => on(m.aadObjectId));
    const linked = await bot.send(bot.chat.message(bot.director, `link ${bot.meetingId}`));
    expect(linked.status).toBe(200);
    await must(chair, { type: 'OpenMeeting' });
    await Promise.all(members.slice(0, 30).map((m) => must(m, { type: 'CheckIn' })));
    await must(chair, { type: 'NextItem' });
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  test('Wallonia CDLD L1122-27: "vote secret" on a general item is answered with the refusal, and nothing opens', async () => {
    const answers = await say('vote secret');
    expect(answers.join('\n')).toContain('Ce point se vote en séance publique');
    expect((await meeting()).openVoteId).toBeNull();
  });

  test('Wallonia CDLD L1122-27: the chair’s item card offers a named vote only', async () => {
    const before = bot.connector.calls.length;
    expect((await bot.send(bot.chat.message(bot.chair, 'motion', 'fr-BE'))).status).toBe(200);
    const item = await postedCard(/Point en discussion/, before);
    expect(button(item, 'vote.open', { secret: false }).title).toBe(
      'Mettre aux voix (vote nominatif)',
    );
    expect(() => button(item, 'vote.open', { secret: true })).toThrow(/no vote.open button/);
  });

  test('words the bot does not know after "vote" are answered, and nothing opens', async () => {
    const answers = await say('vote 2/3 presque');
    expect(answers.join('\n')).toContain('Je n’ai pas compris');
    expect((await meeting()).openVoteId).toBeNull();
  });

  test('"vote 2/3 présents" opens a two-thirds majority of the members present; the result card says its base', async () => {
    const before = bot.connector.calls.length;
    await say('vote 2/3 présents');
    const opened = await meeting();
    const vote = opened.votes[opened.openVoteId ?? ''];
    expect(vote).toMatchObject({ threshold: '2/3', base: 'membersPresent', secret: false });
    const card = await postedCard(/Vote nominatif/, before);
    expect(textOf(card)).toContain(
      'Majorité requise : majorité des deux tiers des membres présents',
    );
    // 19 of the 30 present vote yes, 1 no, 10 abstain: 19 of 20 votes cast, but 20 of 30 present are needed.
    await Promise.all(
      members.slice(0, 30).map((m, i) =>
        must(m, {
          type: 'CastBallot',
          voteId: vote?.id,
          choice: i < 19 ? 'yes' : i < 20 ? 'no' : 'abstain',
        }),
      ),
    );
    const counted = (await meeting()).votes[vote?.id ?? '']?.result;
    expect(counted).toMatchObject({
      outcome: { kind: 'rejected' },
      base: 'membersPresent',
      baseCount: 30,
      needed: 20,
      votesCast: 20,
    });
    const published = bot.connector.calls.length;
    await must(director, { type: 'PublishResult', voteId: vote?.id });
    const result = textOf(await postedCard(/Résultat du vote nominatif/, published));
    expect(result).toContain(
      'majorité des deux tiers des membres présents : 20 voix requises sur 30 présents',
    );
    expect(result).not.toContain('des suffrages exprimés');
  });
});
