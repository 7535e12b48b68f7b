import { AdaptiveCard, type IValidationError } from 'adaptivecards';
import { votesOf } from '../support/appointment';
import { demo, personOf, type Person } from '../support/service';
import { trusteeTabs, type Tellers } from '../support/tellers';
import { cardOf, chatOf, textOf, type Card, type ChatPerson } from '../support/teams';
import { BOT_START_MS, MEETING_CHAT, startBot, type RunningBot, chatHelpers, posted } from './bot';

interface DutyButton {
  readonly type: string;
  readonly title: string;
  readonly data: { msteams: { type: string }; meetingId: string; duty: string };
}

/** The problems the Adaptive Cards library finds in a card, as Teams' renderer would parse it. */
function cardProblems(card: Card): string[] {
  const parsed = new AdaptiveCard();
  const problems: IValidationError[] = [];
  parsed.parse(card, problems);
  const failures = parsed.validateProperties().failures.flatMap((f) => f.errors);
  // The library knows schema 1.2; the trustee's cards use nothing newer but the refresh it skips.
  return [...problems, ...failures]
    .map((p) => p.message)
    .filter((message) => !message.includes('card version (1.4) is not supported'));
}

function dutyButton(card: Card): DutyButton {
  const [action] = (card.actions ?? []) as DutyButton[];
  if (!action) throw new Error(`no button on:\n${textOf(card)}`);
  return action;
}

/**
 * Issue 15, point 4 over the Bot Framework protocol: a trustee who works from the chat gets a
 * card in private for each duty (the key ceremony when the tellers are named, the share of each
 * secret vote's count once its ballots are added up), whose button opens a Teams dialog of the
 * tab's page of their duty.
 */
