import { cardActionSchema } from '../../../bot/src/teams/actions';
import { messageOf, type Meeting } from '../../../shared/src';
import type { Call } from '../support/connector';
import { overHttp } from '../support/over-http';
import { demo, nextCommandId, personOf, type Person } from '../support/service';
import {
  actionsOf,
  button,
  cardOf,
  chatOf,
  textOf,
  viewOf,
  type Card,
  type ChatPerson,
} from '../support/teams';
import { testDatabases, type TestDatabase } from '../store/databases';
import { BOT_START_MS, posted, startBot, type RunningBot } from './bot';

const DAY_MS = 86_400_000;
/** The convocation chat's Teams meeting: another sitting than the one startBot links. */
const CONVOCATION_CHAT = '19:meeting_convocation@thread.v2';
const REASON = 'La salle du conseil est fermée pour travaux.';
const FOOTPATH = 'Réfection du trottoir de la rue Haute';
/** Attached before convening: to the budget (public) and to the appointment (closed session). */
const BUDGET_DRAFT = {
  title: 'Projet de délibération (MB n°2)',
  url: 'https://contoso.sharepoint.com/sites/conseil/MB2%20(projet).pdf',
};
const APPOINTMENT_FILE = {
  title: 'Dossier de nomination',
  url: 'https://contoso.sharepoint.com/sites/conseil/huis-clos/nomination.pdf',
};

/**
 * The convocation through the real Bot Framework protocol: the director convenes from the meeting
 * chat, each convened member gets a card in their 1:1 chat with the bot in their language, opens
 * and acknowledges it, and the director reads the receipts over HTTP, on each database.
 */
