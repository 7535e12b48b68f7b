import { personOf, type Person } from '../support/service';
import type { ChatPerson } from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, chatHelpers, startBot, type RunningBot } from './bot';

/**
 * Issue 14, point 1, over the Bot Framework protocol: the chair suspends the sitting and resumes it
 * from the meeting chat, in any of the four languages; the chat is told, in the meeting's language.
 */
describe.each(testDatabases())('suspending the sitting from the chat, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let director: Person;
  const { say, must, postedCard, eventually } = chatHelpers(() => bot);
  const councillor = (i: number) => bot.members[i] as ChatPerson;

  const suspendedAt = async () =>
    (
      (await director.get(`/api/meetings/${bot.meetingId}`)).body.meeting as {
        suspendedAt?: string | null;
      }
    ).suspendedAt ?? null;

  /** A plain message to the meeting chat matching `text`, from the bot's own follow-up of the log. */
  async function announced(text: RegExp, after: number): Promise<string> {
    const call = await bot.connector.waitFor(
      (c) =>
        bot.connector.calls.indexOf(c) >= after &&
        (c.kind === 'send' || c.kind === 'reply') &&
        typeof c.body.text === 'string' &&
        text.test(c.body.text),
    );
    return String(call.body.text);
  }

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    director = personOf(bot.running, bot.director.aadObjectId);
    await say(bot.director, `link ${bot.meetingId}`);
    await say(bot.chair, 'open');
    const members = bot.members.slice(0, 30).map((m) => personOf(bot.running, m.aadObjectId));
    await Promise.all(members.map((m) => must(m, { type: 'CheckIn' })));
    await must(personOf(bot.running, bot.chair.aadObjectId), { type: 'NextItem' });
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  test('a councillor cannot suspend the sitting: the chat says why, and it goes on', async () => {
    expect(await say(councillor(3), 'suspendre', 'fr-BE')).toEqual([
      'Votre rôle dans cette séance ne permet pas cette action.',
    ]);
    expect(await suspendedAt()).toBeNull();
  });

  test('the chair writes "suspendre": the chat is told the sitting is suspended, with the time', async () => {
    const before = bot.connector.calls.length;
    await say(bot.chair, 'suspendre', 'fr-BE');
    expect(await announced(/suspendue/, before)).toMatch(/^\d\d:\d\d — La séance est suspendue\.$/);
    expect(await suspendedAt()).toEqual(expect.any(String));
    const welcome = await postedCard(/Ordre du jour/);
    await eventually(welcome.id, /suspendue/);
  });

  test('while suspended, a vote the chair asks for is refused in the chair’s language', async () => {
    expect(await say(bot.chair, 'stemming', 'nl-BE')).toEqual([
      'De zitting is geschorst: de voorzitter moet ze eerst hervatten.',
    ]);
    expect(await say(bot.chair, 'unterbrechen', 'de-DE')).toEqual([
      'Die Sitzung ist unterbrochen: der Vorsitz muss sie zuerst fortsetzen.',
    ]);
  });

  test('the chair writes "hervatten": the chat is told, in the meeting’s language, that it resumes', async () => {
    const before = bot.connector.calls.length;
    await say(bot.chair, 'hervatten', 'nl-BE');
    expect(await announced(/reprise/, before)).toMatch(/^\d\d:\d\d — La séance est reprise\.$/);
    expect(await suspendedAt()).toBeNull();
    await eventually((await postedCard(/Ordre du jour/)).id, /en séance/);
    expect(await say(bot.chair, 'resume', 'en-US')).toEqual(['The sitting is not suspended.']);
  });

  test('help lists suspend and resume to the chair only', async () => {
    const [forChair] = await say(bot.chair, 'help', 'en-US');
    expect(forChair).toContain('**suspend**');
    expect(forChair).toContain('**resume**');
    const [forCouncillor] = await say(councillor(2), 'hilfe', 'de-DE');
    expect(forCouncillor).not.toContain('**unterbrechen**');
  });
});
