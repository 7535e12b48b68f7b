import { meetingSetupSchema, setupFromCouncilFile, councilFileSchema } from '../../../shared/src';
import { TestAdapter, TurnContext } from 'botbuilder';
import { createLogger } from '../../../bot/src/log';
import { organizerRefusal } from '../../../bot/src/teams/organizer';
import { testDatabases, type TestDatabase } from '../store/databases';
import type { Call } from '../support/connector';
import { demo } from '../support/service';
import { button, cardOf, chatOf, textOf, viewOf, type ChatPerson } from '../support/teams';
import { BOT_START_MS, TEAMS_MEETING_ID, startBot, type RunningBot } from './bot';

const refusedForOrganizer =
  'The organizer of this Teams meeting is neither the chair nor the general director of that meeting: it cannot be linked here.';

/** A meeting record of the demo tenant, made at the service (as one made before the role was). */
async function fileMeeting(bot: RunningBot, by: string, council: unknown) {
  const file = councilFileSchema.parse(council);
  const created = await bot.running.service.meetings.create(demo.tenantId, {
    commandId: `file-${by}-${file.meeting.title}`,
    by,
    command: { type: 'CreateMeeting', setup: meetingSetupSchema.parse(setupFromCouncilFile(file)) },
  });
  if (!created.ok) throw new Error(created.error.code);
  return created.meetingId;
}

describe.each(testDatabases())('which chat a meeting record answers, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let squatter: ChatPerson;
  let councillor: ChatPerson;
  let squatId: string;

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    squatter = bot.members[5] as ChatPerson;
    councillor = bot.members[3] as ChatPerson;
    // The real roster copied, with the squatter as its director and the real director left out.
    squatId = await fileMeeting(bot, squatter.aadObjectId, {
      ...demo,
      director: { ...demo.director, aadObjectId: squatter.aadObjectId, name: squatter.name },
      members: demo.members.filter((m) => m.aadObjectId !== squatter.aadObjectId),
    });
    bot.connector.organizer = bot.director;
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  async function say(person: ChatPerson, text: string) {
    const before = bot.connector.calls.length;
    const answer = await bot.send(bot.chat.message(person, text));
    expect(answer.status).toBe(200);
    return bot.connector.calls
      .slice(before)
      .filter((c) => c.kind === 'reply' && c.body.text !== undefined)
      .map((c) => String(c.body.text));
  }

  const isCard = (c: Call, match: RegExp) =>
    (c.kind === 'send' || c.kind === 'reply') &&
    c.body.attachments !== undefined &&
    match.test(textOf(cardOf(c)));
  const cardsSince = (before: number, match: RegExp) =>
    bot.connector.calls.slice(before).filter((c) => isCard(c, match));

  const linkedChat = async (meetingId: string) =>
    (
      await bot.running.db.query('SELECT teams_meeting_id FROM meetings WHERE id = $1', [meetingId])
    )[0]?.teams_meeting_id;

  test('a record whose roster does not hold the Teams meeting’s organizer cannot take its chat', async () => {
    expect(await say(squatter, `link ${squatId}`)).toEqual([refusedForOrganizer]);
    const before = bot.connector.calls.length;
    await say(squatter, 'hello');
    const [unlinked] = cardsSince(before, /Link this chat/);
    if (!unlinked) throw new Error('no card to link the chat');
    const pressed = await bot.send(
      bot.chat.press(squatter, button(cardOf(unlinked), 'meeting.link', { meetingId: squatId })),
    );
    expect(textOf(viewOf(pressed))).toContain(refusedForOrganizer);
    expect(await linkedChat(squatId)).toBeNull();
    expect(bot.connector.calls).toContainEqual(
      expect.objectContaining({ kind: 'meetingInfo', conversationId: TEAMS_MEETING_ID }),
    );
  });

  test('a councillor cannot link the chat, though the organizer directs the meeting', async () => {
    expect(await say(councillor, `link ${bot.meetingId}`)).toEqual([
      'Only the chair or the general director of that meeting may link it.',
    ]);
    expect(await linkedChat(bot.meetingId)).toBeNull();
  });

  test('the director links the chat of the Teams meeting they organised', async () => {
    expect(await say(bot.director, `link ${bot.meetingId}`)).toEqual([
      `This chat is now the chat of “${demo.meeting.title}”.`,
    ]);
    expect(await linkedChat(bot.meetingId)).toBe(TEAMS_MEETING_ID);
  });

  test('a councillor cannot unlink it; the director unlinks it and links it again', async () => {
    expect(await say(councillor, 'unlink')).toEqual([
      'Only the chair or the general director of this meeting may unlink it.',
    ]);
    expect(await linkedChat(bot.meetingId)).toBe(TEAMS_MEETING_ID);

    expect(await say(bot.director, 'unlink')).toEqual([
      `This chat is no longer the chat of “${demo.meeting.title}”; it can be linked again.`,
    ]);
    expect(await linkedChat(bot.meetingId)).toBeNull();
    const before = bot.connector.calls.length;
    await say(councillor, 'agenda');
    expect(cardsSince(before, /Link this chat/)).toHaveLength(1);

    expect(await say(bot.director, `link ${bot.meetingId}`)).toEqual([
      `This chat is now the chat of “${demo.meeting.title}”.`,
    ]);
    expect(await linkedChat(bot.meetingId)).toBe(TEAMS_MEETING_ID);
    // The meeting's card is posted anew in the chat linked again.
    await bot.connector.waitFor(
      (c) => bot.connector.calls.indexOf(c) >= before && isCard(c, /Ordre du jour/),
    );
  });

  test('the bot lists a member only the meetings whose roster holds them', async () => {
    await fileMeeting(bot, bot.director.aadObjectId, {
      ...demo,
      meeting: { ...demo.meeting, title: 'Commission des finances' },
      members: demo.members.slice(0, 5),
    });
    const outsider = bot.members[10] as ChatPerson;
    const personal = chatOf({
      serviceUrl: bot.connector.url,
      conversationId: `a:personal-${outsider.aadObjectId}`,
      tenantId: demo.tenantId,
      conversationType: 'personal',
    });
    const before = bot.connector.calls.length;
    expect((await bot.send(personal.message(outsider, 'meetings'))).status).toBe(200);
    const replies = bot.connector.calls
      .slice(before)
      .flatMap((c) => (typeof c.body.text === 'string' ? [c.body.text] : []));
    expect(replies.join('\n')).toContain(demo.meeting.title);
    expect(replies.join('\n')).not.toContain('Commission des finances');
  });
});

test('outside local mode, a chat whose Teams meeting organizer cannot be read is not linked', async () => {
  const plainGroupChat = chatOf({
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversationId: '19:group@thread.v2',
    tenantId: demo.tenantId,
  }).message({ id: '29:x', aadObjectId: 'x', name: 'X' }, 'link');
  const context = new TurnContext(new TestAdapter(), plainGroupChat);
  const roster = [{ id: 'x', name: 'X', role: 'director' as const }];
  const log = createLogger('silent');
  expect(await organizerRefusal(context, roster, { local: false, log })).toBe('link.noMeetingInfo');
  expect(await organizerRefusal(context, roster, { local: true, log })).toBeUndefined();
});
