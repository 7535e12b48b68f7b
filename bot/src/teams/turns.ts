import { randomUUID } from 'node:crypto';
import {
  actorOf,
  hasTakenPart,
  messageOf,
  statusOf,
  SYSTEM,
  wireCommandSchema,
  type DomainError,
  type ErrorCode,
  type Language,
  type Meeting,
  type Reader,
  type WireCommand,
} from '@council/shared';
import {
  TurnContext,
  type Activity,
  type InvokeResponse,
  type TeamsMeetingMember,
} from 'botbuilder';
import type { Logger } from '../log';
import type { ChatCore } from '../http/server';
import type { LoadedMeeting, MeetingService } from '../meetings/service';
import type { MeetingStore } from '../store';
import {
  callCommandId,
  cardActionSchema,
  commandIdOf,
  commandOf,
  invokeValueSchema,
  linkActionSchema,
  convocationOpenedId,
  messageCommandId,
  type CommandAction,
} from './actions';
import {
  isPersonalChat,
  localeOf,
  memberOf,
  teamsMeetingKey,
  tenantOf,
  type Speaker,
} from './activity';
import { agendaCommandOf } from './agenda-commands';
import type { Announcer } from './announcer';
import { createChairTurns } from './chair-turns';
import { unlinkedCard, type Card, type CardRef } from './cards';
import { ballotReceipt } from './cards/receipt';
import { nameOf } from './cards/view';
import { conflictRequest } from './conflict-text';
import { conveneCommand, convenedText } from './convocation-text';
import { textsFor, type Texts } from './i18n';
import { createLinking } from './linking';
import { escapeMarkdown } from './markdown';
import type { BotMemory } from './memory';
import { cardActivity, type Messenger } from './messenger';
import type { MinutesDesk } from './minutes-delivery';
import { agendaText, helpText, meetingsText, queueText } from './replies';
import { parseText, parseVoteWords, type ParsedText } from './text-commands';
import { readerOf, titleOf, type CardViews, type Notice } from './views';

export interface TurnsDeps {
  readonly meetings: MeetingService;
  readonly store: MeetingStore;
  readonly log: Logger;
  readonly memory: BotMemory;
  readonly views: CardViews;
  readonly messenger: Messenger;
  readonly announcer: Announcer;
  readonly minutes: MinutesDesk;
  readonly meetingsOf: ChatCore['meetingsOf'];
  /** No Bot Framework auth, on loopback (see teams/index.ts). */
  readonly local: boolean;
}

const CARD = 'application/vnd.microsoft.card.adaptive';
const ERROR = 'application/vnd.microsoft.error';

export function cardResponse(card: Card): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: CARD, value: card } };
}

export function errorResponse(status: number, code: string, message: string): InvokeResponse {
  return { status, body: { statusCode: status, type: ERROR, value: { code, message } } };
}

const doneNotices: Partial<Record<CommandAction['verb'], Parameters<Texts>[0]>> = {
  'motion.propose': 'done.motion',
  'motion.amend': 'done.amendment',
  'vote.open': 'done.voteOpened',
  'vote.runoff': 'done.voteOpened',
  'rollCall.open': 'done.rollCallOpened',
  'conflict.declare': 'done.conflict',
  'meeting.close': 'done.meetingClosed',
  'member.excuse': 'done.excused',
};

/**
 * Refusals that only a forged or mistaken press meets: a button the presser's view never shows
 * (another role's), or one naming nothing of this meeting. They are answered as errors, since the
 * card they came from cannot show them; other refusals come back on the presser's view of it.
 */
function isForged(code: ErrorCode): boolean {
  const status = statusOf(code);
  return code === 'NOT_AUTHORIZED' || status === 400 || status === 404;
}

function refusalResponse(error: DomainError, language: Language): InvokeResponse {
  return errorResponse(statusOf(error.code), error.code, messageOf(error, language));
}

/**
 * What the bot does with each turn: a text command, a button press, being added to a chat, people
 * joining the call. Every change goes through the meeting service, as the tab's do.
 */
