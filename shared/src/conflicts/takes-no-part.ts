import type { Command } from '../commands';
import { refuse, type Decision } from '../decision';
import type { ErrorCode } from '../errors';
import type { Meeting } from '../state';
import { articleOf, inConflict, leavesRoom } from './record';

interface Part {
  readonly itemId: string | null;
  readonly refusal: ErrorCode;
}

/** The item a command would have its issuer take part in, and how that is refused in conflict. */
function partTaken(meeting: Meeting, command: Command): Part | null {
  const current = meeting.currentItemId;
  switch (command.type) {
    case 'RequestFloor':
    case 'ProposeMotion':
    case 'ProposeAmendment':
      return { itemId: current, refusal: 'CONFLICT_OF_INTEREST' };
    case 'SecondMotion':
      return {
        itemId: meeting.motions[command.motionId]?.itemId ?? null,
        refusal: 'CONFLICT_OF_INTEREST',
      };
    case 'CastBallot':
      return {
        itemId: meeting.votes[command.voteId]?.itemId ?? null,
        refusal: 'CONFLICT_OF_INTEREST',
      };
    case 'CheckIn':
    case 'AnswerRollCall':
      return leavesRoom(meeting) ? { itemId: current, refusal: 'CONFLICT_LEFT_ROOM' } : null;
    default:
      return null;
  }
}

/**
 * A member in conflict takes no part in the item's debate and votes (DLB art. 27), and where the
 * rules say so is not present at its deliberation (CDLD L1122-19 1°): refused, citing the article.
 */
export function conflictRefusal(meeting: Meeting, command: Command): Decision | null {
  const part = partTaken(meeting, command);
  if (!part || !inConflict(meeting, part.itemId, command.by)) return null;
  return refuse(part.refusal, { article: articleOf(meeting) });
}
