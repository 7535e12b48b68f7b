import { createHash } from 'node:crypto';
import { convokedMembers, SYSTEM, type DeliveryFailure } from '@council/shared';
import type { ConversationReference } from 'botbuilder';
import type { Logger } from '../log';
import type { BotInstaller } from './bot-installer';
import type { LoadedMeeting, MeetingService } from '../meetings/service';
import type { CardRef } from './cards';
import type { BotMemory } from './memory';
import type { Messenger } from './messenger';
import { languageOf } from './member-language';
import { personalChat } from './personal-chat';
import type { CardViews } from './views';

type Reference = Partial<ConversationReference>;

/** How many members' chats the bot opens and posts to at once. */
const PARALLEL_CHATS = 4;

export interface ConvocationDeps {
  readonly meetings: MeetingService;
  readonly log: Logger;
  readonly memory: BotMemory;
  readonly messenger: Messenger;
  readonly views: CardViews;
  /** Installs the bot for a member whose chat it cannot open, where Teams allows (Graph). */
  readonly installer?: BotInstaller | undefined;
}

/**
 * What Teams' refusal to reach a member's chat means: 403 with ConversationBlockedByUser is a
 * member who blocked the bot; another 403 or a 404 an app not installed for them (or no such
 * user); anything else a failure the secretariat should hear of too.
 */
export function failureOf(error: unknown): DeliveryFailure {
  const failed = error as { statusCode?: unknown; code?: unknown; message?: unknown } | null;
  const words = [failed?.code, failed?.message].filter((w) => typeof w === 'string');
  const said = words.join(' ');
  if (/ConversationBlockedByUser/i.test(said)) return 'blocked';
  return failed?.statusCode === 403 || failed?.statusCode === 404 ? 'notInstalled' : 'failed';
}

const commandId = (meetingId: string, sending: number, member: string) =>
  `chat:${createHash('sha256')
    .update(['convocation', meetingId, sending, member].join('\u0000'))
    .digest('hex')
    .slice(0, 40)}`;

/**
 * Sends each convened member their convocation (or a supplementary agenda, or a resending) in
 * their 1:1 chat with the bot, opened from the meeting's chat where there is none, and records
 * what Teams answered: delivered, or unreachable and why, for the secretariat to notify them by
 * other means. A member's card is their own: its refresh names them alone, which records its
 * opening, and acknowledging it redraws it.
 */
export function createConvocationDesk(deps: ConvocationDeps) {
  const { meetings, log, memory, messenger, views } = deps;

  async function record(
    meetingId: string,
    sending: number,
    member: string,
    failure?: DeliveryFailure,
  ): Promise<void> {
    const answer = await meetings.execute({
      meetingId,
      commandId: commandId(meetingId, sending, member),
      by: SYSTEM,
      command: {
        type: 'RecordConvocationDelivery',
        member,
        sending,
        ...(failure ? { failure } : {}),
      },
    });
    if (!answer.ok) log.warn({ meetingId, code: answer.error.code }, 'receipt not recorded');
  }

  async function sendTo(
    loaded: LoadedMeeting,
    from: Reference,
    sending: number,
    member: string,
  ): Promise<void> {
    const { state, record: meetingRecord } = loaded;
    if (state.status === 'none') return;
    const meetingId = meetingRecord.id;
    const card: CardRef = { kind: 'convocation', id: String(sending) };
    if (!(await memory.claimCard(meetingId, card, `convocation:${member}`, member))) return;
    const deliver = async () => {
      const personal = await personalChat(memory, messenger, meetingRecord.tenantId, from, member);
      const drawn = await views.draw(loaded, card, {
        member,
        language: languageOf(state, member),
      });
      const activityId = await messenger.post(personal.chat, drawn);
      await memory.rememberCard(meetingId, card, { chat: personal.key, activityId }, member);
    };
    try {
      await deliver().catch(async (error: unknown) => {
        // The app not installed for them: installed where Teams allows, then tried once more.
        if (failureOf(error) !== 'notInstalled' || !deps.installer) throw error;
        const installed = await deps.installer
          .install(meetingRecord.tenantId, member)
          .catch(() => false);
        log.info({ meetingId, installed }, 'the bot installed itself for a member');
        if (!installed) throw error;
        await deliver();
      });
    } catch (error) {
      await memory.forgetCard(meetingId, card, member);
      log.info(
        { meetingId, failure: failureOf(error) },
        'a member’s convocation was not delivered',
      );
      await record(meetingId, sending, member, failureOf(error));
      return;
    }
    await record(meetingId, sending, member);
  }

  return {
    /** The convocation or a supplementary agenda: to every convened member. */
    async toAll(loaded: LoadedMeeting, from: Reference, sending: number): Promise<void> {
      if (loaded.state.status === 'none') return;
      const waiting = [...convokedMembers(loaded.state)];
      // A few chats at once: well under Teams' rate for a bot, and a council of 55 is not kept waiting.
      const sender = async (): Promise<void> => {
        for (let member = waiting.shift(); member; member = waiting.shift()) {
          await sendTo(loaded, from, sending, member);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_CHATS }, sender));
    },
    /** The director's resending to one member. */
    toOne: sendTo,

    /** An acknowledgement, from this card or another device: the member's card says so. */
    async acknowledged(loaded: LoadedMeeting, member: string): Promise<void> {
      const { state } = loaded;
      const sending =
        state.status === 'none' ? undefined : state.convocation?.receipts[member]?.sending;
      if (state.status === 'none' || sending === undefined) return;
      const card: CardRef = { kind: 'convocation', id: String(sending) };
      const posted = await memory.postedCard(loaded.record.id, card, member);
      const chat = posted?.activityId ? await memory.chat(posted.chat) : undefined;
      if (!posted?.activityId || !chat) return;
      const drawn = await views.draw(loaded, card, { member, language: languageOf(state, member) });
      await messenger.update(chat, posted.activityId, drawn).catch((error: unknown) => {
        log.info({ err: error, meetingId: loaded.record.id }, 'convocation card not updated');
      });
    },
  };
}

export type ConvocationDesk = ReturnType<typeof createConvocationDesk>;