describe.each(testDatabases())('the convocation with receipts, on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let bot: RunningBot;
  let meetingId = '';
  let director: Person;
  const http = overHttp(() => meetingId);
  /** Members by their language on the roster: the meeting's (French) unless set. */
  const languages: Record<number, 'nl' | 'de' | 'en'> = { 1: 'nl', 2: 'de', 3: 'en' };
  const member = (index: number) => bot.members[index] as ChatPerson;
  const blocked = () => member(5);
  const notInstalled = () => member(6);

  beforeAll(async () => {
    database = await fresh();
    bot = await startBot({ db: await database.connect() });
    director = personOf(bot.running, demo.director.aadObjectId);
    // A sitting three days ahead: convened now, it is short of Wallonia's seven clear days.
    const start = new Date(Date.now() + 3 * DAY_MS).toISOString();
    const created = await director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: {
        ...demo,
        meeting: { ...demo.meeting, scheduledStart: start },
        members: demo.members.map((m, i) => {
          const language = languages[i];
          return language ? { ...m, language } : m;
        }),
      },
    });
    expect(created.status).toBe(201);
    meetingId = created.body.meetingId as string;
    const { agenda } = (await http.meeting(director)).setup;
    const budget = agenda[1];
    const appointment = agenda.find((item) => item.session === 'closed');
    if (!budget || !appointment) throw new Error('the demo agenda has a public and a closed item');
    for (const [item, document] of [
      [budget, BUDGET_DRAFT],
      [appointment, APPOINTMENT_FILE],
    ] as const) {
      await http.ok(director, { type: 'AttachDocument', itemId: item.id, ...document });
    }
    bot.connector.refusedChats = {
      [blocked().id]: 'ConversationBlockedByUser',
      [notInstalled().id]: 'BotNotInConversationRoster',
    };
  }, BOT_START_MS);
  afterAll(async () => {
    await bot.close();
    await database.drop();
  });

  const chat = () =>
    chatOf({
      serviceUrl: bot.connector.url,
      conversationId: CONVOCATION_CHAT,
      tenantId: demo.tenantId,
      teamsMeetingId: 'convocation-meeting',
    });

  async function say(person: ChatPerson, text: string, locale = 'fr-BE'): Promise<string[]> {
    const before = bot.connector.calls.length;
    const answer = await bot.send(chat().message(person, text, locale));
    expect(answer.status).toBe(200);
    return bot.connector.calls
      .slice(before)
      .filter((c) => c.kind === 'reply' && c.body.text !== undefined)
      .map((c) => String(c.body.text));
  }

  /** The 1:1 chat the bot opened with a member, as the connector created it. */
  function personalChatOf(person: ChatPerson): string | undefined {
    const created = bot.connector.calls.find(
      (c) =>
        c.kind === 'create' &&
        c.conversationId !== '' &&
        (c.body.members as { id: string }[] | undefined)?.[0]?.id === person.id,
    );
    return created?.conversationId;
  }

  const cardsIn = (conversationId: string): Call[] =>
    bot.connector.calls.filter((c) => posted(c) && c.conversationId === conversationId);

  async function receipts(until: (meeting: Meeting) => boolean): Promise<Meeting> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const meeting = await http.meeting(director);
      if (until(meeting) || Date.now() > deadline) return meeting;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const received = (meeting: Meeting) =>
    bot.members.every((m) => {
      const receipt = meeting.convocation?.receipts[m.aadObjectId];
      return receipt?.delivered !== undefined || receipt?.unreachable !== undefined;
    });

  test('the director convenes from the meeting chat; sent late, the answer warns with the rule and its article', async () => {
    expect(await say(bot.director, `link ${meetingId}`)).toHaveLength(1);
    const said = await say(bot.director, `convoquer ${REASON}`);
    expect(said.join('\n')).toContain('La convocation part vers chaque membre');
    expect(said.join('\n')).toMatch(
      /Attention : cette convocation est tardive — 2 jours au lieu des 7/,
    );
    expect(said.join('\n')).toContain('CDLD L1122-13 §1');
  });

  test('a councillor may not convene, and a sitting convened cannot be convened again', async () => {
    expect(await say(member(4), `convoquer ${REASON}`)).toEqual([
      messageOf({ code: 'NOT_AUTHORIZED' }, 'fr'),
    ]);
    const again = await director.command(meetingId, { type: 'ConveneMeeting', reason: REASON });
    expect(again.status).toBe(409);
  });

  // Some fifty members' chats opened and cards posted: slow on a busy machine.
  const ALL_MEMBERS_MS = 90_000;

  test(
    'each convened member receives the card in their 1:1 chat, in their language, with the agenda’s sessions and one button',
    async () => {
      const meeting = await receipts(received);
      expect(received(meeting)).toBe(true);
      const reachable = bot.members.filter((m) => m !== blocked() && m !== notInstalled());
      const expected: Record<string, RegExp> = {
        fr: /^Convocation\n.*Ville de Meuse-sur-Ourthe/s,
        nl: /^Oproeping\nU wordt opgeroepen/,
        de: /^Einberufung\nSie sind zur Sitzung/,
        en: /^Convocation\nYou are convened/,
      };
      for (const person of reachable) {
        const conversation = personalChatOf(person);
        if (!conversation) throw new Error(`no 1:1 chat with ${person.name}`);
        const [call] = cardsIn(conversation);
        if (!call) throw new Error(`no card for ${person.name}`);
        const card = cardOf(call);
        const language = languages[bot.members.indexOf(person)] ?? 'fr';
        expect(textOf(card)).toMatch(expected[language] as RegExp);
        expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
        // Every button is one the bot takes back, naming this meeting and this card.
        for (const action of actionsOf(card)) {
          expect(cardActionSchema.safeParse(action).success).toBe(true);
        }
        expect(actionsOf(card).map((a) => a.verb)).toEqual(['convocation.acknowledge']);
        expect((card.refresh as { userIds: string[] }).userIds).toEqual([person.id]);
      }
      const french = cardOf(cardsIn(personalChatOf(member(0)) ?? '')[0] as Call);
      expect(textOf(french)).toContain(`Raison de la séance à distance: ${REASON}`);
      expect(textOf(french)).toContain('Séance: à distance, au moyen de Microsoft Teams');
      expect(textOf(french)).toMatch(/huis clos/);
      expect(textOf(french)).toMatch(/séance publique/);
      expect(textOf(french)).toContain('[J’accuse réception]');
    },
    ALL_MEMBERS_MS,
  );

  test('the card links each item’s documents, a closed item’s too for a member', async () => {
    await receipts(received);
    const card = cardOf(cardsIn(personalChatOf(member(0)) ?? '')[0] as Call);
    // A parenthesis in the address is encoded, or markdown would end the link there.
    expect(textOf(card)).toContain(
      `Documents: [${BUDGET_DRAFT.title}](https://contoso.sharepoint.com/sites/conseil/MB2%20%28projet%29.pdf)`,
    );
    expect(textOf(card)).toContain(
      `Documents: [${APPOINTMENT_FILE.title}](${APPOINTMENT_FILE.url})`,
    );
  });

  test('a member whose chat Teams refuses is listed unreachable, with why, and gets no card', async () => {
    const meeting = await receipts(received);
    const receiptOf = (person: ChatPerson) => meeting.convocation?.receipts[person.aadObjectId];
    expect(receiptOf(blocked())?.unreachable?.failure).toBe('blocked');
    expect(receiptOf(notInstalled())?.unreachable?.failure).toBe('notInstalled');
    expect(receiptOf(blocked())?.delivered).toBeUndefined();
    expect(personalChatOf(blocked())).toBeUndefined();
    expect(receiptOf(member(0))?.delivered).toEqual(expect.any(String));
  });

  test('opening the card records it; acknowledging says so on the card; the director sees both, a second press changes nothing', async () => {
    const person = member(1);
    const conversation = personalChatOf(person) ?? '';
    const personal = chatOf({
      serviceUrl: bot.connector.url,
      conversationId: conversation,
      tenantId: demo.tenantId,
      conversationType: 'personal',
    });
    const card = cardOf(cardsIn(conversation)[0] as Call);
    const opened = await bot.send(personal.refresh(person, card, 'nl-BE'));
    expect(opened.status).toBe(200);
    let meeting = await receipts((m) => !!m.convocation?.receipts[person.aadObjectId]?.opened);
    expect(meeting.convocation?.receipts[person.aadObjectId]?.acknowledged).toBeUndefined();

    const pressed = await bot.send(
      personal.press(person, button(card, 'convocation.acknowledge'), {}, 'nl-BE'),
    );
    expect(pressed.status).toBe(200);
    const view: Card = viewOf(pressed);
    expect(textOf(view)).toMatch(/Ontvangst bevestigd op/);
    expect(actionsOf(view)).toEqual([]);
    meeting = await receipts((m) => !!m.convocation?.receipts[person.aadObjectId]?.acknowledged);
    const receipt = meeting.convocation?.receipts[person.aadObjectId];
    expect(receipt?.opened).toEqual(expect.any(String));
    expect(receipt?.acknowledged).toEqual(expect.any(String));

    const { version } = await http.read(director);
    const twice = await bot.send(
      personal.press(person, button(card, 'convocation.acknowledge'), {}, 'nl-BE'),
    );
    expect(twice.status).toBe(200);
    expect((await http.read(director)).version).toBe(version);
    // The card in the chat says it too, for the member's other devices.
    await bot.connector.waitFor(
      (c) =>
        c.kind === 'update' &&
        c.conversationId === conversation &&
        /Ontvangst bevestigd op/.test(textOf(cardOf(c))),
    );
  });

  test('a councillor reads no one’s receipts but their own; only the director resends', async () => {
    const councillor = personOf(bot.running, member(4).aadObjectId);
    const seen = await http.meeting(councillor);
    expect(Object.keys(seen.convocation?.receipts ?? {})).toEqual([]);
    const refused = await councillor.command(meetingId, {
      type: 'ResendConvocation',
      member: blocked().aadObjectId,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_AUTHORIZED');
    const stranger = await director.command(meetingId, {
      type: 'ResendConvocation',
      member: bot.observer.aadObjectId,
    });
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('NOT_A_MEMBER');
  });

  test('once the member unblocks the bot, the director resends to that member alone', async () => {
    bot.connector.refusedChats = { [notInstalled().id]: 'BotNotInConversationRoster' };
    const before = bot.connector.calls.filter(posted).length;
    await http.ok(director, { type: 'ResendConvocation', member: blocked().aadObjectId });
    const meeting = await receipts(
      (m) => !!m.convocation?.receipts[blocked().aadObjectId]?.delivered,
    );
    const receipt = meeting.convocation?.receipts[blocked().aadObjectId];
    expect(receipt).toMatchObject({ sending: 2, delivered: expect.any(String) as string });
    expect(receipt?.unreachable).toBeUndefined();
    expect(meeting.convocation?.receipts[notInstalled().aadObjectId]?.unreachable).toBeDefined();
    const sent = bot.connector.calls.filter(posted).slice(before);
    expect(sent.map((c) => c.conversationId)).toEqual([personalChatOf(blocked())]);
  });

  test(
    'an item added after convocation goes to every member as a supplementary agenda, marked so',
    async () => {
      const { setup } = await http.meeting(director);
      const footpath = {
        id: 'item-footpath',
        title: { fr: FOOTPATH },
        session: 'public',
        subject: 'general',
        expectedVote: 'named',
        candidates: [],
      };
      await http.ok(director, { type: 'ReviseAgenda', agenda: [...setup.agenda, footpath] });
      const person = member(0);
      const conversation = personalChatOf(person) ?? '';
      const call = await bot.connector.waitFor(
        (c) =>
          posted(c) &&
          c.conversationId === conversation &&
          /Ordre du jour complémentaire/.test(textOf(cardOf(c))),
      );
      expect(textOf(cardOf(call))).toContain(
        `${setup.agenda.length + 1}. ${FOOTPATH} — _séance publique, ajouté_`,
      );
      const meeting = await receipts((m) =>
        bot.members.every((p) => {
          const receipt = m.convocation?.receipts[p.aadObjectId];
          return receipt?.sending === 3;
        }),
      );
      expect(meeting.convocation?.supplements).toMatchObject([
        { sending: 3, added: ['item-footpath'], withdrawn: [] },
      ]);
      expect(meeting.convocation?.receipts[notInstalled().aadObjectId]?.unreachable).toBeDefined();
    },
    ALL_MEMBERS_MS,
  );
});
