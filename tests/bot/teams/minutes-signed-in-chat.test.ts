import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Meeting } from '../../../shared/src';
import { demo, personOf, type Person } from '../support/service';
import type { Call } from '../support/connector';
import {
  adaptiveCardIn,
  button,
  cardOf,
  chatOf,
  hasButton,
  textOf,
  viewOf,
  type ChatPerson,
} from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, chatHelpers, MEETING_CHAT, posted, startBot, type RunningBot } from './bot';

/**
 * Issue 16, point 5, over the Bot Framework protocol: once the director submits the minutes, the
 * meeting chat gets a card naming their hashes and signatories, and each signatory the same card
 * in their 1:1 chat with the bot; each approves from their own view of it (in either chat), a
 * councillor cannot, and the cards say when the minutes are sealed.
 */
describe.each(testDatabases())('approving the minutes from the chat, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let director: Person;
  let sealDir: string;
  const { say, must, postedCard, eventually, press, viewFor } = chatHelpers(() => bot);
  const councillor = () => bot.members[2] as ChatPerson;
  const SUBMITTED = /Procès-verbal soumis à la signature/;
  /** The chair reads Dutch (their language on the roster); the meeting and the director, French. */
  const SUBMITTED_NL = /Notulen ter ondertekening/;
  const minutesCard = (c: Call) =>
    posted(c) &&
    adaptiveCardIn(c.body) !== undefined &&
    [SUBMITTED, SUBMITTED_NL].some((heading) => heading.test(textOf(cardOf(c))));
  /** The minutes' card the bot posted to a person's 1:1 chat: the chat is the one it opened. */
  const personalCard = async (person: ChatPerson) => {
    const opened = await bot.connector.waitFor(
      (c) =>
        c.kind === 'create' &&
        (c.body.members as { id: string }[] | undefined)?.[0]?.id === person.id,
    );
    const call = await bot.connector.waitFor(
      (c) => minutesCard(c) && c.conversationId === opened.conversationId,
    );
    return { card: cardOf(call), id: call.newId ?? '', conversationId: call.conversationId };
  };
  const meeting = async () =>
    (await director.get(`/api/meetings/${bot.meetingId}`)).body.meeting as Meeting;

  beforeAll(async () => {
    database = await fresh();
    sealDir = await mkdtemp(join(tmpdir(), 'seal-'));
    bot = await startBot({
      db: await database.connect(),
      env: { MINUTES_SEAL_FILE: join(sealDir, 'minutes-seal.json') },
    });
    director = personOf(bot.running, bot.director.aadObjectId);
    const { roster } = (await meeting()).setup;
    await must(director, {
      type: 'ReviseRoster',
      roster: roster.map((m) => (m.id === bot.chair.aadObjectId ? { ...m, language: 'nl' } : m)),
    });
    await say(bot.director, `link ${bot.meetingId}`);
    await say(bot.chair, 'open');
    const chair = personOf(bot.running, bot.chair.aadObjectId);
    await must(chair, { type: 'CloseMeeting' });
    const signing = await director.get(`/api/meetings/${bot.meetingId}/minutes/signing`);
    await must(director, { type: 'SubmitMinutes', ...(signing.body.final as object) });
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
    await rm(sealDir, { recursive: true, force: true });
  });

  test('the chat is shown the minutes submitted, their hashes and who signs; only a signatory’s view has the button', async () => {
    const { card } = await postedCard(/Procès-verbal soumis à la signature/);
    const { submitted } = (await meeting()).signing ?? {};
    expect(textOf(card)).toContain(submitted?.pdf);
    expect(hasButton(card, 'minutes.approve')).toBe(false);
    expect(hasButton(await viewFor(bot.chair, card), 'minutes.approve')).toBe(true);
    expect(hasButton(await viewFor(councillor(), card), 'minutes.approve')).toBe(false);
  });

  test('each signatory, and no one else, receives the card in their 1:1 chat with the bot, with the button there', async () => {
    for (const signatory of [bot.chair, bot.director]) {
      const { card, conversationId } = await personalCard(signatory);
      expect(conversationId).not.toBe(MEETING_CHAT);
      expect(hasButton(card, 'minutes.approve')).toBe(true);
      expect(textOf(card)).toContain((await meeting()).signing?.submitted.pdf);
    }
    const elsewhere = (c: Call) => minutesCard(c) && c.conversationId !== MEETING_CHAT;
    expect(bot.connector.calls.filter(elsewhere)).toHaveLength(2);
  });

  test('a signatory’s card reads in their own language, as their convocation does: the chair’s in Dutch, the director’s in the meeting’s French', async () => {
    const chairs = await personalCard(bot.chair);
    expect(textOf(chairs.card)).toMatch(SUBMITTED_NL);
    expect(textOf(chairs.card)).not.toMatch(SUBMITTED);
    expect(textOf((await personalCard(bot.director)).card)).toMatch(SUBMITTED);
    // The meeting chat's card is the meeting's, whoever reads it.
    expect(textOf((await postedCard(SUBMITTED)).card)).not.toMatch(SUBMITTED_NL);
  });

  test('a councillor pressing a signatory’s button is refused, and nothing is approved', async () => {
    const { card } = await postedCard(/Procès-verbal soumis à la signature/);
    const chairs = await viewFor(bot.chair, card);
    const refused = await press(councillor(), chairs, 'minutes.approve', {}, {}, 'fr-BE');
    expect(textOf(refused)).toContain('Seuls les signataires');
    expect((await meeting()).signing?.approvals).toEqual([]);
  });

  test('the chair approves in their 1:1 chat, the director in the meeting chat; once both have, each card says the minutes are sealed', async () => {
    const { card, id } = await postedCard(/Procès-verbal soumis à la signature/);
    const personal = await personalCard(bot.chair);
    const chairsChat = chatOf({
      serviceUrl: bot.connector.url,
      conversationId: personal.conversationId,
      tenantId: demo.tenantId,
      conversationType: 'personal',
    });
    const answer = await bot.send(
      chairsChat.press(bot.chair, button(personal.card, 'minutes.approve'), {}, 'nl-BE'),
    );
    expect(answer.status).toBe(200);
    const approved = viewOf(answer);
    expect(hasButton(approved, 'minutes.approve')).toBe(false);
    expect(textOf(approved)).toMatch(/keurde goed op/);
    await press(bot.director, await viewFor(bot.director, card), 'minutes.approve');
    const signing = (await meeting()).signing;
    expect(signing?.approvals.map((a) => a.member)).toEqual([
      bot.chair.aadObjectId,
      bot.director.aadObjectId,
    ]);
    await eventually(id, /le procès-verbal est scellé/);
    const directors = await personalCard(bot.director);
    expect(
      hasButton(await eventually(directors.id, /le procès-verbal est scellé/), 'minutes.approve'),
    ).toBe(false);
    await eventually(personal.id, /de notulen zijn verzegeld/);
    expect((await meeting()).signing?.sealed?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
