/**
 * Command ids are their issuer's own (issue 12, finding 1). The bot derives a card press's command
 * id from public values (the vote, the roll call, the member), so anyone who can send a command
 * can send one under that id: it must then be their own command, and never stand in for the
 * member's press, the service's count of a closed vote, or a director's creation of a meeting.
 */
import { SECRETARIAT_ROLE, SYSTEM, type Meeting } from '../../../shared/src';
import { cardActionSchema, commandIdOf } from '../../../bot/src/teams/actions';
import type { Call } from '../support/connector';
import { demo, personOf, type Person } from '../support/service';
import { nameTellers } from '../support/tellers';
import {
  actionsOf,
  button,
  cardOf,
  chatPerson,
  textOf,
  viewOf,
  type ChatPerson,
} from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, MEETING_CHAT, startBot, type RunningBot } from './bot';

const postedIn = (call: Call) =>
  (call.kind === 'send' || call.kind === 'reply') &&
  call.conversationId === MEETING_CHAT &&
  call.body.attachments !== undefined;

/** The command id the bot gives `member`'s press of `action`, computed as the bot does. */
function botCommandId(
  action: { verb: string; data: Record<string, unknown> },
  member: ChatPerson,
  secretVote: boolean,
): string {
  const parsed = cardActionSchema.parse(action);
  if (parsed.verb === 'refresh') throw new Error('a refresh is not a command');
  return commandIdOf(parsed, member.aadObjectId, secretVote);
}

