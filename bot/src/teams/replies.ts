import { emptyQueue, type Language, type Meeting, type Reader } from '@council/shared';
import { itemTitle, nameOf } from './cards/view';
import type { Texts } from './i18n';
import { escapeMarkdown } from './markdown';
import { personalCommands, textCommands, type TextCommand } from './text-commands';

/** Replies in text: the help, the agenda, the speaking queue, lists. Markdown, as Teams shows it. */

function commandLines(t: Texts, commands: readonly TextCommand[]): string[] {
  return commands.map((command) => `- **${t(`word.${command}`)}**: ${t(`help.${command}`)}`);
}

export function helpText(t: Texts, personal: boolean): string {
  return [
    `**${t('help.title')}**`,
    '',
    personal ? t('help.personal') : t('help.meeting'),
    ...commandLines(t, personal ? personalCommands : textCommands),
  ].join('\n');
}

export function agendaText(t: Texts, meeting: Meeting, language: Language): string {
  const current = meeting.currentItemId;
  return [
    current
      ? t('agenda.current', { title: itemTitle(meeting, current, language) })
      : t('agenda.none'),
    '',
    ...meeting.setup.agenda.map(
      (item) => `${item.id === current ? '▶ ' : '- '}${itemTitle(meeting, item.id, language)}`,
    ),
  ].join('\n');
}

export function queueText(t: Texts, meeting: Meeting): string {
  const current = meeting.currentItemId;
  if (!current) return t('agenda.none');
  const queue = meeting.queues[current] ?? emptyQueue;
  const kind = (k: string) =>
    k === 'pointOfOrder'
      ? ` (${t('queue.pointOfOrder')})`
      : k === 'reply'
        ? ` (${t('queue.reply')})`
        : '';
  const waiting = queue.requests.map((r) => `${nameOf(meeting, r.member)}${kind(r.kind)}`);
  return [
    queue.status === 'speaking'
      ? t('queue.speaking', { name: nameOf(meeting, queue.current.member) })
      : t('queue.nobodySpeaking'),
    waiting.length > 0 ? t('queue.waiting', { names: waiting.join(', ') }) : t('queue.empty'),
  ].join('\n\n');
}

export interface MeetingLine {
  readonly id: string;
  readonly title: string;
  readonly status: Meeting['status'];
  readonly reader: Reader;
}

export function meetingsText(t: Texts, meetings: readonly MeetingLine[]): string {
  if (meetings.length === 0) return t('meetings.none');
  return meetings
    .map(
      (m) =>
        `- ${t('meetings.line', {
          title: escapeMarkdown(m.title),
          status: t(`status.${m.status}`),
          role: m.reader ? t(`role.${m.reader}`) : t('meetings.noRole'),
          id: m.id,
        })}`,
    )
    .join('\n');
}
