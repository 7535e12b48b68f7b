import type { Meeting } from '../../../shared/src';
import { personOf, type Person } from '../support/service';
import { textOf, type ChatPerson } from '../support/teams';
import { BOT_START_MS, chatHelpers, startBot, type RunningBot } from './bot';

/**
 * An amendment names the article of the draft decision it replaces, from the motion's card in the
 * meeting chat: the minutes then print that article as amended (shared/src/minutes/deliberation.ts).
 */
describe('an amendment to an article of the draft decision, from the meeting chat', () => {
  let bot: RunningBot;
  let chair: Person;
  let motionCard: Awaited<ReturnType<ReturnType<typeof chatHelpers>['postedCard']>>;
  const { postedCard, press, viewFor, must } = chatHelpers(() => bot);
  const member = (n: number) => bot.members[n] as ChatPerson;

  const meeting = async () =>
    (await chair.get(`/api/meetings/${bot.meetingId}`)).body.meeting as Meeting;

  beforeAll(async () => {
    bot = await startBot();
    chair = personOf(bot.running, bot.chair.aadObjectId);
    const director = personOf(bot.running, bot.director.aadObjectId, undefined, []);
    const { agenda } = (await meeting()).setup;
    await must(director, {
      type: 'ReviseAgenda',
      agenda: agenda.map((item, index) =>
        index === 1
          ? {
              ...item,
              deliberation: {
                recitals: ['Vu le Code de la démocratie locale et de la décentralisation ;'],
                articles: ['Le budget est modifié.', 'La délibération est transmise à la tutelle.'],
              },
            }
          : item,
      ),
    });
    await bot.send(bot.chat.message(bot.director, `link ${bot.meetingId}`));
    await must(chair, { type: 'OpenMeeting' });
    const members = bot.members.map((m) => personOf(bot.running, m.aadObjectId));
    await Promise.all(members.slice(0, 30).map((m) => must(m, { type: 'CheckIn' })));
    await must(chair, { type: 'NextItem' });
    await must(chair, { type: 'NextItem' });
    await must(personOf(bot.running, member(6).aadObjectId), {
      type: 'ProposeMotion',
      text: 'Adopter le projet de décision.',
    });
    motionCard = await postedCard(/Adopter le projet de décision\./);
  }, BOT_START_MS);
  afterAll(() => bot.close());

  test('the amendment form offers the draft decision’s articles, in the reader’s language', async () => {
    const view = await viewFor(member(9), motionCard.card, 'fr-BE');
    const form = JSON.stringify(view);
    expect(form).toContain('Input.ChoiceSet');
    expect(form).toContain('Article du projet de décision qu’il remplace');
    expect(form).toContain('"Article 2"');
    expect(form).not.toContain('"Article 3"');
  });

  test('an amendment naming article 2 is recorded with it; a forged article the draft lacks changes nothing', async () => {
    const view = await viewFor(member(9), motionCard.card);
    await press(
      member(9),
      view,
      'motion.amend',
      {},
      {
        motionText: 'La délibération est transmise au Gouvernement wallon.',
        amendedArticle: '2',
      },
    );
    const amendments = Object.values((await meeting()).motions).filter((m) => m.amends !== null);
    expect(amendments).toMatchObject([
      { text: 'La délibération est transmise au Gouvernement wallon.', article: 2 },
    ]);
    const refused = await press(
      member(10),
      view,
      'motion.amend',
      {},
      {
        motionText: 'Un article de plus.',
        amendedArticle: '7',
      },
    );
    expect(textOf(refused)).toContain('The draft decision of this item has no article 7.');
    expect(Object.values((await meeting()).motions).filter((m) => m.amends !== null)).toHaveLength(
      1,
    );
  });
});
