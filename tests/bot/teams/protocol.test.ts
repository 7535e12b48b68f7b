import { demo, personOf } from '../support/service';
import {
  BOT,
  button,
  cardOf,
  chatOf,
  chatPerson,
  hasButton,
  textOf,
  viewOf,
  type Card,
  type ChatPerson,
} from '../support/teams';
import {
  BOT_START_MS,
  TEAMS_MEETING_ID,
  chatHelpers,
  startBot,
  type RunningBot,
  posted,
} from './bot';

/**
 * The bot as Teams sees it: real Activity JSON posted to /api/messages over HTTP, with the
 * activities' serviceUrl pointing at a recording connector.
 */
describe('the bot in a Teams meeting chat, over the Bot Framework protocol', () => {
  let bot: RunningBot;
  const { postedCard, latest, eventually, press, viewFor, say } = chatHelpers(() => bot);

  beforeAll(async () => {
    bot = await startBot();
  }, BOT_START_MS);
  afterAll(() => bot.close());

  describe('what is not an activity, or not ours, gets a 4xx and never a 5xx', () => {
    test.each([
      ['a body that is not JSON', '{"type":'],
      ['a JSON array', '[]'],
      [
        'an activity without a type',
        { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'c' } },
      ],
      [
        'an activity without a conversation',
        { type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/' },
      ],
      [
        'an activity without a service URL',
        { type: 'message', channelId: 'msteams', conversation: { id: 'c' } },
      ],
    ])('%s is a 400', async (_name, body) => {
      const answer = await bot.send(body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('INVALID_COMMAND');
    });

    test('in local mode, an activity whose service URL is not on this machine is a 400: the bot calls nowhere else', async () => {
      const activity = {
        ...bot.chat.message(bot.chair, 'help'),
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
      };
      expect((await bot.send(activity)).status).toBe(400);
    });

    test.each([['composeExtension/query'], ['task/fetch'], ['something/else']])(
      'an invoke the bot does not offer (%s) is a 400, not the 501 of botbuilder',
      async (name) => {
        const activity = { ...bot.chat.message(bot.chair, ''), type: 'invoke', name, value: {} };
        const answer = await bot.send(activity);
        expect(answer.status).toBe(400);
      },
    );

    test.each([
      [
        'an unknown verb',
        { verb: 'vote.rig', data: { meetingId: 'x', card: { kind: 'vote', id: 'v' } } },
      ],
      [
        'a ballot without its vote',
        {
          verb: 'vote.cast',
          data: { meetingId: 'x', card: { kind: 'vote', id: 'v' }, choice: 'yes' },
        },
      ],
      [
        'an unknown card',
        { verb: 'refresh', data: { meetingId: 'x', card: { kind: 'poll', id: 'v' } } },
      ],
    ])('a card action with %s gets a 400 error answer', async (_name, action) => {
      const answer = await bot.send(bot.chat.press(bot.chair, action));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
      });
    });

    test('a card action without its value is a 400', async () => {
      const activity = {
        ...bot.chat.press(bot.chair, { verb: 'refresh', data: {} }),
        value: 'nothing',
      };
      expect((await bot.send(activity)).status).toBe(400);
    });
  });

  describe('linking the chat to the meeting record', () => {
    test('in a chat not linked yet, a message gets the card that links it, listing the organisation’s meetings', async () => {
      await say(bot.members[3] as ChatPerson, 'hello');
      const { card } = await postedCard(/Link this chat/);
      expect(textOf(card)).toContain(`[Link: ${demo.meeting.title}]`);
    });

    test('a councillor may not link it, neither by text nor by the button', async () => {
      const councillor = bot.members[3] as ChatPerson;
      expect(await say(councillor, `link ${bot.meetingId}`)).toEqual([
        'Only the chair or the general director of that meeting may link it.',
      ]);
      const { card } = await postedCard(/Link this chat/);
      const view = await press(councillor, card, 'meeting.link');
      expect(textOf(view)).toContain(
        'Only the chair or the general director of that meeting may link it.',
      );
    });

    test('a meeting of another organisation cannot be linked: it does not exist for this chat', async () => {
      const elsewhere = chatOf({
        serviceUrl: bot.connector.url,
        conversationId: 'other-chat',
        tenantId: 'another-tenant',
      });
      const answer = await bot.send(elsewhere.message(bot.chair, `link ${bot.meetingId}`));
      expect(answer.status).toBe(200);
      const reply = bot.connector.calls.filter((c) => c.conversationId === 'other-chat').at(-1);
      expect(reply?.body.text).toBe('This meeting was not found.');
    });

    test('the director links it; the meeting card is posted once, and each reader’s own view names their role', async () => {
      expect(await say(bot.director, `link ${bot.meetingId}`)).toEqual([
        `This chat is now the chat of “${demo.meeting.title}”.`,
      ]);
      const welcome = await postedCard(/Ordre du jour/);
      expect(textOf(welcome.card)).not.toContain('Your role');
      const userIds = (welcome.card.refresh as { userIds: string[] }).userIds;
      expect(userIds).toHaveLength(50);
      expect(userIds).toEqual(expect.arrayContaining([bot.chair.id, bot.director.id]));
      expect(userIds).not.toContain(bot.observer.id);

      expect(textOf(await viewFor(bot.chair, welcome.card))).toContain('Your role: chair.');
      expect(textOf(await viewFor(bot.members[4] as ChatPerson, welcome.card, 'nl-BE'))).toContain(
        'Uw rol: raadslid.',
      );
      expect(textOf(await viewFor(bot.director, welcome.card, 'de-BE'))).toContain(
        'Ihre Rolle: Generaldirektor.',
      );
      const stranger = chatPerson({
        aadObjectId: '00000000-0000-0000-0000-0000000000aa',
        name: 'Visitor',
      });
      expect(textOf(await viewFor(stranger, welcome.card))).toContain(
        'You are not on the roster of this meeting',
      );

      await say(bot.chair, `link ${bot.meetingId}`);
      const welcomes = bot.connector.calls.filter(
        (c) => posted(c) && /Ordre du jour/.test(textOf(cardOf(c))),
      );
      expect(welcomes).toHaveLength(1);
    });

    test('once linked, the chat cannot be linked to another meeting', async () => {
      expect(await say(bot.chair, 'link some-other-meeting')).toEqual([
        'This chat is already linked to another meeting.',
      ]);
    });
  });

  describe('text commands', () => {
    test.each([
      ['fr-BE', 'aide', 'Ce que vous pouvez m’écrire', '**présent**'],
      ['nl-BE', 'hulp', 'Wat u mij kunt schrijven', '**aanwezig**'],
      ['de-BE', 'hilfe', 'Was Sie mir schreiben können', '**anwesend**'],
      ['en-GB', 'help', 'What you can write to me', '**present**'],
    ])('in %s, "%s" lists the commands', async (locale, word, title, present) => {
      const [reply] = await say(bot.members[2] as ChatPerson, word, locale);
      expect(reply).toContain(title);
      expect(reply).toContain(present);
    });

    test('a command is heard when the bot is mentioned, as Teams sends it in a group chat', async () => {
      const activity = {
        ...bot.chat.message(bot.members[2] as ChatPerson, `<at>${BOT.name}</at> help`),
        entities: [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }],
      };
      await bot.send(activity);
      const reply = bot.connector.calls.at(-1);
      expect(String(reply?.body.text)).toContain('What you can write to me');
    });

    test('a councillor who tries to open the meeting is refused, in their language', async () => {
      expect(await say(bot.members[2] as ChatPerson, 'open', 'nl-BE')).toEqual([
        'Uw rol in deze zitting laat deze handeling niet toe.',
      ]);
    });

    test('an unknown command says so and points to help', async () => {
      expect(await say(bot.members[2] as ChatPerson, 'abracadabra')).toEqual([
        'I do not know “abracadabra”. Write “help” to see what I can do.',
      ]);
    });
  });

  describe('roll call', () => {
    let rollCall: { card: Card; id: string };

    test('the chair opens it; the card shows presence against the quorum', async () => {
      await say(bot.chair, 'open');
      await say(bot.chair, 'rollcall');
      rollCall = await postedCard(/Appel nominal/);
      expect(textOf(rollCall.card)).toMatch(
        /Présents: 0 sur 49\nQuorum: non atteint \(25 requis\)/,
      );
      expect(hasButton(rollCall.card, 'rollCall.answer')).toBe(true);
      expect(hasButton(rollCall.card, 'rollCall.close')).toBe(false);
    });

    test('who joins and leaves the call is recorded; the chair sees who is in the call and has not answered', async () => {
      const [a, b, c] = bot.members.slice(1, 4) as [ChatPerson, ChatPerson, ChatPerson];
      expect((await bot.send(bot.chat.participants(true, [a, b, c]))).status).toBe(200);
      expect((await bot.send(bot.chat.participants(false, [c]))).status).toBe(200);
      await press(a, rollCall.card, 'rollCall.answer');
      const chairView = textOf(await viewFor(bot.chair, rollCall.card));
      expect(chairView).toContain(`In the call, not answered yet: ${b.name}`);
      expect(chairView).not.toContain(c.name);
      expect(textOf(await viewFor(b, rollCall.card))).not.toContain('In the call');
    });

    test('thirty members answer at once: each sees they are marked present, the shared card only the count, and no message is posted per answer', async () => {
      const messagesBefore = bot.connector.calls.filter(posted).length;
      const views = await Promise.all(
        bot.members.slice(0, 30).map((m) => press(m, rollCall.card, 'rollCall.answer')),
      );
      for (const view of views) expect(textOf(view)).toContain('You are marked present.');
      const shared = await eventually(rollCall.id, /Présents: 30 sur 49/);
      expect(textOf(shared)).not.toContain('You are marked present');
      expect(textOf(shared)).toContain('atteint (25 requis)');
      expect(bot.connector.calls.filter(posted).length).toBe(messagesBefore);
      const updates = bot.connector.calls.filter(
        (c) => c.kind === 'update' && c.activityId === rollCall.id,
      );
      expect(updates.length).toBeLessThan(30);
    });

    test('a member who answered once is told so if they press again', async () => {
      const view = await press(bot.members[1] as ChatPerson, rollCall.card, 'rollCall.answer');
      expect(textOf(view)).toContain('You are marked present.');
    });

    test('the chair closes it from their own view; the card becomes the summary', async () => {
      const chairView = await viewFor(bot.chair, latest(rollCall.id));
      await press(bot.chair, chairView, 'rollCall.close');
      const summary = await eventually(rollCall.id, /Appel nominal clos/);
      expect(textOf(summary)).toMatch(
        /Présents: 30\nAbsents: 19\nExcusés: 0\nQuorum: atteint \(25 requis\)/,
      );
      expect(textOf(summary)).toContain((bot.members[40] as ChatPerson).name);
    });
  });

  describe('motions and a named vote', () => {
    let item: { card: Card; id: string };
    let motion: { card: Card; id: string };
    let vote: { card: Card; id: string };

    test('a member tables a motion from the item card; a retried press tables it once', async () => {
      const before = bot.connector.calls.length;
      for (const _ of [1, 2, 3, 4, 5, 6]) await say(bot.chair, 'next');
      item = await postedCard(/Point en discussion\n6\. Motion relative au maintien/, before);
      const proposal = bot.chat.press(
        bot.members[7] as ChatPerson,
        button(item.card, 'motion.propose'),
        {
          motionText: 'Keep the North district post office open.',
        },
      );
      const answers = await Promise.all([bot.send(proposal), bot.send(proposal)]);
      for (const answer of answers)
        expect(textOf(viewOf(answer))).toContain('Your motion is tabled');
      motion = await postedCard(/Keep the North district post office open\./);
      const loaded = await bot.running.service.meetings.load(bot.meetingId);
      const motions =
        loaded?.state.status === 'none' ? [] : Object.values(loaded?.state.motions ?? {});
      expect(
        motions.filter((m) => m.text === 'Keep the North district post office open.'),
      ).toHaveLength(1);
    });

    test('a member may not second their own motion; another seconds it; the author alone may withdraw it', async () => {
      const author = bot.members[7] as ChatPerson;
      const own = await viewFor(author, motion.card);
      expect(hasButton(own, 'motion.second')).toBe(false);
      expect(hasButton(own, 'motion.withdraw')).toBe(true);
      expect(
        hasButton(await viewFor(bot.members[8] as ChatPerson, motion.card), 'motion.withdraw'),
      ).toBe(false);
      const seconded = await press(bot.members[8] as ChatPerson, motion.card, 'motion.second');
      expect(textOf(seconded)).toContain(`Seconded by ${(bot.members[8] as ChatPerson).name}.`);
      await eventually(motion.id, /Appuyée par/);
    });

    test('an amendment proposed from the motion card gets its own card', async () => {
      const view = await press(
        bot.members[9] as ChatPerson,
        motion.card,
        'motion.amend',
        {},
        {
          motionText: 'Keep it open, and on Saturdays too.',
        },
      );
      expect(textOf(view)).toContain('Your amendment is tabled');
      const amendment = await postedCard(/Keep it open, and on Saturdays too\./);
      expect(textOf(amendment.card)).toContain(
        'Amende : Keep the North district post office open.',
      );
      const withdrawn = await press(
        bot.members[9] as ChatPerson,
        await viewFor(bot.members[9] as ChatPerson, amendment.card),
        'motion.withdraw',
      );
      expect(textOf(withdrawn)).toContain('Withdrawn.');
    });

    test('only the chair sees the buttons that put a motion to the vote; a double click opens one named vote', async () => {
      const councillorView = await viewFor(bot.members[3] as ChatPerson, motion.card);
      expect(hasButton(councillorView, 'vote.open')).toBe(false);
      const chairView = await viewFor(bot.chair, latest(motion.id));
      const before = bot.connector.calls.length;
      const clicks = await Promise.all([
        press(bot.chair, chairView, 'vote.open', { secret: false }),
        press(bot.chair, chairView, 'vote.open', { secret: false }),
      ]);
      for (const view of clicks) expect(textOf(view)).toContain('The vote is open');
      vote = await postedCard(/Vote nominatif/, before);
      expect(textOf(vote.card)).toContain('0 sur 30 a voté');
      expect(vote.card.refresh).toMatchObject({
        action: { verb: 'refresh', data: { card: { kind: 'vote' } } },
      });
      const loaded = await bot.running.service.meetings.load(bot.meetingId);
      const votes = loaded?.state.status === 'none' ? [] : Object.values(loaded?.state.votes ?? {});
      expect(votes).toHaveLength(1);
      expect(hasButton(await viewFor(bot.chair, latest(motion.id)), 'vote.open')).toBe(false);
    });

    test('a member absent when the vote opened is told they may not vote, and their press is refused', async () => {
      const absent = bot.members[40] as ChatPerson;
      const own = await viewFor(absent, vote.card);
      expect(textOf(own)).toContain('You may not vote in this vote');
      expect(hasButton(own, 'vote.cast')).toBe(false);
      const pressed = await press(absent, vote.card, 'vote.cast', { choice: 'yes' });
      expect(textOf(pressed)).toContain('You may not vote in this vote');
    });

    test('in a named vote, a member sees their own choice; the shared card shows participation only', async () => {
      const voters = bot.members.slice(0, 29);
      const receipts = await Promise.all(
        voters.map((m, i) =>
          press(m, vote.card, 'vote.cast', { choice: i < 18 ? 'yes' : 'no' }, {}, 'fr-BE'),
        ),
      );
      expect(textOf(receipts[1] as Card)).toContain('Votre vote est enregistré : Oui.');
      expect(textOf(receipts[20] as Card)).toContain('Votre vote est enregistré : Non.');
      const shared = await eventually(vote.id, /29 sur 30 ont voté/);
      expect(textOf(shared)).not.toMatch(/Oui: |enregistré/);
    });

    test('the chair closes the vote; the director alone gets the result, with names per choice after publication', async () => {
      expect(await say(bot.chair, 'close')).toEqual([]);
      await eventually(vote.id, /Le vote est clos : 29 sur 30/);
      const created = await bot.connector.waitFor((c) => c.kind === 'create');
      const sent = await bot.connector.waitFor(
        (c) => posted(c) && c.conversationId === created.conversationId,
      );
      const forDirector = cardOf(sent);
      expect(textOf(forDirector)).toMatch(/Oui: 18\nNon: 11/);
      const personal = chatOf({
        serviceUrl: bot.connector.url,
        conversationId: created.conversationId,
        tenantId: demo.tenantId,
        conversationType: 'personal',
      });
      const chairTries = await bot.send(
        personal.press(bot.chair, button(forDirector, 'result.publish')),
      );
      // Not their button: an error answer with the reason, not the card they may not see.
      expect(chairTries).toMatchObject({
        status: 403,
        body: {
          type: 'application/vnd.microsoft.error',
          value: { code: 'NOT_AUTHORIZED', message: expect.stringContaining('role') as unknown },
        },
      });
      const published = await bot.send(
        personal.press(bot.director, button(forDirector, 'result.publish')),
      );
      expect(textOf(viewOf(published))).toContain('Published in the meeting chat.');
      const result = await postedCard(/Résultat du vote nominatif/);
      const text = textOf(result.card);
      expect(text).toContain('Adopté');
      expect(text).toContain(
        `**Oui** (18): ${bot.members
          .slice(0, 18)
          .map((m) => m.name)
          .join(', ')}`,
      );
      expect(text).toContain('**Non** (11)');
      expect(text).toContain('**Abstention** (0): —');
    });

    test('the published result states its rule in French with its article, and only the director’s copy says how sure the reading is', async () => {
      const text = textOf((await postedCard(/Résultat du vote nominatif/)).card);
      expect(text).toContain(
        'Majorité des suffrages exprimés : majorité absolue des suffrages exprimés (CDLD L1122-26)',
      );
      expect(text).not.toMatch(/lecture usuelle|absolute majority|votes cast| and /);
      const created = await bot.connector.waitFor((c) => c.kind === 'create');
      const sent = await bot.connector.waitFor(
        (c) => posted(c) && c.conversationId === created.conversationId,
      );
      expect(textOf(cardOf(sent))).toContain('(CDLD L1122-26) — lecture usuelle');
    });

    test('the director finds no result left to publish in their personal chat', async () => {
      const created = await bot.connector.waitFor((c) => c.kind === 'create');
      const personal = chatOf({
        serviceUrl: bot.connector.url,
        conversationId: created.conversationId,
        tenantId: demo.tenantId,
        conversationType: 'personal',
      });
      await bot.send(personal.message(bot.director, 'results'));
      const reply = bot.connector.calls
        .filter((c) => c.conversationId === created.conversationId && c.body.text !== undefined)
        .at(-1);
      expect(reply?.body.text).toBe('No result is waiting for you to publish.');
    });
  });

  describe('in-meeting notifications', () => {
    test('when a vote opens the entitled members are notified; a 403 from the meeting API does not stop the vote', async () => {
      bot.connector.notificationStatus = 403;
      const before = bot.connector.calls.length;
      await say(bot.chair, 'next');
      await say(bot.chair, 'vote');
      const notice = await bot.connector.waitFor(
        (c) => c.kind === 'notify' && bot.connector.calls.indexOf(c) >= before,
      );
      expect(notice.conversationId).toBe(TEAMS_MEETING_ID);
      const recipients = (notice.body.value as { recipients: string[] }).recipients;
      expect(recipients).toHaveLength(30);
      expect(recipients).not.toContain((bot.members[40] as ChatPerson).id);
      const vote = await postedCard(/Vote nominatif/, before);
      expect(textOf(vote.card)).toContain('0 sur 30 a voté');
      expect(await say(bot.chair, 'close')).toEqual([]);
    });
  });
});