export function createTurns(deps: TurnsDeps) {
  const { meetings, store, log, memory, views, announcer, minutes } = deps;
  const linking = createLinking(deps);
  const chairSaid = createChairTurns({ views, reply, replyCard, command });

  const refusalText = (error: DomainError, language: Language) => messageOf(error, language);

  /** The meeting a chat is linked to, refreshing what the bot knows of the chat and the speaker. */
  async function linkedMeeting(context: TurnContext): Promise<LoadedMeeting | undefined> {
    const { activity } = context;
    const tenantId = tenantOf(activity);
    if (!tenantId || isPersonalChat(activity)) return undefined;
    const record = await store.findTeamsMeeting(tenantId, teamsMeetingKey(activity));
    const loaded = record ? await meetings.load(record.id) : undefined;
    if (!loaded || loaded.state.status === 'none') return undefined;
    await memory.rememberMeetingChat(
      loaded.record.id,
      TurnContext.getConversationReference(activity),
    );
    return loaded;
  }

  async function learnSpeaker(activity: Partial<Activity>): Promise<void> {
    const tenantId = tenantOf(activity);
    const member = memberOf(activity);
    const id = activity.from?.id;
    if (!tenantId || !member || !id) return;
    await memory.learnPeople(tenantId, [{ id, aadObjectId: member }]);
    if (isPersonalChat(activity)) {
      await memory.rememberPersonalChat(
        tenantId,
        member,
        TurnContext.getConversationReference(activity),
      );
    }
  }

  function speaker(activity: Partial<Activity>, fallback?: Language): Speaker | string {
    const language = localeOf(activity, fallback);
    const t = textsFor(language);
    const tenantId = tenantOf(activity);
    const member = memberOf(activity);
    if (!tenantId) return t('error.noTenant');
    if (!member) return t('error.notIdentified');
    return { tenantId, member, language, t };
  }

  async function meetingOfTenant(meetingId: string, tenantId: string) {
    const loaded = await meetings.load(meetingId);
    return loaded && loaded.record.tenantId === tenantId && loaded.state.status !== 'none'
      ? loaded
      : undefined;
  }

  async function execute(
    loaded: LoadedMeeting,
    commandId: string,
    member: string,
    command: WireCommand,
  ) {
    const checked = wireCommandSchema.safeParse(command);
    if (!checked.success) {
      const detail = checked.error.issues[0]?.message ?? 'invalid input';
      return {
        ok: false as const,
        error: { code: 'INVALID_COMMAND' as const, params: { detail } },
      };
    }
    return meetings.execute({
      meetingId: loaded.record.id,
      commandId,
      by: member,
      command: checked.data,
    });
  }

  // --- Button presses (Universal Actions) ---------------------------------------------------

  /** What is refused before it reaches the meeting: a press the card it came from contradicts. */
  function refusedOnSight(action: CommandAction, member: string, loaded: LoadedMeeting) {
    const { state, version } = loaded;
    if (state.status === 'none') return undefined;
    const drawnAt = action.data.v;
    // A card is never drawn at a version the meeting has not reached: that press is made up.
    if (drawnAt !== undefined && drawnAt > version) {
      return { error: { code: 'CARD_OUT_OF_DATE' as const }, forged: true };
    }
    // Closing is final: the confirmation counts only for the sitting as it stood when asked. The
    // answer is the card drawn anew, whose confirmation the chair may press again.
    if (action.verb === 'meeting.close' && drawnAt !== version) {
      return { error: { code: 'CARD_OUT_OF_DATE' as const }, forged: false };
    }
    // A secret ballot's retry has the same command id whatever the choice: a second press would
    // be answered "received" while nothing changed. It cannot change: that is the answer.
    if (action.verb === 'vote.cast') {
      const vote = state.votes[action.data.voteId];
      if (vote?.secret && hasTakenPart(vote, member)) {
        return { error: { code: 'ALREADY_VOTED' as const }, forged: false };
      }
    }
    return undefined;
  }

  /** Teams asks a member's own view of their convocation when it shows: they opened it. */
  async function opened(loaded: LoadedMeeting, who: Speaker): Promise<LoadedMeeting> {
    const commandId = convocationOpenedId(loaded.record.id, who.member);
    const answer = await execute(loaded, commandId, who.member, { type: 'OpenConvocation' });
    return answer.ok ? ((await meetings.load(loaded.record.id)) ?? loaded) : loaded;
  }

  async function pressed(action: CommandAction, who: Speaker, loaded: LoadedMeeting) {
    if (loaded.state.status === 'none') throw new Error('a loaded meeting has a state');
    const { state } = loaded;
    let notice: Notice | undefined;
    const onSight = refusedOnSight(action, who.member, loaded);
    if (onSight?.forged) return refusalResponse(onSight.error, who.language);
    if (onSight) {
      notice = { text: refusalText(onSight.error, who.language), tone: 'attention' };
    } else if (action.verb === 'motion.propose' && state.currentItemId !== action.data.itemId) {
      notice = {
        text: refusalText({ code: 'MOTION_NOT_ON_CURRENT_ITEM' }, who.language),
        tone: 'attention',
      };
    } else {
      const secret =
        action.verb === 'vote.cast' && state.votes[action.data.voteId]?.secret === true;
      const answer = await execute(
        loaded,
        commandIdOf(action, who.member, secret),
        who.member,
        commandOf(action),
      );
      const done = doneNotices[action.verb];
      if (!answer.ok && isForged(answer.error.code)) {
        return refusalResponse(answer.error, who.language);
      }
      if (!answer.ok) notice = { text: refusalText(answer.error, who.language), tone: 'attention' };
      else if (answer.tracker) {
        // The voter's receipt of their sealed ballot: this answer is the only place it is shown.
        const vote = action.verb === 'vote.cast' ? state.votes[action.data.voteId] : undefined;
        if (vote) {
          return cardResponse(ballotReceipt(state, vote, answer.tracker, who.t, who.language));
        }
        notice = { text: who.t('vote.tracker', { tracker: answer.tracker }), tone: 'good' };
      } else if (done) notice = { text: who.t(done), tone: 'good' };
    }
    const after = (await meetings.load(loaded.record.id)) ?? loaded;
    const card: CardRef = action.data.card;
    return cardResponse(
      await views.draw(after, card, { member: who.member, language: who.language }, notice),
    );
  }

  async function onCardAction(context: TurnContext): Promise<InvokeResponse> {
    const { activity } = context;
    const fallback = textsFor(localeOf(activity));
    const value = invokeValueSchema.safeParse(activity.value);
    if (!value.success) return errorResponse(400, 'BadRequest', fallback('error.unknownAction'));
    const { verb, data } = value.data.action;
    const who = speaker(activity);
    if (typeof who === 'string') return errorResponse(400, 'NotIdentified', who);
    await learnSpeaker(activity);

    const linkAction = linkActionSchema.safeParse({ verb, data });
    if (linkAction.success) {
      const meetingId = linkAction.data.data.meetingId;
      const linked = await linking.link(
        context,
        who,
        await meetingOfTenant(meetingId, who.tenantId),
      );
      if (typeof linked === 'string') {
        return cardResponse(unlinkedCard(who.t, await linking.choices(who), linked));
      }
      const notice: Notice = {
        text: who.t('link.done', { title: escapeMarkdown(titleOf(linked)) }),
        tone: 'good',
      };
      const card: CardRef = { kind: 'welcome', id: linked.record.id };
      return cardResponse(await views.draw(linked, card, who, notice));
    }

    const parsed = cardActionSchema.safeParse({ verb, data });
    if (!parsed.success) return errorResponse(400, 'BadRequest', who.t('error.unknownAction'));
    const action = parsed.data;
    const loaded = await meetingOfTenant(action.data.meetingId, who.tenantId);
    if (!loaded) {
      return errorResponse(
        404,
        'MEETING_NOT_FOUND',
        refusalText({ code: 'MEETING_NOT_FOUND' }, who.language),
      );
    }
    if (action.verb === 'refresh') {
      const seen = action.data.card.kind === 'convocation' ? await opened(loaded, who) : loaded;
      return cardResponse(await views.draw(seen, action.data.card, who));
    }
    return pressed(action, who, loaded);
  }

  // --- Text commands -----------------------------------------------------------------------
  // (the chair's own, which run the sitting, are in chair-turns.ts)

  async function reply(context: TurnContext, text: string): Promise<void> {
    await context.sendActivity({ type: 'message', text, textFormat: 'markdown' });
  }

  async function replyCard(context: TurnContext, card: Card): Promise<void> {
    await context.sendActivity(cardActivity(card));
  }

  async function replyCards(context: TurnContext, cards: readonly Card[], empty: string) {
    if (cards.length === 0) return reply(context, empty);
    await context.sendActivity({
      type: 'message',
      attachmentLayout: 'list',
      attachments: cards.slice(-10).flatMap((card) => cardActivity(card).attachments),
    });
  }

  async function unlinked(context: TurnContext, who: Speaker, notice?: string) {
    await context.sendActivity(
      cardActivity(unlinkedCard(who.t, await linking.choices(who), notice)),
    );
  }

  /** The meetings the speaker may see listed, each with the role the speaker has in it. */
  async function meetingsOfSpeaker(who: Speaker) {
    const found: { loaded: LoadedMeeting; state: Meeting; reader: Reader }[] = [];
    for (const listed of await deps.meetingsOf(who.tenantId, who.member)) {
      const loaded = await meetings.load(listed.id);
      if (!loaded || loaded.state.status === 'none') continue;
      found.push({ loaded, state: loaded.state, reader: readerOf(loaded.state, who.member) });
    }
    return found;
  }

  async function meetingsOf(who: Speaker) {
    return (await meetingsOfSpeaker(who)).map(({ loaded, state, reader }) => ({
      id: loaded.record.id,
      title: state.setup.title,
      status: state.status,
      reader,
    }));
  }

  /** In their personal chat, the director finds the results still waiting for publication. */
  async function resultsToPublish(who: Speaker): Promise<Card[]> {
    const cards: Card[] = [];
    for (const { loaded, state, reader } of await meetingsOfSpeaker(who)) {
      if (reader !== 'director') continue;
      for (const vote of Object.values(state.votes)) {
        if (vote.status !== 'counted') continue;
        cards.push(await views.draw(loaded, { kind: 'directorResult', id: vote.id }, who));
      }
    }
    return cards;
  }

  async function published(loaded: LoadedMeeting, who: Speaker): Promise<Card[]> {
    if (loaded.state.status === 'none') return [];
    const cards: Card[] = [];
    for (const vote of Object.values(loaded.state.votes)) {
      if (vote.status !== 'published') continue;
      cards.push(await views.draw(loaded, { kind: 'result', id: vote.id }, who));
    }
    return cards;
  }

  /**
   * The meeting the director asks the minutes of in their 1:1 chat: the one named; else the one in
   * session; else the latest that has sat (not next month's, convened already); else the latest.
   */
  async function directedMeeting(
    who: Speaker,
    meetingId: string,
  ): Promise<LoadedMeeting | undefined> {
    if (meetingId) return minutes.directed(meetingId, who.tenantId, who.member);
    const sat = (state: Meeting) => (state.status === 'open' ? 2 : state.openedAt ? 1 : 0);
    const directed = (await meetingsOfSpeaker(who)).filter(({ reader }) => reader === 'director');
    directed.sort(
      (a, b) =>
        sat(b.state) - sat(a.state) ||
        b.state.setup.scheduledStart.localeCompare(a.state.setup.scheduledStart),
    );
    return directed[0]?.loaded;
  }

  async function minutesHere(context: TurnContext, who: Speaker, meetingId: string) {
    const loaded = await directedMeeting(who, meetingId);
    const offer = loaded && (await minutes.offerOf(loaded, who.member, who.language));
    if (!offer) return reply(context, who.t('minutes.notDirector'));
    await context.sendActivity(offer);
  }

  /** Asked in the meeting chat: the minutes go to the director's 1:1 chat, never to the group. */
  async function minutesInPrivate(context: TurnContext, who: Speaker, loaded: LoadedMeeting) {
    if (loaded.state.status === 'none' || readerOf(loaded.state, who.member) !== 'director') {
      return reply(context, who.t('minutes.notDirector'));
    }
    const chat = TurnContext.getConversationReference(context.activity);
    try {
      await minutes.offer(loaded, chat, who.member, who.language);
    } catch (error) {
      log.warn({ err: error, meetingId: loaded.record.id }, 'the minutes could not be offered');
      return reply(context, who.t('minutes.noPersonalChat'));
    }
  }

  async function personalMessage(context: TurnContext, who: Speaker, parsed: ParsedText) {
    const { t } = who;
    switch (parsed.command) {
      case 'help':
        return reply(context, helpText(t, true));
      case 'meetings':
        return reply(context, meetingsText(t, await meetingsOf(who)));
      case 'results':
        return replyCards(context, await resultsToPublish(who), t('results.toPublishNone'));
      case 'link':
      case 'unlink':
        return reply(context, t('link.personal'));
      case 'minutes':
        return minutesHere(context, who, parsed.rest);
      default:
        return reply(
          context,
          parsed.text
            ? t('error.unknownCommand', { text: escapeMarkdown(parsed.text.slice(0, 50)) })
            : helpText(t, true),
        );
    }
  }

  /** A command that changes the meeting: a refusal is said, success shows on the cards. */
  async function command(
    context: TurnContext,
    who: Speaker,
    loaded: LoadedMeeting,
    wire: WireCommand,
    said?: string,
    index = 0,
  ) {
    const commandId = messageCommandId(context.activity.id ?? randomUUID(), who.member, index);
    const answer = await execute(loaded, commandId, who.member, wire);
    if (!answer.ok) return reply(context, refusalText(answer.error, who.language));
    if (said) return reply(context, said);
  }

  async function meetingMessage(
    context: TurnContext,
    who: Speaker,
    loaded: LoadedMeeting,
    parsed: ParsedText,
  ) {
    const { t, language } = who;
    const { state } = loaded;
    if (state.status === 'none') return;
    const meeting = views.visible(loaded, who.member);
    switch (parsed.command) {
      case 'help':
        return reply(context, helpText(t, false, readerOf(state, who.member)));
      case 'agenda':
        return reply(context, agendaText(t, meeting, language));
      case 'queue':
        return reply(context, queueText(t, meeting));
      case 'results':
        return replyCards(context, await published(loaded, who), t('results.none'));
      case 'meetings':
        return reply(context, meetingsText(t, await meetingsOf(who)));
      case 'link': {
        if (!parsed.rest || parsed.rest === loaded.record.id) {
          await announcer.linked(loaded, TurnContext.getConversationReference(context.activity));
          return reply(context, t('link.done', { title: escapeMarkdown(state.setup.title) }));
        }
        return reply(context, t('link.taken'));
      }
      case 'unlink':
        return reply(context, await linking.unlink(context, who, loaded));
      case 'open':
        return command(context, who, loaded, { type: 'OpenMeeting' });
      case 'next':
        return command(context, who, loaded, { type: 'NextItem' });
      case 'item':
      case 'withdraw':
      case 'postpone':
      case 'closedsession': {
        const wire = agendaCommandOf(parsed.command, parsed.rest, meeting);
        if ('code' in wire) return reply(context, refusalText(wire, language));
        return command(context, who, loaded, wire);
      }
      case 'rollcall':
        return command(context, who, loaded, { type: 'OpenRollCall' });
      case 'present':
        return command(
          context,
          who,
          loaded,
          state.rollCall.status === 'open' ? { type: 'AnswerRollCall' } : { type: 'CheckIn' },
          t('rollCall.youArePresent'),
        );
      case 'conflict': {
        const asked = conflictRequest(meeting, parsed.rest);
        if (!asked.ok) return reply(context, t(asked.key, asked.params));
        const name = nameOf(meeting, asked.member ?? who.member);
        const said = t('conflict.recorded', { name, n: asked.itemNumber });
        return command(context, who, loaded, asked.command, said);
      }
      case 'motion':
        if (!parsed.rest) {
          const item = state.currentItemId;
          if (!item) return reply(context, t('agenda.none'));
          const card = await views.draw(loaded, { kind: 'item', id: item }, who);
          return context.sendActivity(cardActivity(card)).then(() => undefined);
        }
        return command(context, who, loaded, { type: 'ProposeMotion', text: parsed.rest });
      case 'vote': {
        const words = parseVoteWords(parsed.rest);
        if (!words) return reply(context, t('error.voteWords', { help: t('help.vote') }));
        return command(context, who, loaded, { type: 'OpenVote', ...words });
      }
      case 'close':
        if (state.openVoteId)
          return command(context, who, loaded, { type: 'CloseVote', voteId: state.openVoteId });
        if (state.rollCall.status === 'open')
          return command(context, who, loaded, { type: 'CloseRollCall' });
        return reply(context, t('error.nothingToClose'));
      case 'adjourn':
      case 'previous':
      case 'excuse':
      case 'floor':
      case 'end':
      case 'publish':
      case 'runoff':
      case 'suspend':
      case 'resume':
        return chairSaid(context, who, loaded, parsed.command, parsed.rest);
      case 'minutes':
        return minutesInPrivate(context, who, loaded);
      case 'convene': {
        const commandId = messageCommandId(context.activity.id ?? randomUUID(), who.member);
        const answer = await execute(
          loaded,
          commandId,
          who.member,
          conveneCommand(state, parsed.rest),
        );
        if (!answer.ok) return reply(context, refusalText(answer.error, language));
        const after = (await meetings.load(loaded.record.id)) ?? loaded;
        if (after.state.status === 'none') return;
        return reply(context, convenedText(t, after.state, language));
      }
      case null:
        return reply(
          context,
          parsed.text
            ? t('error.unknownCommand', { text: escapeMarkdown(parsed.text.slice(0, 50)) })
            : helpText(t, false),
        );
      default: {
        const _exhaustive: never = parsed.command;
        return _exhaustive;
      }
    }
  }

  async function onMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const who = speaker(activity);
    if (typeof who === 'string') return reply(context, who);
    await learnSpeaker(activity);
    const parsed = parseText(TurnContext.removeRecipientMention(activity));
    if (isPersonalChat(activity)) return personalMessage(context, who, parsed);
    const loaded = await linkedMeeting(context);
    if (loaded) {
      return meetingMessage(context, { ...who, ...languageFor(activity, loaded) }, loaded, parsed);
    }
    if (parsed.command === 'help') return reply(context, helpText(who.t, false));
    if (parsed.command === 'link') {
      if (!parsed.rest) return unlinked(context, who, who.t('link.usage'));
      const linked = await linking.link(
        context,
        who,
        await meetingOfTenant(parsed.rest, who.tenantId),
      );
      if (typeof linked === 'string') return reply(context, linked);
      return reply(context, who.t('link.done', { title: escapeMarkdown(titleOf(linked)) }));
    }
    return unlinked(context, who);
  }

  /** Added to a chat: the meeting's card if the chat is linked, else the way to link it. */
  async function onAdded(context: TurnContext): Promise<void> {
    const { activity } = context;
    const who = speaker(activity);
    if (isPersonalChat(activity)) {
      const t = typeof who === 'string' ? textsFor(localeOf(activity)) : who.t;
      return reply(context, helpText(t, true));
    }
    const loaded = await linkedMeeting(context);
    if (loaded) return announcer.linked(loaded, TurnContext.getConversationReference(activity));
    if (typeof who === 'string') return reply(context, who);
    return unlinked(context, who);
  }

  /** People joining or leaving the call: recorded, and shown to the chair during a roll call. */
  async function onParticipants(
    context: TurnContext,
    members: readonly TeamsMeetingMember[],
    joined: boolean,
  ) {
    const loaded = await linkedMeeting(context);
    const tenantId = tenantOf(context.activity);
    if (!loaded || !tenantId) return;
    const people = members.flatMap((m) =>
      m.user.aadObjectId ? [{ id: m.user.id, aadObjectId: m.user.aadObjectId }] : [],
    );
    await memory.learnPeople(tenantId, people);
    const ids = people.map((p) => p.aadObjectId);
    await recordCall(loaded, context.activity.id ?? randomUUID(), ids, joined);
  }

  /** The log records who of the roster joined or left the call; the rules say what it makes them. */
  async function recordCall(
    loaded: LoadedMeeting,
    activityId: string,
    ids: readonly string[],
    joined: boolean,
  ) {
    if (loaded.state.status === 'none') return;
    const { roster } = loaded.state.setup;
    for (const member of ids.filter((id) => actorOf(roster, id) !== null)) {
      const command = { type: joined ? ('JoinCall' as const) : ('LeaveCall' as const), member };
      const answer = await execute(loaded, callCommandId(activityId, command), SYSTEM, command);
      if (!answer.ok) {
        log.info({ meetingId: loaded.record.id, code: answer.error.code }, 'call not recorded');
      }
    }
  }

  return { onMessage, onCardAction, onAdded, onParticipants };
}

/** In a linked chat, a member whose Teams speaks no language of ours reads the meeting's. */
function languageFor(activity: Partial<Activity>, loaded: LoadedMeeting) {
  const fallback = loaded.state.status === 'none' ? undefined : loaded.state.setup.language;
  const language = localeOf(activity, fallback);
  return { language, t: textsFor(language) };
}

export type Turns = ReturnType<typeof createTurns>;
