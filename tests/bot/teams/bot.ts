import path from 'node:path';
import { councilFileSchema, type WireCommand } from '@council/shared';
import { loadCouncil } from '../../../bot/src/demo';
import type { BotInstaller } from '../../../bot/src/teams/bot-installer';
import type { Logger } from '../../../bot/src/log';
import type { Db } from '../../../bot/src/store';
import { teamsChat } from '../../../bot/src/teams';
import { startConnector, type Call, type Connector } from '../support/connector';
import { demo, startService, type Person, type RunningService } from '../support/service';
import {
  adaptiveCardIn,
  button,
  cardOf,
  chatOf,
  chatPerson,
  post,
  textOf,
  viewOf,
  type Activity,
  type Card,
  type Chat,
  type ChatPerson,
} from '../support/teams';

export const TEAMS_MEETING_ID = 'MCMxOTptZWV0aW5nX2NvdW5jaWxAdGhyZWFkLnYyIzA=';
export const MEETING_CHAT = '19:meeting_council@thread.v2';
/** Loading botbuilder and a fresh database takes a while on a busy machine. */
export const BOT_START_MS = 120_000;

export interface RunningBot {
  readonly connector: Connector;
  readonly running: RunningService;
  readonly meetingId: string;
  readonly chat: Chat;
  readonly director: ChatPerson;
  readonly chair: ChatPerson;
  readonly members: ChatPerson[];
  readonly observer: ChatPerson;
  send(activity: Activity | string): ReturnType<typeof post>;
  close(): Promise<void>;
}

/**
 * The service with its bot on loopback (local mode: no Bot Framework auth), the demo council
 * convened, and a connector that records what the bot says in a Teams meeting chat.
 */
export async function startBot(
  options: {
    intervalMs?: number;
    /** How long a meeting's leader may go silent before another instance follows it. */
    leaseMs?: number;
    teamsMeetingId?: string | null;
    databaseUrl?: string;
    /** Another instance of the service on the same database, speaking to the same connector. */
    sharing?: { readonly db: Db; readonly connector: Connector };
    /** A database already open, which the service closes with itself. */
    db?: Db;
    /** The service's logger (silent, or TEST_LOG_LEVEL, without it). */
    log?: Logger;
    /** More settings for the service (limits, say). */
    env?: Readonly<Record<string, string>>;
    /** House rules the demo council adopts before its sitting (a secret ballot on any subject, say). */
    houseRules?: Extract<WireCommand, { type: 'ChooseRules' }>['rules']['overrides'];
    /** Installs the bot for members it cannot reach (a Graph port over a fake Graph). */
    installer?: BotInstaller;
  } = {},
): Promise<RunningBot> {
  const connector = options.sharing?.connector ?? (await startConnector());
  const db = options.sharing?.db ?? options.db;
  const running = await startService(options.databaseUrl, {
    chat: teamsChat({
      config: { MicrosoftAppType: 'SingleTenant' },
      cardUpdateIntervalMs: options.intervalMs ?? 20,
      leaseMs: options.leaseMs,
      ...(options.installer ? { installer: options.installer } : {}),
    }),
    ...(db ? { db } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  const meetingId = await loadCouncil(
    running.service,
    path.join(__dirname, '../../../bot/fixtures/council-demo.json'),
  );
  if (options.houseRules) {
    const chosen = await running.service.meetings.execute({
      meetingId,
      commandId: 'demo-council-house-rules',
      by: demo.director.aadObjectId,
      command: {
        type: 'ChooseRules',
        rules: {
          profile: councilFileSchema.shape.rulesProfile.parse(demo.rulesProfile),
          overrides: options.houseRules,
        },
      },
    });
    if (!chosen.ok) throw new Error(`the house rules were refused: ${chosen.error.code}`);
  }
  const members = demo.members.map(chatPerson);
  const director = chatPerson(demo.director);
  const observer = chatPerson(demo.observer);
  connector.members = [director, observer, ...members];
  const teamsMeetingId =
    options.teamsMeetingId === undefined ? TEAMS_MEETING_ID : options.teamsMeetingId;
  const chat = chatOf({
    serviceUrl: connector.url,
    conversationId: MEETING_CHAT,
    tenantId: demo.tenantId,
    ...(teamsMeetingId ? { teamsMeetingId } : {}),
  });
  return {
    connector,
    running,
    meetingId,
    chat,
    director,
    chair: members[0] as ChatPerson,
    members,
    observer,
    send: (activity) => post(running.url, activity),
    async close() {
      await running.close();
      if (!options.sharing) await connector.close();
    },
  };
}

/** A message the bot posted or replied with that carries a card. */
export const posted = (call: Call) =>
  (call.kind === 'send' || call.kind === 'reply') && call.body.attachments !== undefined;

/** Speaking to the bot as the tests of a meeting chat do: its replies, cards, presses and views. */
export function chatHelpers(bot: () => RunningBot) {
  /** An Adaptive Card the bot posted matching `match` (a file consent card is no such card). */
  async function postedCard(match: RegExp, after = 0) {
    const call = await bot().connector.waitFor(
      (c) =>
        bot().connector.calls.indexOf(c) >= after &&
        posted(c) &&
        adaptiveCardIn(c.body) !== undefined &&
        match.test(textOf(cardOf(c))),
    );
    return { card: cardOf(call), id: call.newId ?? '' };
  }
  function latest(id: string): Card {
    const { calls } = bot().connector;
    const last =
      calls.filter((c) => c.kind === 'update' && c.activityId === id).at(-1) ??
      calls.find((c) => c.newId === id);
    if (!last) throw new Error(`no message ${id}`);
    return cardOf(last);
  }
  async function eventually(id: string, match: RegExp): Promise<Card> {
    const until = Date.now() + 10_000;
    for (;;) {
      const card = latest(id);
      if (match.test(textOf(card))) return card;
      if (Date.now() > until) throw new Error(`the card never showed ${match}:\n${textOf(card)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  async function press(
    person: ChatPerson,
    card: Card,
    verb: string,
    match = {},
    inputs = {},
    locale?: string,
  ) {
    const answer = await bot().send(
      bot().chat.press(person, button(card, verb, match), inputs, locale),
    );
    expect(answer.status).toBe(200);
    return viewOf(answer);
  }
  async function viewFor(person: ChatPerson, card: Card, locale?: string) {
    return viewOf(await bot().send(bot().chat.refresh(person, card, locale)));
  }
  async function say(person: ChatPerson, text: string, locale?: string) {
    const before = bot().connector.calls.length;
    const answer = await bot().send(bot().chat.message(person, text, locale));
    expect(answer.status).toBe(200);
    return bot()
      .connector.calls.slice(before)
      .filter((c) => c.kind === 'reply' && c.body.text !== undefined)
      .map((c) => String(c.body.text));
  }
  /** A command over HTTP that must be accepted, on the chat's meeting. */
  async function must(person: Person, command: unknown) {
    const reply = await person.command(bot().meetingId, command);
    expect({ command, status: reply.status }).toEqual({ command, status: 200 });
  }
  return { postedCard, latest, eventually, press, viewFor, say, must };
}