describe('the bot in a chat outside a Teams meeting (the Agents Playground, a plain group chat)', () => {
  let bot: RunningBot;
  const { postedCard, say } = chatHelpers(() => bot);

  beforeAll(async () => {
    bot = await startBot({ teamsMeetingId: null });
  }, BOT_START_MS);
  afterAll(() => bot.close());

  test('the chat is linked by its own id, and a vote opens without any meeting notification', async () => {
    expect(await say(bot.chair, `link ${bot.meetingId}`)).toEqual([
      `This chat is now the chat of “${demo.meeting.title}”.`,
    ]);
    const [agenda] = await say(bot.chair, 'agenda');
    expect(agenda).toContain('No item is under discussion.');
    await say(bot.chair, 'open');
    for (const member of bot.members.slice(0, 26)) await say(member, 'present');
    await say(bot.chair, 'next');
    await say(bot.chair, 'vote');
    await postedCard(/Vote nominatif/);
    expect(bot.connector.calls.some((c) => c.kind === 'notify')).toBe(false);
  });
});

describe('quorum and presence on the vote card, over the Bot Framework protocol', () => {
  let bot: RunningBot;
  const { postedCard, eventually, press, viewFor } = chatHelpers(() => bot);

  beforeAll(async () => {
    bot = await startBot();
  }, BOT_START_MS);
  afterAll(() => bot.close());

  test('the vote card shows quorum lost when a departure loses it, and a member who left is refused a ballot', async () => {
    const send = async (person: ChatPerson, text: string) => {
      expect((await bot.send(bot.chat.message(person, text))).status).toBe(200);
    };
    await send(bot.director, `link ${bot.meetingId}`);
    await send(bot.chair, 'open');
    // 49 in office: quorum is 25, and 25 are present.
    const present = bot.members.slice(0, 25);
    for (const member of present) await send(member, 'present');
    await send(bot.chair, 'next');
    await send(bot.chair, 'vote');
    const vote = await postedCard(/Vote nominatif/);
    expect(textOf(vote.card)).not.toContain('Quorum perdu');

    const leaver = present[24] as ChatPerson;
    const left = await personOf(bot.running, leaver.aadObjectId).command(bot.meetingId, {
      type: 'CheckOut',
    });
    expect(left.status).toBe(200);
    const card = await eventually(vote.id, /Quorum perdu : 24 présents, 25 requis/);
    expect(textOf(card)).toContain('ce vote serait nul');

    const own = await viewFor(leaver, card);
    expect(textOf(own)).toContain('You are not present: check in to vote.');
    expect(hasButton(own, 'vote.cast')).toBe(false);
    // A press from the card as it stood before the departure is refused all the same.
    const pressed = await press(leaver, card, 'vote.cast', { choice: 'yes' });
    expect(textOf(pressed)).toContain('You are not present: check in to vote.');
    const loaded = await bot.running.service.meetings.load(bot.meetingId);
    const votes = loaded?.state.status === 'none' ? [] : Object.values(loaded?.state.votes ?? {});
    expect(votes[0]?.participants).toEqual([]);
  });
});
