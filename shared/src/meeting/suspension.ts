import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import { notInSession } from '../guards';
import { speechEnded } from '../speaking/decider';
import type { Meeting, MeetingStatus } from '../state';

export type SuspensionCommand = CommandOf<'SuspendSitting' | 'ResumeSitting'>;

/**
 * The chair suspends the sitting for a break ("la séance est suspendue") and resumes it, where the
 * profile's `suspension` rule allows it (its source there). The speech
 * in progress ends; a vote must be closed first, since members could not cast their ballots.
 */
export function decideSuspension(meeting: Meeting, command: SuspensionCommand): Decision {
  const refusal = notInSession(meeting);
  if (refusal) return refusal;
  switch (command.type) {
    case 'SuspendSitting':
      if (!meeting.profile.suspension.value) return refuse('SUSPENSION_NOT_ALLOWED');
      if (meeting.suspendedAt) return refuse('SITTING_SUSPENDED');
      if (meeting.openVoteId) return refuse('VOTE_ALREADY_OPEN');
      return accept(...speechEnded(meeting, command), {
        type: 'SittingSuspended',
        ...stamp(command),
      });
    case 'ResumeSitting':
      if (!meeting.suspendedAt) return refuse('SITTING_NOT_SUSPENDED');
      return accept({ type: 'SittingResumed', ...stamp(command) });
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export type SittingStatus = MeetingStatus | 'suspended';

/** The sitting as its readers name it: an open sitting the chair has suspended is suspended. */
export function sittingStatus(meeting: Pick<Meeting, 'status' | 'suspendedAt'>): SittingStatus {
  return meeting.status === 'open' && meeting.suspendedAt ? 'suspended' : meeting.status;
}
