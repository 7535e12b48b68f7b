import { refuse, type Decision } from '../decision';
import type { QuorumReport } from '../events';
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
