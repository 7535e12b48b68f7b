import type { AgendaItem, ItemId } from '../agenda';
import { withoutQuorum } from '../attendance/quorum';
import type { CommandContext } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { Event } from '../events';
import { currentItem } from '../guards';
import type { Threshold, ThresholdBase } from '../profiles';
import type { Meeting, Vote } from '../state';
import { eligibleMembers } from '../votes/open';
import { questionChoices, type VoteResult } from '../votes/result';

/** What a procedural vote decides: an item behind closed doors, or an urgent item on the agenda. */
export type Procedure =
  | { readonly kind: 'closedSession'; readonly itemId: ItemId }
  | { readonly kind: 'urgency'; readonly item: AgendaItem };

/**
 * A procedural vote is a named yes/no vote held on the current item, with the majority the rules
 * require of it; everything else (who may vote, quorum, counting) is that of any vote.
 */
export function openProcedure(
  meeting: Meeting,
  command: CommandContext,
  procedure: Procedure,
  majority: { readonly threshold: Threshold; readonly base: ThresholdBase },
): Decision {
  const item = currentItem(meeting);
  if (!item) return refuse('NO_CURRENT_ITEM');
  if (meeting.openVoteId) return refuse('VOTE_ALREADY_OPEN');
  const noQuorum = withoutQuorum(meeting);
  if (noQuorum) return noQuorum;
  return accept({
    type: 'VoteOpened',
    voteId: command.newId,
    itemId: item.id,
    motionId: null,
    runoffOf: null,
    kind: 'question',
    secret: false,
    choices: questionChoices,
    ...majority,
    eligible: eligibleMembers(meeting),
    procedure,
    ...stamp(command),
  });
}

/** A procedural vote counted adopted takes effect at once: the council has decided its order. */
export function procedureDecided(vote: Vote, result: VoteResult, command: CommandContext): Event[] {
  const procedure = vote.procedure;
  if (!procedure || result.outcome.kind !== 'adopted') return [];
  if (procedure.kind === 'closedSession') {
    const { itemId } = procedure;
    return [{ type: 'SessionClosed', itemId, reason: 'vote', voteId: vote.id, ...stamp(command) }];
  }
  return [{ type: 'UrgentItemAdded', item: procedure.item, voteId: vote.id, ...stamp(command) }];
}
