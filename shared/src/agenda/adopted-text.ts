import type { AgendaItem } from '../agenda';
import type { Meeting } from '../state';

export interface AdoptedArticle {
  /** 1-based, as the draft numbers it. */
  readonly n: number;
  readonly text: string;
  /** Replaced in the sitting by an adopted amendment. */
  readonly amended: boolean;
}

/** An item's decision as the council adopted it: the draft with its adopted amendments applied. */
export interface AdoptedText {
  readonly recitals: readonly string[];
  readonly articles: readonly AdoptedArticle[];
  /** Adopted amendments naming no article, in the order they were proposed. */
  readonly added: readonly string[];
}

/**
 * The draft decision of an item as adopted: an adopted amendment naming an article replaces it, one
 * naming none is added after the articles. The one reading of the text for the minutes and the
 * decision list alike; null when the item has no draft.
 */
export function adoptedText(meeting: Meeting, item: AgendaItem): AdoptedText | null {
  const draft = item.deliberation;
  if (!draft) return null;
  const adopted = Object.values(meeting.motions).filter(
    (m) => m.itemId === item.id && m.amends !== null && m.status === 'adopted',
  );
  const replacing = new Map(adopted.flatMap((m) => (m.article ? [[m.article, m.text]] : [])));
  return {
    recitals: draft.recitals,
    articles: draft.articles.map((text, index) => {
      const amended = replacing.get(index + 1);
      return { n: index + 1, text: amended ?? text, amended: amended !== undefined };
    }),
    added: adopted.filter((m) => !m.article).map((m) => m.text),
  };
}
