import {
  actorOf,
  meetingFor,
  membersInOffice,
  type Language,
  type Meeting,
  type Reader,
} from '@council/shared';
import type { LoadedMeeting } from '../meetings/service';
import { renderCard, type Card, type CardRef } from './cards';
import { textsFor } from './i18n';
import type { BotMemory } from './memory';

/** Teams draws per-user views for 60 people at most; a Belgian council is smaller. */
const MAX_REFRESH_USERS = 60;

export interface Viewer {
  /** The Entra object id of who looks; null for the shared card. */
  readonly member: string | null;
  readonly language: Language;
}

export interface Notice {
  readonly text: string;
  readonly tone: 'good' | 'attention';
}

export function readerOf(meeting: Meeting, member: string | null): Reader {
  if (member === null) return null;
  const actor = actorOf(meeting.setup.roster, member);
  return actor === 'system' ? null : actor;
}

/**
 * Draws a meeting's cards for one viewer, from the meeting as that viewer may see it: the shared
 * card is what anyone in the chat may see (an observer's view), each member's view adds their own.
 */
export function cardViews(memory: BotMemory) {
  /** Who gets their own view of a card: the roster's people whose Teams id the bot knows. */
  async function audience(tenantId: string, meeting: Meeting, card: CardRef): Promise<string[]> {
    const ids = await memory.people(tenantId);
    const people =
      card.kind === 'directorResult'
        ? meeting.setup.roster.filter((m) => m.role === 'director')
        : [
            ...membersInOffice(meeting.setup.roster),
            ...meeting.setup.roster.filter((m) => m.role === 'director'),
          ];
    return people
      .flatMap((m) => (ids[m.id] ? [ids[m.id] as string] : []))
      .slice(0, MAX_REFRESH_USERS);
  }

  return {
    /** The meeting as this member may see it. */
    visible(loaded: LoadedMeeting, member: string | null): Meeting {
      const { state, record } = loaded;
      if (state.status === 'none') throw new Error(`meeting ${record.id} has no state`);
      return meetingFor(state, readerOf(state, member));
    },

    async draw(
      loaded: LoadedMeeting,
      card: CardRef,
      viewer: Viewer,
      notice?: Notice,
    ): Promise<Card> {
      const { state, record, version } = loaded;
      if (state.status === 'none') throw new Error(`meeting ${record.id} has no state`);
      const reader = readerOf(state, viewer.member);
      const rollCallSummary =
        card.kind === 'rollCall' ? await memory.rollCallSummary(record.id, card.id) : undefined;
      const inCall =
        card.kind === 'rollCall' && reader === 'chair' ? await memory.inCall(record.id) : undefined;
      const view = {
        meetingId: record.id,
        version,
        meeting: meetingFor(state, reader),
        reader,
        member: viewer.member,
        t: textsFor(viewer.language),
        language: viewer.language,
        notice,
        rollCallSummary,
        inCall,
      };
      return renderCard(card, view, await audience(record.tenantId, state, card));
    },
  };
}

export type CardViews = ReturnType<typeof cardViews>;
