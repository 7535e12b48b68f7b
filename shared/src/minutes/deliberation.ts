import type { AgendaItem } from '../agenda';
import { heading, paragraph, type Context, type MinutesBlock } from './context';

/**
 * The item's draft decision as adopted: its recitals ("Vu …", "Considérant …"), the decisive word,
 * then each article, where an adopted amendment naming an article replaces it, and an adopted
 * amendment naming none follows the articles. The vote that decided it comes after.
 */
export function deliberationBlocks(ctx: Context, item: AgendaItem): MinutesBlock[] {
  const draft = item.deliberation;
  if (!draft) return [];
  const words = ctx.words.deliberation;
  const adopted = Object.values(ctx.meeting.motions).filter(
    (m) => m.itemId === item.id && m.amends !== null && m.status === 'adopted',
  );
  const replacing = new Map(adopted.flatMap((m) => (m.article ? [[m.article, m.text]] : [])));
  const articles = draft.articles.map((text, index) => {
    const n = index + 1;
    const label = n === 1 ? words.firstArticle : ctx.fill(words.article, { n });
    const amended = replacing.get(n);
    return paragraph(amended === undefined ? text : `${amended} ${words.amended}`, { label });
  });
  const added = adopted.filter((m) => !m.article);
  return [
    ...draft.recitals.map((recital) => paragraph(recital)),
    heading(3, words.decides),
    ...articles,
    ...added.map((m) =>
      paragraph(`« ${m.text} »`, { label: words.amendedAsFollows, tone: 'quote' }),
    ),
  ];
}
