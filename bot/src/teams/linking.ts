import { messageOf } from '@council/shared';
import { TurnContext } from 'botbuilder';
import type { ChatCore } from '../http/server';
import type { LoadedMeeting } from '../meetings/service';
import { TeamsMeetingAlreadyLinked } from '../store';
import { isPersonalChat, teamsMeetingKey, type Speaker } from './activity';
import type { Announcer } from './announcer';
import type { LinkChoice } from './cards';
import type { BotMemory } from './memory';
import type { Messenger } from './messenger';
import { organizerRefusal } from './organizer';
import { escapeMarkdown } from './markdown';
import { readerOf, titleOf } from './views';

export interface LinkingDeps {
  readonly store: ChatCore['store'];
  readonly log: ChatCore['log'];
  readonly meetingsOf: ChatCore['meetingsOf'];
  readonly memory: BotMemory;
  readonly messenger: Messenger;
  readonly announcer: Announcer;
  /** No Bot Framework auth, on loopback: Teams' meeting API may be missing (Agents Playground). */
  readonly local: boolean;
}

const mayLink = (loaded: LoadedMeeting, member: string) => {
  if (loaded.state.status === 'none') return false;
  const role = readerOf(loaded.state, member);
  return role === 'chair' || role === 'director';
};

/** Which meeting record a chat answers: linked by the chair or the director, and unlinked by them. */
export function createLinking(deps: LinkingDeps) {
  const { store, log, memory, messenger, announcer, local } = deps;

  /** The meetings on whose roster the speaker is that no chat has yet, for the unlinked card. */
  async function choices(who: Speaker): Promise<LinkChoice[]> {
    const listed = await deps.meetingsOf(who.tenantId, who.member);
    return listed
      .filter((m) => m.role !== null && !m.teamsMeetingId && m.status !== 'closed')
      .map((m) => ({ meetingId: m.id, title: m.title, status: m.status }));
  }

  /** Links the chat to the meeting; answers the meeting, or why not. */
  async function link(
    context: TurnContext,
    who: Speaker,
    loaded: LoadedMeeting | undefined,
  ): Promise<string | LoadedMeeting> {
    const { activity } = context;
    const { t } = who;
    if (isPersonalChat(activity)) return t('link.personal');
    if (!loaded || loaded.state.status === 'none') {
      return messageOf({ code: 'MEETING_NOT_FOUND' }, who.language);
    }
    if (!mayLink(loaded, who.member)) return t('link.notAllowed');
    const meetingId = loaded.record.id;
    const key = teamsMeetingKey(activity);
    const existing = await store.findTeamsMeeting(who.tenantId, key);
    if (existing && existing.id !== meetingId) return t('link.taken');
    if (!existing) {
      const refused = await organizerRefusal(context, loaded.state.setup.roster, { local, log });
      if (refused) return t(refused);
      try {
        await store.linkTeamsMeeting({ meetingId, teamsMeetingId: key });
      } catch (error) {
        if (error instanceof TeamsMeetingAlreadyLinked) return t('link.taken');
        throw error;
      }
    }
    const chat = TurnContext.getConversationReference(activity);
    await memory.rememberMeetingChat(meetingId, chat);
    try {
      await memory.learnPeople(who.tenantId, await messenger.members(chat));
    } catch (error) {
      log.info({ err: error, meetingId }, 'the chat members could not be listed');
    }
    await announcer.linked(loaded, chat);
    log.info(
      { meetingId, chat: key.startsWith('chat:') ? 'chat' : 'teams meeting' },
      'chat linked',
    );
    return loaded;
  }

  /** Frees the chat of the meeting it is linked to, so that it (or another) can be linked again. */
  async function unlink(context: TurnContext, who: Speaker, loaded: LoadedMeeting) {
    if (!mayLink(loaded, who.member)) return who.t('unlink.notAllowed');
    const meetingId = loaded.record.id;
    await store.unlinkTeamsMeeting({
      meetingId,
      teamsMeetingId: teamsMeetingKey(context.activity),
    });
    await memory.forgetMeetingChat(meetingId);
    log.info({ meetingId }, 'chat unlinked');
    return who.t('unlink.done', { title: escapeMarkdown(titleOf(loaded)) });
  }

  return { choices, link, unlink };
}
