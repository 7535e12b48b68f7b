import type { ItemId } from '../agenda';
import { adoptedText, type AdoptedText } from '../agenda/adopted-text';
import { titleIn } from '../agenda/title';
import type { Meeting } from '../state';
import { meetingFor, type Reader } from '../visibility';
import type { Outcome } from '../votes/result';

/** One decision of the sitting, as the decision list (besluitenlijst, DLB art. 285) gives it. */
export interface ListedDecision {
  readonly itemId: ItemId;
  /** The item's number on the convocation's agenda. */
  readonly number: number;
  readonly title: string;
  readonly outcome: Outcome['kind'];
  /** The text adopted, amendments applied; none for a decision that did not adopt the draft. */
  readonly text: AdoptedText | null;
}

/**
 * Each item the council decided, with the last result this reader may see (the director's before
 * it is published) and the text as adopted, the same reading as the minutes'.
 */
export function decisionListOf(meeting: Meeting, reader: Reader): ListedDecision[] {
  const seen = meetingFor(meeting, reader);
  const language = meeting.setup.language;
  return seen.setup.agenda.flatMap((item) => {
    const result = Object.values(seen.votes)
      .filter((vote) => vote.itemId === item.id && !vote.procedure && vote.result)
      .at(-1)?.result;
    if (!result || result.outcome.kind === 'void') return [];
    const adopts = result.outcome.kind === 'adopted' || result.outcome.kind === 'elected';
    return [
      {
        itemId: item.id,
        number: meeting.setup.agenda.findIndex((listed) => listed.id === item.id) + 1,
        title: titleIn(item, language, language),
        outcome: result.outcome.kind,
        text: adopts ? adoptedText(seen, item) : null,
      },
    ];
  });
}
