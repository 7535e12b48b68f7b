import { titleIn, type Language, type Meeting, type Reader } from '@council/shared';
import type { Texts } from '../i18n';
import { escapeMarkdown } from '../markdown';
import { execute, notice, type Element, type Tone } from './elements';

/** Which card: every card of a meeting is one of these, named by what it shows. */
export type CardRef =
  | { readonly kind: 'welcome'; readonly id: string }
  | { readonly kind: 'rollCall'; readonly id: string }
  | { readonly kind: 'item'; readonly id: string }
  | { readonly kind: 'motion'; readonly id: string }
  | { readonly kind: 'vote'; readonly id: string }
  | { readonly kind: 'result'; readonly id: string }
  | { readonly kind: 'directorResult'; readonly id: string }
  | { readonly kind: 'keyCeremony'; readonly id: string }
  | { readonly kind: 'tallyShare'; readonly id: string }
  /** A member's convocation in their 1:1 chat; its id is the sending (1, then supplements, resends). */
  | { readonly kind: 'convocation'; readonly id: string }
  | { readonly kind: 'minutes'; readonly id: string };

export const cardKinds = [
  'welcome',
  'rollCall',
  'item',
  'motion',
  'vote',
  'result',
  'directorResult',
  'keyCeremony',
  'tallyShare',
  'convocation',
  'minutes',
] as const satisfies readonly CardRef['kind'][];

export interface View {
  readonly meetingId: string;
  /** The meeting's version when the card was drawn: its buttons carry it (see actions.ts). */
  readonly version: number;
  /** The meeting as this reader may see it. */
  readonly meeting: Meeting;
  readonly reader: Reader;
  /** Who looks at the card: null for the shared card that everyone sees first. */
  readonly member: string | null;
  readonly t: Texts;
  readonly language: Language;
  readonly notice?: { readonly text: string; readonly tone: Tone } | undefined;
  /** The sitting's public follow-along page, once convened, where the service knows its address. */
  readonly publicPage?: string | undefined;
  /** By approval item: the public copy of the sealed minutes it approves, where published. */
  readonly previousMinutesPages?: Readonly<Record<string, string>> | undefined;
}

/** A member's name, as card and reply text (markdown). */
export function nameOf(meeting: Meeting, memberId: string): string {
  return escapeMarkdown(meeting.setup.roster.find((m) => m.id === memberId)?.name ?? memberId);
}

export function itemTitle(meeting: Meeting, itemId: string, language: Language): string {
  const index = meeting.setup.agenda.findIndex((i) => i.id === itemId);
  const item = meeting.setup.agenda[index];
  return item
    ? `${index + 1}. ${escapeMarkdown(titleIn(item, language, meeting.setup.language))}`
    : escapeMarkdown(itemId);
}

export function isVoting(view: View): boolean {
  return view.reader === 'chair' || view.reader === 'councillor';
}

/** A button of a card: its data names the meeting, the card and the version it was drawn at. */
export function action(
  view: View,
  card: CardRef,
  title: string,
  verb: string,
  extra: Readonly<Record<string, unknown>> = {},
  style?: 'positive' | 'destructive',
): Element {
  return execute(
    title,
    verb,
    { meetingId: view.meetingId, card, v: view.version, ...extra },
    style,
  );
}

export function noticeOf(view: View): Element[] {
  return view.notice ? [notice(view.notice.text, view.notice.tone)] : [];
}