describe('a trustee’s duties from the chat, over the Bot Framework protocol', () => {
  let bot: RunningBot;
  let chair: Person;
  let members: Person[];
  let tellers: Tellers;
  let trustees: ChatPerson[];
  const { must, viewFor } = chatHelpers(() => bot);

  /** The cards the bot posted whose text matches, with the chat each went to. */
  const sentCards = (match: RegExp) =>
    bot.connector.calls
      .filter((c) => posted(c) && match.test(textOf(cardOf(c))))
      .map((c) => ({ chat: c.conversationId, card: cardOf(c) }));

  async function cardsFor(match: RegExp, count: number) {
    await bot.connector.waitFor(() => sentCards(match).length >= count);
    return sentCards(match);
  }

  /** A personal chat as Teams sends the invoke of the card's button from it. */
  const personal = (conversationId: string) =>
    chatOf({
      serviceUrl: bot.connector.url,
      conversationId,
      tenantId: demo.tenantId,
      conversationType: 'personal',
    });

  const taskFetch = (person: ChatPerson, value: unknown, locale = 'en-US', chat = bot.chat) =>
    bot.send({ ...chat.message(person, '', locale), type: 'invoke', name: 'task/fetch', value });

  beforeAll(async () => {
    bot = await startBot();
    const on = (id: string) => personOf(bot.running, id);
    chair = on(bot.chair.aadObjectId);
    members = bot.members.map((m) => on(m.aadObjectId));
    const linked = await bot.send(bot.chat.message(bot.director, `link ${bot.meetingId}`));
    expect(linked.status).toBe(200);
    await must(chair, { type: 'OpenMeeting' });
    await Promise.all(members.slice(0, 30).map((m) => must(m, { type: 'CheckIn' })));
    for (const _ of [1, 2, 3, 4, 5]) await must(chair, { type: 'NextItem' });
    const named = bot.members.slice(1, 3);
    trustees = [bot.director, ...named];
    await must(chair, { type: 'NameTellers', tellers: named.map((m) => m.aadObjectId) });
    // Their tabs take part in the ceremony, and in no count until the test says they arrive.
    tellers = await trusteeTabs(
      bot.running,
      bot.meetingId,
      named.map((m) => m.aadObjectId),
      { absent: trustees.map((t) => t.aadObjectId) },
    );
    await tellers.ready();
  }, BOT_START_MS);
  afterAll(async () => {
    await tellers.stop();
    await bot.close();
  });

  test('when the chair names the tellers, each trustee gets one card in their own chat, in the meeting’s language, whose button opens their dialog', async () => {
    const cards = await cardsFor(/Votre part de la clé de l’urne scellée/, 3);
    const created = bot.connector.calls.filter((c) => c.kind === 'create');
    expect(new Set(cards.map((c) => c.chat)).size).toBe(3);
    for (const { chat, card } of cards) {
      expect(created.map((c) => c.conversationId)).toContain(chat);
      expect(cardProblems(card)).toEqual([]);
      expect(dutyButton(card)).toEqual({
        type: 'Action.Submit',
        title: 'Ouvrir ma tâche de scrutateur',
        style: 'positive',
        data: { msteams: { type: 'task/fetch' }, meetingId: bot.meetingId, duty: 'ceremony' },
      });
    }
    expect(cards.map((c) => c.chat)).not.toContain(MEETING_CHAT);
    // The ceremony's steps that followed sent nobody another card.
    await tellers.ready();
    expect(sentCards(/Votre part de la clé/)).toHaveLength(3);
  });

  test('a trustee’s own view of that card, once the key is ready, says so and has no button', async () => {
    const card = sentCards(/Votre part de la clé/)[0]?.card ?? {};
    const userIds = (card.refresh as { userIds: string[] } | undefined)?.userIds ?? [];
    expect(userIds).toHaveLength(1);
    const trustee = trustees.find((t) => t.id === userIds[0]) as ChatPerson;
    const view = await viewFor(trustee, card, 'nl-BE');
    expect(textOf(view)).toContain('De sleutel is klaar: elke bewaarder heeft deelgenomen.');
    expect(view.actions ?? []).toEqual([]);
    expect(textOf(await viewFor(bot.members[9] as ChatPerson, card))).toContain(
      'You are not a teller of this sitting.',
    );
  });

  test('the button’s task/fetch answers a trustee with the tab’s page of their duty, on the service’s own origin', async () => {
    const sent = sentCards(/Votre part de la clé/)[0] ?? { chat: '', card: {} };
    const { data } = dutyButton(sent.card);
    for (const trustee of trustees) {
      const answer = await taskFetch(trustee, { data, context: { theme: 'default' } }, 'fr-BE');
      const url = `${bot.running.url}/tab/index.html?meeting=${bot.meetingId}&view=trustee`;
      expect(answer).toEqual({
        status: 200,
        body: {
          task: {
            type: 'continue',
            value: {
              url,
              fallbackUrl: url,
              title: `Tâche de scrutateur : ${demo.meeting.title}`,
              height: 'medium',
              width: 'small',
            },
          },
        },
      });
    }
    const fromTheirChat = await taskFetch(
      trustees[1] as ChatPerson,
      { data },
      'en-US',
      personal(sent.chat),
    );
    expect(fromTheirChat.body).toMatchObject({ task: { type: 'continue' } });
  });

  test.each([
    ['en-US', 'You are not a teller of this sitting.'],
    ['fr-BE', 'Vous n’êtes pas scrutateur de cette séance.'],
    ['nl-BE', 'U bent geen stemopnemer van deze zitting.'],
    ['de-BE', 'Sie sind kein Stimmenzähler dieser Sitzung.'],
  ])(
    'in %s, a member who is not a trustee is told so in the dialog, and gets no page',
    async (locale, said) => {
      const data = { msteams: { type: 'task/fetch' }, meetingId: bot.meetingId, duty: 'ceremony' };
      for (const person of [bot.chair, bot.members[5] as ChatPerson, bot.observer]) {
        const answer = await taskFetch(person, { data }, locale);
        expect(answer).toEqual({ status: 200, body: { task: { type: 'message', value: said } } });
      }
    },
  );

  test('a meeting of another organisation, or none, is not found: a message, not a page', async () => {
    const elsewhere = chatOf({
      serviceUrl: bot.connector.url,
      conversationId: 'other-chat',
      tenantId: 'another-tenant',
    });
    const data = { meetingId: bot.meetingId, duty: 'ceremony' };
    for (const [value, chat] of [
      [{ data }, elsewhere],
      [{ data: { ...data, meetingId: 'no-such-meeting' } }, bot.chat],
    ] as const) {
      const answer = await taskFetch(bot.director, value, 'en-US', chat);
      expect(answer).toEqual({
        status: 200,
        body: { task: { type: 'message', value: 'This meeting was not found.' } },
      });
    }
  });

  test.each([
    ['no value', undefined],
    ['no data', {}],
    ['a meeting id that is not one', { data: { meetingId: '../../x y', duty: 'ceremony' } }],
    ['an unknown duty', { data: { meetingId: 'm', duty: 'rig' } }],
    ['data that is not an object', { data: 'ceremony' }],
  ])('a task/fetch with %s is a 400, never a page nor a crash', async (_name, value) => {
    const answer = await taskFetch(bot.director, value);
    expect(answer.status).toBe(400);
  });

  test('once a secret vote’s ballots are added up, each trustee gets one card to release their share; once counted, their view says so', async () => {
    await must(chair, { type: 'OpenVote' });
    const [voteId, vote] = Object.entries(await votesOf(chair, bot.meetingId)).at(-1) ?? [];
    if (!voteId || !vote) throw new Error('no vote opened');
    await Promise.all(
      members
        .slice(0, 30)
        .map((m, i) => must(m, { type: 'CastBallot', voteId, choice: vote.choices[i % 2] })),
    );
    const cards = await cardsFor(/Un scrutin secret attend votre part du dépouillement/, 3);
    expect(new Set(cards.map((c) => c.chat)).size).toBe(3);
    for (const { card } of cards) {
      expect(cardProblems(card)).toEqual([]);
      expect(dutyButton(card)).toMatchObject({
        title: 'Libérer ma part',
        data: { msteams: { type: 'task/fetch' }, meetingId: bot.meetingId, duty: 'count' },
      });
      const answer = await taskFetch(bot.director, { data: dutyButton(card).data });
      expect(answer.body).toMatchObject({ task: { type: 'continue' } });
    }

    for (const trustee of trustees) tellers.arrive(trustee.aadObjectId);
    await tellers.counted(voteId);
    for (const { card } of cards) {
      const userIds = (card.refresh as { userIds: string[] }).userIds;
      const trustee = trustees.find((t) => t.id === userIds[0]) as ChatPerson;
      const view = await viewFor(trustee, card, 'fr-BE');
      expect(textOf(view)).toMatch(
        /Votre part du dépouillement est transmise\.|Le scrutin est dépouillé\./,
      );
      expect(view.actions ?? []).toEqual([]);
    }
    expect(sentCards(/Un scrutin secret attend/)).toHaveLength(3);
  });
});
