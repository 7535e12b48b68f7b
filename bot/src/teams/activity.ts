import type { Language } from '@council/shared';
import { isReservedObjectId } from '../auth/identity';
import type { Activity } from 'botbuilder';
import { languageOf, type Texts } from './i18n';

/** Who, where and in which language a turn speaks, as far as Teams said. */
export interface Speaker {
  readonly tenantId: string;
  readonly member: string;
  readonly language: Language;
  readonly t: Texts;
}

interface ChannelData {
  readonly tenant?: { readonly id?: unknown };
  readonly meeting?: { readonly id?: unknown };
}

const textOr = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

const channelData = (activity: Partial<Activity>) => (activity.channelData ?? {}) as ChannelData;

/** The organisation a chat belongs to, as Teams tells it. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return textOr(activity.conversation?.tenantId) ?? textOr(channelData(activity).tenant?.id);
}

/**
 * Who acts: the Entra object id, the same id the meeting's roster names people by. Never the
 * service's own identity, whose commands (call events, counts) have ids of their own.
 */
export function memberOf(activity: Partial<Activity>): string | undefined {
  const member = textOr(activity.from?.aadObjectId);
  return member === undefined || isReservedObjectId(member) ? undefined : member;
}

export function isPersonalChat(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

/**
 * What links a chat to a meeting record: the Teams meeting's id, or in a chat outside a Teams
 * meeting (the Agents Playground, a plain group chat) the chat's own id.
 */
export function teamsMeetingKey(activity: Partial<Activity>): string {
  return textOr(channelData(activity).meeting?.id) ?? `chat:${activity.conversation?.id ?? ''}`;
}

export function localeOf(activity: Partial<Activity>, fallback?: Language): Language {
  return languageOf(textOr(activity.locale), fallback);
}
