import type { ItemId } from '../agenda';
import { articleOf, conflictsOn } from '../conflicts/record';
import type { Language } from '../language';
import { paragraph, type Context, type MinutesBlock } from './context';

interface ConflictWords {
  /** The member left the sitting for the item (CDLD L1122-19 1°). */
  readonly leftRoom: string;
  /** The member stayed, or was not there, and took no part (DLB art. 27). */
  readonly tookNoPart: string;
}

const conflictWords: Readonly<Record<Language, ConflictWords>> = {
  fr: {
    leftRoom: '{name}, ayant un intérêt personnel, a quitté la séance pour ce point ({article}).',
    tookNoPart:
      '{name}, ayant un intérêt personnel, n’a pris part ni au débat ni au vote sur ce point ({article}).',
  },
  nl: {
    leftRoom:
      '{name}, die een persoonlijk belang heeft, heeft de zitting voor dit punt verlaten ({article}).',
    tookNoPart:
      '{name}, die een persoonlijk belang heeft, heeft niet deelgenomen aan de bespreking en de stemming over dit punt ({article}).',
  },
  de: {
    leftRoom:
      '{name} hat wegen eines persönlichen Interesses die Sitzung für diesen Punkt verlassen ({article}).',
    tookNoPart:
      '{name} hat wegen eines persönlichen Interesses weder an der Beratung noch an der Abstimmung über diesen Punkt teilgenommen ({article}).',
  },
  en: {
    leftRoom: '{name}, having a personal interest, left the sitting for this item ({article}).',
    tookNoPart:
      '{name}, having a personal interest, took no part in the debate or the vote on this item ({article}).',
  },
};

/** What the minutes say of each member in conflict on an item taken up, in the meeting's language. */
export function conflictBlocks(ctx: Context, itemId: ItemId): MinutesBlock[] {
  const words = conflictWords[ctx.meeting.setup.language];
  return conflictsOn(ctx.meeting, itemId).map((conflict) =>
    paragraph(
      ctx.fill(conflict.leftAt ? words.leftRoom : words.tookNoPart, {
        name: ctx.name(conflict.member),
        article: articleOf(ctx.meeting),
      }),
    ),
  );
}