describe.each(testDatabases())('command ids are their issuer’s own, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let chair: Person;
  let director: Person;
  let tab: (member: ChatPerson) => Person;

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({
      db: await database.connect(),
      houseRules: { secretOtherwise: true },
    });
    tab = (member) => personOf(bot.running, member.aadObjectId);
    chair = tab(bot.chair);
    director = tab(bot.director);
    await bot.send(bot.chat.message(bot.director, `link ${bot.meetingId}`));
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  async function must(person: Person, command: unknown, commandId?: string) {
    const reply = await person.command(bot.meetingId, command, commandId);
    expect({ command, status: reply.status, body: reply.body }).toMatchObject({
      command,
      status: 200,
    });
    return reply.body;
  }

  async function meetingAs(person: Person): Promise<Meeting> {
    return (await person.get(`/api/meetings/${bot.meetingId}`)).body.meeting as Meeting;
  }

  async function press(
    member: ChatPerson,
    action: { verb: string; data: Record<string, unknown> },
  ) {
    const answer = await bot.send(bot.chat.press(member, action));
    expect(answer.status).toBe(200);
    return textOf(viewOf(answer));
  }

  const [attacker, rollCallVictim, ballotVictim, other] = demo.members
    .slice(2, 6)
    .map(chatPerson) as [ChatPerson, ChatPerson, ChatPerson, ChatPerson];

  test('a councillor who first sends a command under another’s roll-call press id cannot stop their answer from counting', async () => {
    await must(chair, { type: 'OpenMeeting' });
    const before = bot.connector.calls.length;
    await must(chair, { type: 'OpenRollCall' });
    const rollCall = cardOf(
      await bot.connector.waitFor(
        (c) =>
          bot.connector.calls.indexOf(c) >= before &&
          postedIn(c) &&
          /Appel nominal/.test(textOf(cardOf(c))),
      ),
    );
    const answer = button(rollCall, 'rollCall.answer');

    await must(
      tab(attacker),
      { type: 'AnswerRollCall' },
      botCommandId(answer, rollCallVictim, false),
    );
    const view = await press(rollCallVictim, answer);

    expect(view).toContain('You are marked present.');
    const { rollCall: state } = await meetingAs(chair);
    expect(state.status === 'open' && state.answered).toEqual(
      expect.arrayContaining([attacker.aadObjectId, rollCallVictim.aadObjectId]),
    );
  });

  test('a councillor who first sends commands under another’s ballot id and the count’s ids cannot stop that ballot or the count', async () => {
    const others = demo.members.filter(
      (m) => ![attacker, rollCallVictim].some((p) => p.aadObjectId === m.aadObjectId),
    );
    await Promise.all(
      others
        .slice(0, 25)
        .map((m) => must(personOf(bot.running, m.aadObjectId), { type: 'AnswerRollCall' })),
    );
    await must(chair, { type: 'CloseRollCall' });
    await must(chair, { type: 'NextItem' });
    const tellers = await nameTellers(bot.running, bot.meetingId, chair);
    const before = bot.connector.calls.length;
    await must(chair, { type: 'OpenVote', secret: true });
    const opened = await meetingAs(chair);
    const voteId = opened.openVoteId ?? '';
    expect(opened.votes[voteId]?.eligible).toContain(ballotVictim.aadObjectId);
    const shared = cardOf(
      await bot.connector.waitFor(
        (c) =>
          bot.connector.calls.indexOf(c) >= before &&
          postedIn(c) &&
          JSON.stringify(cardOf(c).refresh ?? {}).includes(voteId),
      ),
    );
    const own = viewOf(await bot.send(bot.chat.refresh(ballotVictim, shared)));
    const cast = actionsOf(own).find((a) => a.verb === 'vote.cast');
    if (!cast) throw new Error(`no ballot button on the card:\n${textOf(own)}`);

    await must(
      tab(attacker),
      { type: 'CastBallot', voteId, choice: cast.data.choice },
      botCommandId(cast, ballotVictim, true),
    );
    await must(tab(attacker), { type: 'RequestFloor', kind: 'contribution' }, `count:${voteId}`);
    // The sealed box is added up under an id of its own before it is counted.
    await must(
      tab(rollCallVictim),
      { type: 'RequestFloor', kind: 'contribution' },
      `aggregate:${voteId}`,
    );
    await press(ballotVictim, cast);

    const vote = (await meetingAs(chair)).votes[voteId];
    expect(vote?.participants).toEqual(
      expect.arrayContaining([attacker.aadObjectId, ballotVictim.aadObjectId]),
    );
    expect(vote?.participants).toHaveLength(2);
    await must(chair, { type: 'CloseVote', voteId });
    await tellers.counted(voteId);
    await tellers.stop();
    const counted = (await meetingAs(director)).votes[voteId];
    expect(counted?.status).toBe('counted');
    expect(counted?.result).not.toBeNull();
  });

  test('a retried command id is answered as the first time and applied once; the same id from another member is their own command', async () => {
    const commandId = 'floor-request-1';
    const first = await must(tab(other), { type: 'RequestFloor', kind: 'contribution' }, commandId);
    const retried = await must(
      tab(other),
      { type: 'RequestFloor', kind: 'contribution' },
      commandId,
    );
    expect(retried).toEqual(first);

    const theirs = await must(
      tab(ballotVictim),
      { type: 'RequestFloor', kind: 'pointOfOrder' },
      commandId,
    );
    expect(theirs.version).toBe((first.version as number) + 1);
    const meeting = await meetingAs(chair);
    const queue = meeting.queues[meeting.currentItemId ?? ''];
    expect(queue?.requests.map(({ member, kind }) => [member, kind])).toEqual(
      expect.arrayContaining([
        [other.aadObjectId, 'contribution'],
        [ballotVictim.aadObjectId, 'pointOfOrder'],
      ]),
    );
    expect(queue?.requests.filter((r) => r.member === other.aadObjectId)).toHaveLength(1);
  });

  test('no one signs in, or speaks to the bot, as the service itself, whose command ids are its own', async () => {
    const { body } = await chair.get(`/api/meetings/${bot.meetingId}`);
    const voteId = Object.keys((body.meeting as Meeting).votes)[0] ?? '';
    const impostor = personOf(bot.running, SYSTEM);
    const joined = await impostor.command(
      bot.meetingId,
      { type: 'JoinCall', member: other.aadObjectId },
      `count:${voteId}`,
    );
    expect(joined).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });

    const before = bot.connector.calls.length;
    const spoken = await bot.send(
      bot.chat.message({ id: '29:system', aadObjectId: SYSTEM, name: 'System' }, 'present'),
    );
    expect(spoken).toMatchObject({ status: 400, body: { code: 'INVALID_COMMAND' } });
    expect(bot.connector.calls.slice(before)).toEqual([]);
    expect((await chair.get(`/api/meetings/${bot.meetingId}`)).body.version).toBe(body.version);
  });

  test('a meeting created under a director’s command id by someone else is not the director’s meeting', async () => {
    const commandId = 'council-of-next-month';
    const squatter = demo.members.find((m) => m.aadObjectId === attacker.aadObjectId);
    if (!squatter) throw new Error('the attacker is on the roster');
    // A clerk of the secretariat, who may create records, but not under the director's ids.
    const clerk = personOf(bot.running, attacker.aadObjectId, undefined, [SECRETARIAT_ROLE]);
    const squatted = await clerk.call('POST', '/api/meetings', {
      commandId,
      council: {
        ...demo,
        meeting: { ...demo.meeting, title: 'Not the council' },
        director: { aadObjectId: squatter.aadObjectId, name: squatter.name, role: 'director' },
        members: demo.members.filter((m) => m !== squatter),
      },
    });
    expect(squatted).toMatchObject({ status: 201 });

    const created = await director.call('POST', '/api/meetings', { commandId, council: demo });
    const retried = await director.call('POST', '/api/meetings', { commandId, council: demo });

    expect(created.status).toBe(201);
    expect(created.body.meetingId).not.toBe(squatted.body.meetingId);
    expect(retried.body).toEqual(created.body);
    const mine = await director.get(`/api/meetings/${String(created.body.meetingId)}`);
    expect(mine.body).toMatchObject({
      you: { role: 'director' },
      meeting: { setup: { title: demo.meeting.title } },
    });
  });
});
