import { emptyQueue, mayIssue, type Language, type Meeting, type Reader } from '@council/shared';
import { itemTitle, nameOf } from './cards/view';
import type { Texts } from './i18n';
import { escapeMarkdown } from './markdown';
import { issues, personalCommands, textCommands, type TextCommand } from './text-commands';

/** Replies in text: the help, the agenda, the speaking queue, lists. Markdown, as Teams shows it. */

function commandLines(t: Texts, commands: readonly TextCommand[]): string[] {
  return commands.map((command) => `- **${t(`word.${command}`)}**: ${t(`help.${command}`)}`);
}

/** Linking a chat and receiving the minutes are not commands of the meeting, but roles' all the same. */
const onlyFor: Partial<Record<TextCommand, readonly Reader[]>> = {
  link: ['chair', 'director'],
  unlink: ['chair', 'director'],
  minutes: ['director'],
};

/** What `help` lists to a reader of the meeting: what their role may do; to anyone else, all. */
function mayUse(command: TextCommand, reader: Reader | undefined): boolean {
  if (reader === undefined) return true;
  const readers = onlyFor[command];
  if (readers) return readers.includes(reader);
  const issued = issues[command];
  return issued === undefined || mayIssue(reader, issued);
}

export function helpText(t: Texts, personal: boolean, reader?: Reader): string {
  const commands = personal ? personalCommands : textCommands;
  return [
    `**${t('help.title')}**`,
    '',
    personal ? t('help.personal') : t('help.meeting'),
    ...commandLines(
      t,
      commands.filter((command) => mayUse(command, reader)),
    ),
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
