import { personOf } from '../support/service';
import type { ChatPerson } from '../support/teams';
import { BOT_START_MS, startBot, type RunningBot } from './bot';

/**
 * Teams posts `application/vnd.microsoft.meetingParticipantJoin` events to the bot; whether joining
 * the call makes a member present is the council's setting (`joiningCallIsPresence`).
 */
async function sittingWithRollCall(joiningIsEnough: boolean): Promise<RunningBot> {
  const bot = await startBot();
  const director = personOf(bot.running, bot.director.aadObjectId);
  const chosen = await director.command(bot.meetingId, {
    type: 'ChooseRules',
    rules: { profile: 'wallonia', overrides: { joiningCallIsPresence: joiningIsEnough } },
  });
  expect(chosen.status).toBe(200);
  for (const text of [`link ${bot.meetingId}`, 'open', 'rollcall']) {
    const person = text.startsWith('link') ? bot.director : bot.chair;
    expect((await bot.send(bot.chat.message(person, text))).status).toBe(200);
  }
  return bot;
}

async function attendanceOf(bot: RunningBot, member: ChatPerson) {
  const reply = await personOf(bot.running, bot.director.aadObjectId).get(
    `/api/meetings/${bot.meetingId}`,
  );
  const meeting = reply.body.meeting as {
    attendance: Record<string, { status: string }>;
    rollCall: { status: string; answered?: string[] };
    inCall: string[];
  };
  return {
    status: meeting.attendance[member.aadObjectId]?.status ?? 'absent',
    answered: meeting.rollCall.answered?.includes(member.aadObjectId) ?? false,
    inCall: meeting.inCall.includes(member.aadObjectId),
  };
}

/** Teams says `member` joined (or left) the call; what the meeting then records of them. */
async function teamsSays(bot: RunningBot, joined: boolean, member: ChatPerson) {
  expect((await bot.send(bot.chat.participants(joined, [member]))).status).toBe(200);
  return attendanceOf(bot, member);
}

describe('joining the Teams call during a roll call, over the Bot Framework protocol', () => {
  let enough: RunningBot;
  let required: RunningBot;

  beforeAll(async () => {
    [enough, required] = await Promise.all([sittingWithRollCall(true), sittingWithRollCall(false)]);
  }, BOT_START_MS);
  afterAll(() => Promise.all([enough.close(), required.close()]));

  test('where the council’s rules say joining is enough, a member who joins the call is present', async () => {
    expect(await teamsSays(enough, true, enough.members[5] as ChatPerson)).toEqual({
      status: 'present',
      answered: true,
      inCall: true,
    });
  });

  test('where joining is enough, leaving the call is a departure', async () => {
    expect(await teamsSays(enough, false, enough.members[5] as ChatPerson)).toMatchObject({
      status: 'absent',
      inCall: false,
    });
  });

  test('where answering the roll call is required, joining the call records it and no more', async () => {
    expect(await teamsSays(required, true, required.members[5] as ChatPerson)).toEqual({
      status: 'absent',
      answered: false,
      inCall: true,
    });
  });

  test('a join event Teams delivers twice is recorded once', async () => {
    const member = required.members[6] as ChatPerson;
    const director = personOf(required.running, required.director.aadObjectId);
    const version = async () =>
      (await director.get(`/api/meetings/${required.meetingId}`)).body.version;
    const event = required.chat.participants(true, [member]);
    expect((await required.send(event)).status).toBe(200);
    const once = await version();
    expect((await required.send(event)).status).toBe(200);
    expect(await version()).toBe(once);
    expect(await attendanceOf(required, member)).toMatchObject({ inCall: true });
  });
});
