import type { AgendaItem } from '../agenda';
import { adoptedText } from '../agenda/adopted-text';
import { heading, paragraph, type Context, type MinutesBlock } from './context';

/**
 * The item's draft decision as adopted: its recitals ("Vu …", "Considérant …"), the decisive word,
 * then each article, where an adopted amendment naming an article replaces it, and an adopted
 * amendment naming none follows the articles. The vote that decided it comes after.
 */
export function deliberationBlocks(ctx: Context, item: AgendaItem): MinutesBlock[] {
  const adopted = adoptedText(ctx.meeting, item);
  if (!adopted) return [];
  const words = ctx.words.deliberation;
  const articles = adopted.articles.map(({ n, text, amended }) => {
    const label = n === 1 ? words.firstArticle : ctx.fill(words.article, { n });
    return paragraph(amended ? `${text} ${words.amended}` : text, { label });
  });
  return [
    ...adopted.recitals.map((recital) => paragraph(recital)),
    heading(3, words.decides),
    ...articles,
    ...adopted.added.map((text) =>
      paragraph(`« ${text} »`, { label: words.amendedAsFollows, tone: 'quote' }),
    ),
  ];
}
