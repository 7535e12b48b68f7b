import type { ConversationReference } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import { meetingQueues } from '../meetings/queues';
import type { ChatMemory } from '../store';
import type { CardRef } from './cards';

type Reference = Partial<ConversationReference>;

/** Where a card was posted: which chat, and the id of its message there. */
export interface PostedCard {
  readonly chat: string;
  readonly activityId: string | null;
}

/**
 * How long this instance trusts its copy of a tenant's Teams ids before reading them again. Another
 * instance may have learned someone meanwhile; until then that person misses their own card view
 * and the vote notification, no more. Reading them on every turn cost a ballot more than its commit.
 */
const PEOPLE_FRESH_MS = 2_000;
/** Tenants whose Teams ids are held at once, and chat-memory keys whose last write is remembered. */
const TENANTS_HELD = 1_000;
const WRITES_HELD = 10_000;

const meetingChatKey = (meetingId: string) => `chat:${meetingId}`;
export const personalChatKey = (tenantId: string, aadObjectId: string) =>
  `personal:${tenantId}:${aadObjectId}`;

/**
 * What the bot remembers, in the store's chat memory so that every instance of the service shares
 * it: the chats' conversation references, the Teams ids of people, the cards it posted and how far
 * it has followed each meeting's log. Writes that would change nothing are skipped.
 */
export function botMemory(memory: ChatMemory) {
  const written = new LRUCache<string, string>({ max: WRITES_HELD });

  async function write(key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    if (written.get(key) === json) return;
    await memory.remember(key, value);
    written.set(key, json);
  }

  /** Learnt Teams ids, merged in one write per turn of the queue: a burst of new speakers is one write. */
  const learning = meetingQueues<Readonly<Record<string, string>>, null>(async (key, batches) => {
    await memory.merge(key, Object.fromEntries(batches.flatMap((batch) => Object.entries(batch))));
    return batches.map(() => null);
  });
  /**
   * Each tenant's Teams ids, trusted for a while, and read again one read at a time: in a burst,
   * every turn that found its copy stale read (and parsed) the whole map, as large as the roll.
   */
  const people = new LRUCache<string, Record<string, string>>({
    max: TENANTS_HELD,
    ttl: PEOPLE_FRESH_MS,
    // What this instance learnt (into the copy it held) and the read may not show yet stays known.
    fetchMethod: async (tenantId, held) => ({
      ...held,
      ...(await read<Record<string, string>>(`people:${tenantId}`)),
    }),
  });

  async function read<T>(key: string): Promise<T | undefined> {
    const value = await memory.recall(key);
    return value === undefined || value === null ? undefined : (value as T);
  }

  /** A chat's reference without the message it came from: the bot speaks to the chat itself. */
  const chatOnly = ({ activityId: _activityId, ...chat }: Reference): Reference => chat;

  const cardKey = (meetingId: string, card: CardRef, reader = '') =>
    `card:${meetingId}:${card.kind}:${card.id}${reader ? `:${reader}` : ''}`;

  return {
    chat: (key: string) => read<Reference>(key),
    meetingChatKey,
    meetingChat: (meetingId: string) => read<Reference>(meetingChatKey(meetingId)),
    rememberMeetingChat: (meetingId: string, chat: Reference) =>
      write(meetingChatKey(meetingId), chatOnly(chat)),
    /**
     * An unlinked chat hears no more of the meeting; linked again, it gets the meeting's card anew
     * and follows the log from then on.
     */
    async forgetMeetingChat(meetingId: string): Promise<void> {
      const keys = [
        meetingChatKey(meetingId),
        `cursor:${meetingId}`,
        cardKey(meetingId, { kind: 'welcome', id: meetingId }),
      ];
      for (const key of keys) {
        written.delete(key);
        await memory.forget(key);
      }
    },
    rememberPersonalChat: (tenantId: string, aadObjectId: string, chat: Reference) =>
      write(personalChatKey(tenantId, aadObjectId), chatOnly(chat)),

    /** Teams ids by Entra object id, for one tenant. */
    async people(tenantId: string): Promise<Readonly<Record<string, string>>> {
      return (await people.fetch(tenantId)) ?? {};
    },
    async learnPeople(tenantId: string, list: readonly { id: string; aadObjectId: string }[]) {
      const known = await this.people(tenantId);
      const fresh = list.filter((p) => known[p.aadObjectId] !== p.id);
      if (fresh.length === 0) return;
      const entries = Object.fromEntries(fresh.map((p) => [p.aadObjectId, p.id]));
      Object.assign(people.peek(tenantId, { allowStale: true }) ?? {}, entries);
      try {
        await learning.enqueue(`people:${tenantId}`, entries);
      } catch (error) {
        people.delete(tenantId);
        throw error;
      }
    },

    cursor: async (meetingId: string) => read<number>(`cursor:${meetingId}`),
    setCursor: (meetingId: string, seq: number) => write(`cursor:${meetingId}`, seq),

    /** True for the one instance that is to post this card. */
    claimCard: (meetingId: string, card: CardRef, chat: string, reader?: string) =>
      memory.claim(cardKey(meetingId, card, reader), { chat, activityId: null }),
    postedCard: (meetingId: string, card: CardRef, reader?: string) =>
      read<PostedCard>(cardKey(meetingId, card, reader)),
    rememberCard: (meetingId: string, card: CardRef, posted: PostedCard, reader?: string) =>
      write(cardKey(meetingId, card, reader), posted),
    async forgetCard(meetingId: string, card: CardRef, reader?: string) {
      const key = cardKey(meetingId, card, reader);
      written.delete(key);
      await memory.forget(key);
    },
    /**
     * True for the one instance that follows this meeting's log into its chat for now: the others
     * would post and update the same shared cards again. It stays the leader while it renews.
     */
    leads: (meetingId: string, instance: string, ttlMs: number) =>
      memory.lease(`leader:${meetingId}`, instance, ttlMs),
    /** Lets another instance lead at once, without waiting for the lease to run out. */
    stopLeading: (meetingId: string) => memory.forget(`leader:${meetingId}`),
    /** True once only, across instances: for what must happen once per event (a notification). */
    once: (key: string) => memory.claim(`once:${key}`, true),
  };
}

export type BotMemory = ReturnType<typeof botMemory>;
