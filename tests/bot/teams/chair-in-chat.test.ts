import { tieAndPublish, votesOf } from '../support/appointment';
import { personOf, type Person } from '../support/service';
import { nameTellers } from '../support/tellers';
import { button, cardOf, hasButton, textOf, type Card, type ChatPerson } from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, chatHelpers, startBot, type RunningBot } from './bot';

/**
 * Issue 13, points 9 and 10, over the Bot Framework protocol: what the chair and the director do
 * from the tab they can do from the meeting chat, and every refusal is an answer.
 */
interface Snapshot {
  readonly status: string;
  readonly currentItemId: string | null;
  readonly attendance: Record<string, { status: string }>;
  readonly votes: Record<string, { status: string; runoffOf: string | null }>;
  readonly setup: { readonly agenda: readonly { readonly id: string }[] };
}

const folded = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe.each(testDatabases())('the chat as a full seat, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let chair: Person;
  let director: Person;
  let members: Person[];
  const { postedCard, press, viewFor, say, must } = chatHelpers(() => bot);

  /** The meeting as the director sees it: results not yet published included. */
  const meeting = async () =>
    (await director.get(`/api/meetings/${bot.meetingId}`)).body.meeting as Snapshot;
  const councillor = (i: number) => bot.members[i] as ChatPerson;

  /** The cards the bot answers a message with. */
  async function cardsSaid(person: ChatPerson, text: string, locale?: string): Promise<Card[]> {
    const before = bot.connector.calls.length;
    expect((await bot.send(bot.chat.message(person, text, locale))).status).toBe(200);
    return bot.connector.calls
      .slice(before)
      .filter((c) => c.kind === 'reply' && c.body.attachments !== undefined)
      .map(cardOf);
  }

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    const on = (id: string) => personOf(bot.running, id);
    chair = on(bot.chair.aadObjectId);
    director = on(bot.director.aadObjectId);
    members = bot.members.map((m) => on(m.aadObjectId));
    await say(bot.director, `link ${bot.meetingId}`);
    await say(bot.chair, 'open');
    await Promise.all(members.slice(0, 30).map((m) => must(m, { type: 'CheckIn' })));
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  test('help lists to each reader the commands their role may use, in their language', async () => {
    const [forChair] = await say(bot.chair, 'aide', 'fr-BE');
    expect(forChair).toContain('**lever la séance**');
    expect(forChair).toContain('**second tour**');
    expect(forChair).toContain('**excuser**');
    expect(forChair).not.toContain('**publier**');
    const [forCouncillor] = await say(councillor(2), 'aide', 'fr-BE');
    expect(forCouncillor).toContain('**présent**');
    expect(forCouncillor).not.toContain('**lever la séance**');
    expect(forCouncillor).not.toContain('**excuser**');
    const [forDirector] = await say(bot.director, 'hulp', 'nl-BE');
    expect(forDirector).toContain('**publiceer**');
    expect(forDirector).toContain('**verontschuldig**');
    expect(forDirector).not.toContain('**volgende**');
  });

  test('the chair excuses a member named without accents or capitals', async () => {
    const absent = councillor(45);
    expect(await say(bot.chair, `excuse ${folded(absent.name)}`)).toEqual([
      'The member is excused.',
    ]);
    expect((await meeting()).attendance[absent.aadObjectId]?.status).toBe('excused');
  });

  test('without a name, or with one nobody bears, the chair picks from a list of those who may be excused, small enough for 49 members', async () => {
    const [list] = await cardsSaid(bot.chair, 'excuse');
    if (!list) throw new Error('no card');
    // Teams refuses a card over 28 KB.
    expect(JSON.stringify(list).length).toBeLessThan(14_000);
    const picker = (list.body as { type: string; choices?: { value: string }[] }[]).find(
      (e) => e.type === 'Input.ChoiceSet',
    );
    // 49 in office, 30 present, 1 excused already.
    expect(picker?.choices).toHaveLength(18);
    expect(picker?.choices?.map((c) => c.value)).not.toContain(councillor(45).aadObjectId);
    const chosen = councillor(46);
    const answer = await press(
      bot.chair,
      list,
      'member.excuse',
      {},
      { member: chosen.aadObjectId },
    );
    expect(textOf(answer)).toContain('The member is excused.');
    expect((await meeting()).attendance[chosen.aadObjectId]?.status).toBe('excused');

    const [unknown] = await cardsSaid(bot.chair, 'excuser Dupont', 'fr-BE');
    expect(textOf(unknown as Card)).toContain('Aucun membre à excuser ne s’appelle « Dupont »');
  });

  test('a councillor may neither excuse nor close the sitting: refused in words, and no card', async () => {
    for (const text of ['excuse', `excuse ${councillor(47).name}`, 'adjourn']) {
      expect(await cardsSaid(councillor(2), text)).toEqual([]);
      expect(await say(councillor(2), text)).toEqual([
        'Your role in this meeting does not allow this action.',
      ]);
    }
    expect((await meeting()).attendance[councillor(47).aadObjectId]?.status).not.toBe('excused');
  });

  test('the chair moves back to the previous item from the chat', async () => {
    await say(bot.chair, 'next');
    await say(bot.chair, 'next');
    expect(await say(bot.chair, 'previous')).toEqual([]);
    const [agenda] = await say(bot.chair, 'agenda');
    expect(agenda).toContain('Under discussion: 1.');
    expect(await say(bot.chair, 'précédent', 'fr-BE')).toEqual([
      'C’est le premier point de l’ordre du jour.',
    ]);
  });

  test('the chair gives the floor to the next waiting, or to the one named, and ends the speech', async () => {
    await must(members[3] as Person, { type: 'RequestFloor', kind: 'contribution' });
    await must(members[4] as Person, { type: 'RequestFloor', kind: 'contribution' });
    await say(bot.chair, 'floor');
    expect((await say(bot.chair, 'queue'))[0]).toContain(`Has the floor: ${councillor(3).name}`);
    const surname = councillor(4).name.split(' ').at(-1) ?? '';
    await say(bot.chair, `woord ${folded(surname)}`, 'nl-BE');
    expect((await say(bot.chair, 'queue'))[0]).toContain(`Has the floor: ${councillor(4).name}`);
    await say(bot.chair, 'end');
    expect((await say(bot.chair, 'queue'))[0]).toContain('Nobody has the floor.');
    expect(await say(bot.chair, 'floor Dupont')).toEqual([
      expect.stringContaining('request') as unknown,
    ]);
  });

  test('the director publishes from the chat; a councillor may not', async () => {
    await must(chair, { type: 'OpenVote', secret: false });
    const { votes } = await meeting();
    const [voteId] = Object.keys(votes);
    await Promise.all(
      members.slice(0, 30).map((m) => must(m, { type: 'CastBallot', voteId, choice: 'yes' })),
    );
    expect(await say(councillor(2), 'publish')).toEqual([
      'Your role in this meeting does not allow this action.',
    ]);
    for (;;) {
      if ((await meeting()).votes[voteId ?? '']?.status === 'counted') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const before = bot.connector.calls.length;
    expect(await say(bot.director, 'publier', 'fr-BE')).toEqual([]);
    await postedCard(/Résultat du vote nominatif/, before);
    expect((await meeting()).votes[voteId ?? '']?.status).toBe('published');
    expect(await say(bot.director, 'publish')).toEqual([
      'No result is waiting for you to publish.',
    ]);
  });

  test('after a tied appointment the chair writes “second tour” and one second round opens; a changed secret ballot is answered that it cannot be changed', async () => {
    const appointment = (await meeting()).setup.agenda[4]?.id;
    while ((await meeting()).currentItemId !== appointment) {
      await must(chair, { type: 'NextItem' });
    }
    const tellers = await nameTellers(bot.running, bot.meetingId, chair);
    await must(chair, { type: 'OpenVote' });
    const open = Object.entries((await meeting()).votes).find(([, v]) => v.status === 'open');
    await tieAndPublish(bot.meetingId, director, members, open?.[0] ?? '');
    const before = bot.connector.calls.length;
    expect(await say(bot.chair, 'second tour', 'fr-BE')).toEqual([]);
    const runoffs = async () =>
      Object.entries(await votesOf(director, bot.meetingId)).filter(([, v]) => v.runoffOf !== null);
    expect(await runoffs()).toHaveLength(1);
    expect(await say(bot.chair, 'tweede ronde', 'nl-BE')).toHaveLength(1);
    expect(await runoffs()).toHaveLength(1);

    const { card } = await postedCard(/Scrutin secret/, before);
    const voter = councillor(5);
    const own = await viewFor(voter, card);
    const [first, second] = (await runoffs())[0]?.[1].choices ?? [];
    const cast = await press(voter, own, 'vote.cast', { choice: first });
    expect(textOf(cast)).toContain('Your ballot has been received');
    const again = await press(voter, own, 'vote.cast', { choice: second }, {}, 'fr-BE');
    expect(textOf(again)).toContain(
      'Votre vote est déjà enregistré ; il ne peut pas être modifié.',
    );
    expect(await say(bot.chair, 'close')).toEqual([]);
    // Counted before the tests below compare the meeting before and after a forged press.
    await tellers.counted((await runoffs())[0]?.[0] ?? '');
    await tellers.stop();
  });

  describe('a forged press is answered with an error, and changes nothing', () => {
    test('another role’s button, another meeting, a version not reached, malformed data, an unknown verb or vote', async () => {
      const { card: welcome } = await postedCard(/Ordre du jour/);
      const chairView = await viewFor(bot.chair, welcome);
      // The shared card and a councillor's own view carry no chair's control.
      expect(hasButton(welcome, 'meeting.close')).toBe(false);
      expect(hasButton(await viewFor(councillor(2), welcome), 'meeting.close')).toBe(false);
      const close = button(chairView, 'meeting.close');
      const next = button(chairView, 'meeting.next');
      const forged = [
        [councillor(2), close, 403, 'NOT_AUTHORIZED'],
        [
          bot.chair,
          { ...close, data: { ...close.data, meetingId: 'no-such-meeting' } },
          404,
          'MEETING_NOT_FOUND',
        ],
        [bot.chair, { ...next, data: { ...next.data, v: 1_000_000 } }, 409, 'CARD_OUT_OF_DATE'],
        [
          bot.chair,
          { verb: 'member.excuse', data: { ...close.data, member: 'not an id' } },
          400,
          'BadRequest',
        ],
        [bot.chair, { verb: 'meeting.rig', data: close.data }, 400, 'BadRequest'],
        [
          bot.chair,
          { verb: 'vote.close', data: { ...close.data, voteId: 'no-such-vote' } },
          404,
          'VOTE_NOT_FOUND',
        ],
      ] as const;
      const unchanged = await meeting();
      for (const [who, action, status, code] of forged) {
        const answer = await bot.send(bot.chat.press(who, action));
        expect({ code, answer }).toMatchObject({
          code,
          answer: {
            status,
            body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code } },
          },
        });
        expect((answer.body.value as { message: string }).message).not.toBe('');
      }
      expect(await meeting()).toEqual(unchanged);
    });

    test('closing the sitting needs its confirmation as the sitting stands: a stale one is answered with the card drawn anew, whose confirmation closes it', async () => {
      const [stale] = await cardsSaid(bot.chair, 'adjourn');
      if (!stale) throw new Error('no confirmation card');
      expect(textOf(stale)).toContain('Closing the sitting is final');
      await must(members[6] as Person, { type: 'RequestFloor', kind: 'contribution' });
      const redrawn = await press(bot.chair, stale, 'meeting.close');
      expect(textOf(redrawn)).toContain('This card no longer matches the meeting');
      expect((await meeting()).status).toBe('open');

      const [fresh] = await cardsSaid(bot.chair, 'lever la séance', 'fr-BE');
      expect(button(fresh as Card, 'meeting.close').data.v).toBe(
        button(redrawn, 'meeting.close').data.v,
      );
      const closed = await press(bot.chair, redrawn, 'meeting.close');
      expect(textOf(closed)).toContain('The sitting is closed.');
      expect(hasButton(closed, 'meeting.close')).toBe(false);
      expect((await meeting()).status).toBe('closed');
    });
  });
});
