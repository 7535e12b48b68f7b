import { COUNCIL_TIME_ZONE, titleIn, type AgendaItem, type Convocation } from '@council/shared';
import { escapeMarkdown, linkTarget } from '../markdown';
import {
  adaptiveCard,
  facts,
  heading,
  notice,
  subtle,
  text,
  type Card,
  type Element,
} from './elements';
import { documentsOf } from './item-documents';
import { action, isVoting, noticeOf, type CardRef, type View } from './view';

/** A date and time as the reader's language writes it, on the council's clock. */
export function councilTime(
  iso: string,
  language: string,
  style: 'date' | 'time' | 'both',
): string {
  return new Date(iso).toLocaleString(language, {
    ...(style !== 'time' ? { dateStyle: 'full' } : {}),
    ...(style !== 'date' ? { timeStyle: 'short' } : {}),
    timeZone: COUNCIL_TIME_ZONE,
  });
}

function sittingFacts(view: View, convocation: Convocation): (readonly [string, string])[] {
  const { t, language, meeting } = view;
  const { details } = convocation;
  const start = meeting.setup.scheduledStart;
  const rows: [string, string][] = [
    [t('convocation.date'), councilTime(start, language, 'date')],
    [t('convocation.time'), councilTime(start, language, 'time')],
    [t('convocation.mode'), t(`convocation.mode.${details.mode}`, { tool: details.tool })],
  ];
  if (details.place) rows.push([t('convocation.place'), details.place]);
  if (details.mode !== 'in-person') {
    rows.push([t('convocation.join'), details.join ?? t('convocation.joinDefault')]);
    if (details.reason) rows.push([t('convocation.reason'), details.reason]);
  }
  return rows;
}

/** Each item with its session, what the supplement added marked so, and its documents' links. */
function agendaLines(view: View, added: readonly string[]): Element[] {
  const { t, language, meeting } = view;
  return meeting.setup.agenda.flatMap((item, index) => {
    const title = escapeMarkdown(titleIn(item, language, meeting.setup.language));
    const marks = [
      t(item.session === 'closed' ? 'convocation.closed' : 'convocation.public'),
      ...(added.includes(item.id) ? [t('convocation.added')] : []),
    ];
    const links = documentsOf(view, item).map(
      (document) => `[${escapeMarkdown(document.title)}](${linkTarget(document.url)})`,
    );
    return [
      text(`${index + 1}. ${title} — _${marks.join(', ')}_`, { spacing: 'Small' }),
      ...(links.length > 0 ? [subtle(`${t('convocation.documents')}: ${links.join(' · ')}`)] : []),
      ...previousMinutesLine(view, item),
    ];
  });
}

/**
 * On the approval of the previous minutes (issue 16 item 7), the sealed file it approves, by its
 * date and hash: its public copy where published; else the tab, which fetches the whole record with
 * the member's token (a link from the card would carry none).
 */
function previousMinutesLine(view: View, item: AgendaItem): Element[] {
  const { t, language } = view;
  if (item.subject !== 'minutesApproval' || !item.previousMinutes || !item.previousSitting) {
    return [];
  }
  const date = new Date(`${item.previousSitting}T12:00:00Z`).toLocaleDateString(language, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const page = view.previousMinutesPages?.[item.id];
  // The tab serves the whole record to members only.
  if (!page && (view.reader === null || view.reader === 'observer')) return [];
  const where = page
    ? t('convocation.previousMinutesPage', { link: `[${page}](${linkTarget(page)})` })
    : t('convocation.previousMinutesInTab');
  const sealed = t('convocation.previousMinutes', { date, hash: item.previousMinutes });
  return [subtle(`${sealed}: ${where}`)];
}

function withdrawnTitles(view: View, withdrawn: readonly AgendaItem['title'][]): string[] {
  const { language, meeting } = view;
  return withdrawn.map((title) =>
    escapeMarkdown(titleIn({ title }, language, meeting.setup.language)),
  );
}

/**
 * A member's convocation in their 1:1 chat, in their language: the sitting's date, time, place or
 * mode, tool, how to join and why remotely; the agenda with each item's session; one button to
 * acknowledge receipt, which then says when it was acknowledged. A supplementary agenda (a later
 * sending) is marked as such, with what it adds and withdraws.
 */
export function convocationCard(view: View, sendingId: string): Card {
  const { t, meeting } = view;
  const convocation = meeting.convocation;
  if (!convocation) return adaptiveCard([heading(t('convocation.title'))]);
  const sending = Number(sendingId);
  const supplement = convocation.supplements.find((s) => s.sending === sending);
  const card: CardRef = { kind: 'convocation', id: sendingId };
  const receipt = view.member ? convocation.receipts[view.member] : undefined;
  const withdrawn = withdrawnTitles(view, supplement?.withdrawnTitles ?? []);
  const body: Element[] = [
    heading(t(supplement ? 'convocation.supplementTitle' : 'convocation.title')),
    text(
      t('convocation.intro', {
        municipality: escapeMarkdown(meeting.setup.municipality),
        title: escapeMarkdown(meeting.setup.title),
      }),
    ),
    facts(sittingFacts(view, convocation)),
    ...(view.publicPage
      ? [
          text(
            t('convocation.publicPage', {
              link: `[${view.publicPage}](${linkTarget(view.publicPage)})`,
            }),
          ),
        ]
      : []),
    ...(convocation.details.urgent ? [notice(t('convocation.urgent'), 'warning')] : []),
    text(t('convocation.agenda'), { weight: 'Bolder' }),
    ...agendaLines(view, supplement?.added ?? []),
    ...(withdrawn.length > 0
      ? [text(t('convocation.withdrawn', { items: withdrawn.join(', ') }))]
      : []),
    ...(receipt?.acknowledged
      ? [
          notice(
            t('convocation.acknowledged', {
              time: councilTime(receipt.acknowledged, view.language, 'both'),
            }),
            'good',
          ),
        ]
      : []),
    ...noticeOf(view),
  ];
  const mayAcknowledge = isVoting(view) && !receipt?.acknowledged;
  return adaptiveCard(
    body,
    mayAcknowledge
      ? [
          action(
            view,
            card,
            t('convocation.acknowledge'),
            'convocation.acknowledge',
            {},
            'positive',
          ),
        ]
      : [],
  );
}
