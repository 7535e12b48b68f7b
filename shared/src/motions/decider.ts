import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { MotionEvent } from '../events';
import { currentItem, isPresent, notInSession } from '../guards';
import { articleRefusal } from './article';
import type { Meeting, Motion } from '../state';

export type MotionCommand = CommandOf<
  'ProposeMotion' | 'SecondMotion' | 'ProposeAmendment' | 'WithdrawMotion'
>;

export function isPending(motion: Motion): boolean {
  return motion.status === 'proposed' || motion.status === 'seconded';
}

/** The amendments to a motion still to be voted. */
export function pendingAmendments(meeting: Meeting, motionId: string): Motion[] {
  return Object.values(meeting.motions).filter((m) => m.amends === motionId && isPending(m));
}

/** Amendments are decided (voted and their result published) before the motion they amend. */
export function undecidedAmendments(meeting: Meeting, motionId: string): Motion[] {
  return Object.values(meeting.motions).filter(
    (m) => m.amends === motionId && (isPending(m) || m.status === 'voting'),
  );
}

function pendingMotion(meeting: Meeting, motionId: string): Motion | Decision {
  const motion = meeting.motions[motionId];
  if (!motion) return refuse('MOTION_NOT_FOUND');
  if (!isPending(motion)) return refuse('MOTION_NOT_PENDING');
  return motion;
}

export function decideMotion(meeting: Meeting, command: MotionCommand): Decision {
  const refusal = notInSession(meeting);
  if (refusal) return refusal;
  if (command.type !== 'WithdrawMotion' && !isPresent(meeting, command.by)) {
    return refuse('NOT_PRESENT');
  }
  switch (command.type) {
    case 'ProposeMotion': {
      const item = currentItem(meeting);
      if (!item) return refuse('NO_CURRENT_ITEM');
      return accept({
        type: 'MotionProposed',
        motionId: command.newId,
        itemId: item.id,
        member: command.by,
        text: command.text,
        amends: null,
        ...stamp(command),
      });
    }
    case 'SecondMotion': {
      const motion = meeting.motions[command.motionId];
      if (motion?.status === 'seconded') return refuse('ALREADY_SECONDED');
      const found = pendingMotion(meeting, command.motionId);
      if ('ok' in found) return found;
      if (found.member === command.by) return refuse('CANNOT_SECOND_OWN');
      return accept({
        type: 'MotionSeconded',
        motionId: found.id,
        member: command.by,
        ...stamp(command),
      });
    }
    case 'ProposeAmendment': {
      const found = pendingMotion(meeting, command.motionId);
      if ('ok' in found) return found;
      if (found.amends !== null) return refuse('CANNOT_AMEND_AMENDMENT');
      const refused = articleRefusal(meeting, found.itemId, command.article);
      if (refused) return refused;
      return accept({
        type: 'MotionProposed',
        motionId: command.newId,
        itemId: found.itemId,
        member: command.by,
        text: command.text,
        amends: found.id,
        ...(command.article === undefined ? {} : { article: command.article }),
        ...stamp(command),
      });
    }
    case 'WithdrawMotion': {
      const found = pendingMotion(meeting, command.motionId);
      if ('ok' in found) return found;
      if (found.member !== command.by) return refuse('NOT_YOUR_MOTION');
      return accept({ type: 'MotionWithdrawn', motionId: found.id, ...stamp(command) });
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export function withMotion(meeting: Meeting, motion: Motion): Meeting {
  return { ...meeting, motions: { ...meeting.motions, [motion.id]: motion } };
}

export function evolveMotion(meeting: Meeting, event: MotionEvent): Meeting {
  switch (event.type) {
    case 'MotionProposed':
      return withMotion(meeting, {
        id: event.motionId,
        itemId: event.itemId,
        member: event.member,
        text: event.text,
        amends: event.amends,
        ...(event.article === undefined ? {} : { article: event.article }),
        status: 'proposed',
        secondedBy: null,
      });
    case 'MotionSeconded': {
      const motion = meeting.motions[event.motionId];
      if (!motion) return meeting;
      return withMotion(meeting, { ...motion, status: 'seconded', secondedBy: event.member });
    }
    case 'MotionWithdrawn': {
      const withdrawn = [
        event.motionId,
        ...pendingAmendments(meeting, event.motionId).map((m) => m.id),
      ];
      const motions = { ...meeting.motions };
      for (const id of withdrawn) {
        const motion = motions[id];
        if (motion) motions[id] = { ...motion, status: 'withdrawn' };
      }
      return { ...meeting, motions };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
