import { actorOf, type Member } from '@council/shared';
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import type { TextKey } from './i18n';

/** The Teams meeting's organizer, as Teams' meeting API says; undefined where it cannot say. */
async function organizerOf(context: TurnContext, log: Logger): Promise<string | undefined> {
  try {
    const info = await TeamsInfo.getMeetingInfo(context);
    return info.organizer.aadObjectId || undefined;
  } catch (error) {
    // A group chat outside a meeting has no meeting id; the Agents Playground no meeting API.
    log.info({ err: error }, 'the Teams meeting’s organizer could not be read');
    return undefined;
  }
}

/**
 * Why a chat may not be linked to a meeting with this roster, or undefined if it may: the Teams
 * meeting must be organised by the chair or a director of the roster, so that a record made by
 * someone else cannot take the chat first. Where Teams cannot say who organised it, only a bot in
 * local mode (no Bot Framework auth, on loopback) links all the same.
 */
export async function organizerRefusal(
  context: TurnContext,
  roster: readonly Member[],
  { local, log }: { readonly local: boolean; readonly log: Logger },
): Promise<TextKey | undefined> {
  const organizer = await organizerOf(context, log);
  if (organizer === undefined) return local ? undefined : 'link.noMeetingInfo';
  const role = actorOf(roster, organizer);
  return role === 'chair' || role === 'director' ? undefined : 'link.organizerNotOnRoster';
}
