import {
  directorsOf,
  meetingFor,
  membersInOffice,
  memo,
  readerOn,
  type Language,
  type Meeting,
  type Member,
  type Reader,
} from '@council/shared';
import type { LoadedMeeting } from '../meetings/service';
import type { PreviousSittings } from '../minutes/previous-sitting';
import { publicPath } from '../public/address';
import { publicPageOf } from '../public/link';
import { renderCard, type Card, type CardRef, type View } from './cards';
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

/** The meeting's title, or its id while it has no setup. */
export function titleOf(loaded: LoadedMeeting): string {
  return loaded.state.status === 'none' ? loaded.record.id : loaded.state.setup.title;
}

export function readerOf(meeting: Meeting, member: string | null): Reader {
  return member === null ? null : readerOn(meeting.setup.roster, member);
}

function candidatesIn(roster: readonly Member[]) {
  const directors = directorsOf(roster);
  return { all: [...membersInOffice(roster), ...directors], directors };
}

/**
 * Who may get their own view of a card, in order: the members in office then the director, or the
 * director alone for their private result. Drawn once per roster (a roster never changes once
 * made), so that a card view does not sort the whole roll again.
 */
function candidates(roster: readonly Member[], directorOnly: boolean): readonly Member[] {
  const seen = memo(roster, candidatesIn);
  return directorOnly ? seen.directors : seen.all;
}

/**
 * Draws a meeting's cards for one viewer, from the meeting as that viewer may see it: the shared
 * card is what anyone in the chat may see (an observer's view), each member's view adds their own.
 */
export function cardViews(
  memory: BotMemory,
  publicOrigin?: string,
  previousSitting?: PreviousSittings,
) {
  /** Who gets their own view of a card: the roster's people whose Teams id the bot knows. */
  async function audience(
    tenantId: string,
    meeting: Meeting,
    card: CardRef,
    viewer: string | null,
  ): Promise<string[]> {
    const ids = await memory.people(tenantId);
    // A trustee's duty card and a member's convocation are theirs alone, in their 1:1 chat (their
    // opening the convocation is its receipt).
    if (card.kind === 'keyCeremony' || card.kind === 'tallyShare' || card.kind === 'convocation') {
      const id = viewer === null ? undefined : ids[viewer];
      return id === undefined ? [] : [id];
    }
    const userIds: string[] = [];
    for (const member of candidates(meeting.setup.roster, card.kind === 'directorResult')) {
      const id = ids[member.id];
      if (id === undefined) continue;
      userIds.push(id);
      if (userIds.length === MAX_REFRESH_USERS) break;
    }
    return userIds;
  }

  /** What a card shows one viewer: the meeting as they may see it, in their language. */
  function viewOf(loaded: LoadedMeeting, viewer: Viewer, notice?: Notice): View {
    const { state, record, version } = loaded;
    if (state.status === 'none') throw new Error(`meeting ${record.id} has no state`);
    const reader = readerOf(state, viewer.member);
    return {
      meetingId: record.id,
      version,
      meeting: meetingFor(state, reader, viewer.member ?? undefined),
      reader,
      member: viewer.member,
      t: textsFor(viewer.language),
      language: viewer.language,
      notice,
      publicPage: publicPageOf(state, record.id, publicOrigin),
    };
  }

  /**
   * Where the public reads the sealed minutes each approval item on the agenda approves: the
   * previous sitting's published minutes (issue 17's pages), once found as the item names them.
   */
  async function previousMinutesPages(loaded: LoadedMeeting, seen: Meeting) {
    if (!previousSitting || !publicOrigin) return undefined;
    const pages: Record<string, string> = {};
    for (const item of seen.setup.agenda) {
      if (item.subject !== 'minutesApproval' || !item.previousMinutes) continue;
      const found = await previousSitting(loaded.record.tenantId, seen, item);
      if (!found) continue;
      const { municipality } = found.meeting.setup;
      pages[item.id] = `${publicOrigin}${publicPath(municipality, found.meetingId)}/minutes`;
    }
    return pages;
  }

  return {
    /** The meeting as this member may see it. */
    visible(loaded: LoadedMeeting, member: string | null): Meeting {
      const { state, record } = loaded;
      if (state.status === 'none') throw new Error(`meeting ${record.id} has no state`);
      return meetingFor(state, readerOf(state, member));
    },

    viewOf,

    async draw(
      loaded: LoadedMeeting,
      card: CardRef,
      viewer: Viewer,
      notice?: Notice,
    ): Promise<Card> {
      const drawn = viewOf(loaded, viewer, notice);
      const view =
        card.kind === 'convocation'
          ? { ...drawn, previousMinutesPages: await previousMinutesPages(loaded, drawn.meeting) }
          : drawn;
      const { state, record } = loaded;
      const userIds =
        state.status === 'none' ? [] : await audience(record.tenantId, state, card, viewer.member);
      return renderCard(card, view, userIds);
    },
  };
}

export type CardViews = ReturnType<typeof cardViews>;
