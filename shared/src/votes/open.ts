import type { AgendaItem } from '../agenda';
import { withoutQuorum } from '../attendance/quorum';
import type { CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import { inConflict } from '../conflicts/record';
import { currentItem, isPresent, notInSession, suspended } from '../guards';
import { isPending, undecidedAmendments } from '../motions/decider';
import { membersInOffice } from '../roster';
import type { Meeting, TellersCeremony } from '../state';
import { currentCeremony, tellersReady } from '../tellers/ready';
import { ABSTAIN, questionChoices } from './result';
import { secondRound } from './runoff';
import { secretAllowed } from './secrecy';

interface Question {
  readonly kind: 'question' | 'election';
  readonly choices: readonly string[];
  readonly motionId: string | null;
  readonly runoffOf: string | null;
}

function runoffQuestion(meeting: Meeting, voteId: string): Question | Decision {
  const round = secondRound(meeting, voteId);
  if (!round.ok) return refuse(round.code);
  return {
    kind: 'election',
    choices: [...round.candidateIds, ABSTAIN],
    motionId: null,
    runoffOf: voteId,
  };
}

/** A motion goes to the vote once seconded where required, and after its amendments. */
function motionQuestion(meeting: Meeting, item: AgendaItem, motionId: string): Question | Decision {
  const motion = meeting.motions[motionId];
  if (!motion) return refuse('MOTION_NOT_FOUND');
  if (motion.itemId !== item.id) return refuse('MOTION_NOT_ON_CURRENT_ITEM');
  if (!isPending(motion)) return refuse('MOTION_NOT_PENDING');
  if (meeting.profile.motionsNeedSecond.value && motion.status !== 'seconded') {
    return refuse('MOTION_NOT_SECONDED');
  }
  if (undecidedAmendments(meeting, motionId).length > 0) return refuse('AMENDMENTS_PENDING');
  return { kind: 'question', choices: questionChoices, motionId, runoffOf: null };
}

function questionOf(meeting: Meeting, item: AgendaItem, command: CommandOf<'OpenVote'>) {
  if (command.runoffOf !== undefined) return runoffQuestion(meeting, command.runoffOf);
  if (command.motionId !== undefined) return motionQuestion(meeting, item, command.motionId);
  if (item.candidates.length > 0) {
    const choices = [...item.candidates.map((c) => c.id), ABSTAIN];
    return { kind: 'election', choices, motionId: null, runoffOf: null } satisfies Question;
  }
  return {
    kind: 'question',
    choices: questionChoices,
    motionId: null,
    runoffOf: null,
  } satisfies Question;
}

/**
 * Who may vote: the members in office present when the vote opens, in the order they answer, but
 * none with a personal interest in the item (DLB art. 27, CDLD L1122-19).
 */
export function eligibleMembers(meeting: Meeting): string[] {
  const present = membersInOffice(meeting.setup.roster).filter(
    (m) => isPresent(meeting, m.id) && !inConflict(meeting, meeting.currentItemId, m.id),
  );
  const chairLast = meeting.profile.publicVoteOrder.value.chairVotesLast;
  const ordered = chairLast
    ? [...present.filter((m) => m.role !== 'chair'), ...present.filter((m) => m.role === 'chair')]
    : present;
  return ordered.map((m) => m.id);
}

/** A secret ballot goes into the sealed box, which needs its trustees' key ready. */
function readyCeremony(meeting: Meeting): TellersCeremony | Decision {
  const ceremony = currentCeremony(meeting);
  if (ceremony?.status === 'ready') return ceremony;
  return refuse('SEALED_BOX_NOT_READY', tellersReady(meeting));
}

export function openVote(meeting: Meeting, command: CommandOf<'OpenVote'>): Decision {
  const refusal = notInSession(meeting) ?? suspended(meeting);
  if (refusal) return refusal;
  const item = currentItem(meeting);
  if (!item) return refuse('NO_CURRENT_ITEM');
  if (meeting.openVoteId) return refuse('VOTE_ALREADY_OPEN');
  const noQuorum = withoutQuorum(meeting);
  if (noQuorum) return noQuorum;
  const profile = meeting.profile;
  if (meeting.setup.mode === 'remote' && profile.remoteRestrictions.value.includes(item.subject)) {
    return refuse('REMOTE_SUBJECT_FORBIDDEN');
  }
  const threshold = command.threshold ?? '1/2';
  if (threshold !== '1/2' && !profile.thresholds.value.includes(threshold)) {
    return refuse('THRESHOLD_NOT_ALLOWED');
  }
  const base = command.base ?? 'votesCast';
  if (base !== 'votesCast' && !profile.thresholdBases.value.includes(base)) {
    return refuse('THRESHOLD_BASE_NOT_ALLOWED');
  }
  const secretRequired = profile.secretSubjects.value.includes(item.subject);
  if (secretRequired && command.secret === false) return refuse('SECRET_VOTE_REQUIRED');
  if (command.secret === true && !secretAllowed(profile, item.subject)) {
    return refuse('SECRET_VOTE_NOT_ALLOWED');
  }
  const question = questionOf(meeting, item, command);
  if ('ok' in question) return question;
  const secret =
    command.secret ??
    (secretRequired || (item.expectedVote === 'secret' && secretAllowed(profile, item.subject)));
  const ceremony = secret ? readyCeremony(meeting) : null;
  if (ceremony && 'ok' in ceremony) return ceremony;
  return accept({
    type: 'VoteOpened',
    voteId: command.newId,
    itemId: item.id,
    ...question,
    secret,
    ...(ceremony ? { ceremony: ceremony.ceremony } : {}),
    threshold,
    base,
    eligible: eligibleMembers(meeting),
    ...stamp(command),
  });
}
