import { refuse, type Decision } from '../decision';
import type { QuorumReport, QuorumShortfall } from '../events';
import { membersInOffice } from '../roster';
import type { Meeting } from '../state';

/** More than half of the members in office must be present (CDLD L1122-17 and its equivalents). */
export function quorum(meeting: Meeting): QuorumReport {
  const inOffice = membersInOffice(meeting.setup.roster);
  const present = inOffice.filter((m) => meeting.attendance[m.id]?.status === 'present').length;
  const needed = Math.floor(inOffice.length / 2) + 1;
  const waiver = meeting.profile.quorumWaiver.value;
  return {
    present,
    inOffice: inOffice.length,
    needed,
    reached: present >= needed,
    waived: waiver !== null && meeting.setup.convocation >= waiver,
  };
}

export function withoutQuorum(meeting: Meeting): Decision | null {
  const report = quorum(meeting);
  if (report.reached || report.waived) return null;
  return refuse('QUORUM_NOT_REACHED', { present: report.present, needed: report.needed });
}

/**
 * Where the rules say quorum must hold at the decision (`quorumAt`), how short of it the council
 * is now, or null: a vote closed while short is void (CDLD L1122-17 and its equivalents).
 */
export function quorumShortfall(meeting: Meeting): QuorumShortfall | null {
  if (meeting.profile.quorumAt.value !== 'decision') return null;
  const report = quorum(meeting);
  if (report.reached || report.waived) return null;
  return { present: report.present, needed: report.needed };
}

/** The meeting's `quorumLost` flag, kept as presence changes and votes open and close. */
export function watchingQuorum(meeting: Meeting): Meeting {
  const lost = meeting.openVoteId ? quorumShortfall(meeting) : null;
  const was = meeting.quorumLost;
  if (lost === null && was === null) return meeting;
  if (lost && was && lost.present === was.present && lost.needed === was.needed) return meeting;
  return { ...meeting, quorumLost: lost };
}
