import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { SigningEvent } from '../events';
import type { Meeting } from '../state';
import { signatoriesOf, signatoriesWaiting } from './signatories';

export type SigningCommand = CommandOf<
  'SubmitMinutes' | 'ApproveMinutes' | 'SealMinutes' | 'CorrectMinutes'
>;

/**
 * The minutes signed in the app (CDLD L1132-3, DLB art. 32, NLC art. 89: the profile's
 * `minutesSignedBy`). Once the sitting is closed and every result published, the director submits
 * the final minutes, named by the SHA-256 of their PDF and of the log's last event they record;
 * each signatory approves those very hashes after reading; once all have, the service seals them.
 */
export function decideSigning(meeting: Meeting, command: SigningCommand): Decision {
  switch (command.type) {
    case 'SubmitMinutes': {
      if (meeting.status !== 'closed') return refuse('MINUTES_NOT_FINAL');
      if (Object.values(meeting.votes).some((vote) => vote.status !== 'published')) {
        return refuse('MINUTES_NOT_FINAL');
      }
      if (meeting.signing?.sealed) return refuse('MINUTES_SEALED');
      const submitted = meeting.signing?.submitted;
      if (submitted && submitted.pdf === command.pdf && submitted.lastEvent === command.lastEvent) {
        return refuse('MINUTES_ALREADY_SUBMITTED');
      }
      if (signatoriesOf(meeting).length === 0) return refuse('NO_SIGNATORY');
      const { seq, pdf, lastEvent } = command;
      return accept({ type: 'MinutesSubmitted', seq, pdf, lastEvent, ...stamp(command) });
    }
    case 'ApproveMinutes': {
      const signing = meeting.signing;
      if (!signing) return refuse('MINUTES_NOT_SUBMITTED');
      if (signing.sealed) return refuse('MINUTES_SEALED');
      if (!signatoriesOf(meeting).some((member) => member.id === command.by)) {
        return refuse('NOT_SIGNATORY');
      }
      if (signing.approvals.some((approval) => approval.member === command.by)) {
        return refuse('ALREADY_APPROVED');
      }
      const { pdf, lastEvent } = signing.submitted;
      if (command.pdf !== pdf || command.lastEvent !== lastEvent) return refuse('MINUTES_CHANGED');
      return accept({ type: 'MinutesApproved', pdf, lastEvent, ...stamp(command) });
    }
    case 'SealMinutes': {
      const signing = meeting.signing;
      if (!signing) return refuse('MINUTES_NOT_SUBMITTED');
      if (signing.sealed) return refuse('MINUTES_SEALED');
      const waiting = signatoriesWaiting(meeting);
      if (waiting.length > 0) {
        return refuse('APPROVALS_MISSING', { waiting: waiting.map((m) => m.name).join(', ') });
      }
      return accept({ type: 'MinutesSealed', sealed: command.sealed, ...stamp(command) });
    }
    case 'CorrectMinutes': {
      if (meeting.status !== 'open') {
        return refuse(meeting.status === 'closed' ? 'MEETING_CLOSED' : 'MEETING_NOT_OPEN');
      }
      const item = meeting.setup.agenda.find((i) => i.id === command.itemId);
      if (!item) return refuse('ITEM_NOT_FOUND');
      if (item.subject !== 'minutesApproval') return refuse('NOT_MINUTES_APPROVAL');
      return accept({
        type: 'MinutesCorrected',
        itemId: item.id,
        text: command.text,
        ...stamp(command),
      });
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export function evolveSigning(meeting: Meeting, event: SigningEvent): Meeting {
  switch (event.type) {
    case 'MinutesSubmitted': {
      const { seq, pdf, lastEvent, at } = event;
      // A new submission asks every signatory again: they approved other minutes.
      return { ...meeting, signing: { submitted: { seq, pdf, lastEvent, at }, approvals: [] } };
    }
    case 'MinutesApproved': {
      if (!meeting.signing) return meeting;
      const approval = { member: event.by, at: event.at };
      const approvals = [...meeting.signing.approvals, approval];
      return { ...meeting, signing: { ...meeting.signing, approvals } };
    }
    case 'MinutesSealed':
      if (!meeting.signing) return meeting;
      return {
        ...meeting,
        signing: { ...meeting.signing, sealed: { hash: event.sealed, at: event.at } },
      };
    case 'MinutesCorrected': {
      const corrections = meeting.corrections ?? {};
      const item = [...(corrections[event.itemId] ?? []), event.text];
      return { ...meeting, corrections: { ...corrections, [event.itemId]: item } };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
