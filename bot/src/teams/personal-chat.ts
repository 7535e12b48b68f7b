import type { ConversationReference } from 'botbuilder';
import { personalChatKey, type BotMemory } from './memory';
import type { Messenger } from './messenger';

type Reference = Partial<ConversationReference>;

/** A member's 1:1 chat with the bot, created from another chat of the tenant when there is none. */
export async function personalChat(
  memory: BotMemory,
  messenger: Messenger,
  tenantId: string,
  from: Reference,
  member: string,
): Promise<{ key: string; chat: Reference }> {
  const key = personalChatKey(tenantId, member);
  const known = await memory.chat(key);
  if (known) return { key, chat: known };
  const chat = await messenger.openPersonalChat(from, tenantId, member);
  await memory.rememberPersonalChat(tenantId, member, chat);
  return { key, chat };
}
