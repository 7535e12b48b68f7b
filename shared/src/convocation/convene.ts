import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { Meeting } from '../state';
import { noticeShortfall } from './notice';
import type { ConvocationDetails } from './types';

/** What the convocation says of the sitting: the command's words, else the setup's mode and tool. */
function detailsOf(meeting: Meeting, command: CommandOf<'ConveneMeeting'>): ConvocationDetails {
  const mode = command.mode ?? meeting.setup.mode;
  return {
    mode,
    tool: command.tool ?? meeting.setup.tool,
    ...(mode !== 'remote' && command.place ? { place: command.place } : {}),
    ...(mode !== 'in-person' && command.join ? { join: command.join } : {}),
    ...(mode !== 'in-person' && command.reason ? { reason: command.reason } : {}),
    ...(command.urgent ? { urgent: true } : {}),
  };
}

/**
 * The director convenes the council. A sitting with members in the room names its place; one held
 * remotely (or hybrid) says why and names the tool and how to join (Walloon AGW of 23 Sep 2021,
 * art. 1 §1). Sent later than the profile's notice period, it still goes out: the director is
 * warned, with the rule, and the event keeps the shortfall for the minutes and the tab.
 */
export function convene(meeting: Meeting, command: CommandOf<'ConveneMeeting'>): Decision {
  if (meeting.status !== 'draft') return refuse('SETUP_LOCKED');
  const convocation = detailsOf(meeting, command);
  if (convocation.mode !== 'remote' && !convocation.place) {
    return refuse('CONVOCATION_PLACE_MISSING');
  }
  if (convocation.mode !== 'in-person' && !convocation.reason) {
    return refuse('CONVOCATION_REASON_MISSING');
  }
  const late = noticeShortfall(
    meeting.profile.noticePeriod.value,
    { at: command.at, convocation: meeting.setup.convocation, urgent: !!convocation.urgent },
    meeting.setup.scheduledStart,
  );
  return accept({
    type: 'MeetingConvened',
    convocation,
    ...(late ? { late } : {}),
    ...stamp(command),
  });
}
