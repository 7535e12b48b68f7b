import { convocationCard } from './convocation';
import type { Card } from './elements';
import { minutesCard } from './minutes';
import { itemCard, motionCard } from './motion';
import { directorResultCard, resultCard } from './result';
import { rollCallCard } from './roll-call';
import { keyCeremonyCard, tallyShareCard } from './trustee';
import type { CardRef, View } from './view';
import { voteCard } from './vote';
import { welcomeCard } from './welcome';

export type { Card } from './elements';
export { adaptiveCard, heading, notice, text } from './elements';
export { motionForm } from './motion';
export { closingCard, excuseCard } from './chair';
export { unlinkedCard, type LinkChoice } from './welcome';
export { cardKinds, type CardRef, type View } from './view';

/** Teams shows each member their own view of a shared card, fetched with this action. */
export const REFRESH = 'refresh';

function draw(card: CardRef, view: View): Card {
  switch (card.kind) {
    case 'welcome':
      return welcomeCard(view);
    case 'rollCall':
      return rollCallCard(view, card.id);
    case 'item':
      return itemCard(view, card.id);
    case 'motion':
      return motionCard(view, card.id);
    case 'vote':
      return voteCard(view, card.id);
    case 'result':
      return resultCard(view, card.id);
    case 'directorResult':
      return directorResultCard(view, card.id);
    case 'keyCeremony':
      return keyCeremonyCard(view, card.id);
    case 'tallyShare':
      return tallyShareCard(view, card.id);
    case 'convocation':
      return convocationCard(view, card.id);
    case 'minutes':
      return minutesCard(view);
    default: {
      const _exhaustive: never = card;
      return _exhaustive;
    }
  }
}

/**
 * A card as one reader sees it. `userIds` (Teams ids, at most 60) are those whose Teams client
 * asks for their own view as soon as the card shows or changes.
 */
export function renderCard(card: CardRef, view: View, userIds: readonly string[]): Card {
  const drawn = draw(card, view);
  if (userIds.length === 0) return drawn;
  return {
    ...drawn,
    refresh: {
      action: {
        type: 'Action.Execute',
        verb: REFRESH,
        data: { meetingId: view.meetingId, card, v: view.version },
      },
      userIds: userIds.slice(0, 60),
    },
  };
}
