import type { ItemId } from '../agenda';
import { refuse, type Decision } from '../decision';
import type { Meeting } from '../state';

/** An amendment may replace only an article the item's draft decision has. */
export function articleRefusal(
  meeting: Meeting,
  itemId: ItemId,
  article: number | undefined,
): Decision | null {
  if (article === undefined) return null;
  const item = meeting.setup.agenda.find((i) => i.id === itemId);
  const articles = item?.deliberation?.articles.length ?? 0;
  return article <= articles ? null : refuse('ARTICLE_NOT_FOUND', { article });
}
