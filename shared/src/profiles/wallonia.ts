import type { RulesProfile } from './profile';

/** Code de la démocratie locale et de la décentralisation (CDLD) and Walloon house rules. */
export const wallonia: RulesProfile = {
  id: 'wallonia',
  quorumBase: {
    value: 'membersInOffice',
    status: 'unconfirmed',
    source: 'CDLD L1122-17: more than half of the members in office',
  },
  quorumWaiver: {
    value: 3,
    status: 'unconfirmed',
    source: 'CDLD L1122-17: third convocation',
  },
  majorityBase: {
    value: 'votesCast',
    status: 'unconfirmed',
    source: 'CDLD L1122-26: absolute majority of votes cast',
  },
  abstentionsCount: {
    value: false,
    status: 'unconfirmed',
    source: 'CDLD L1122-26: abstentions, blank and invalid ballots are not counted',
  },
  tieRule: {
    value: { question: 'rejected', appointment: { runoff: true, tieBreak: 'older' } },
    status: 'unconfirmed',
    source:
      'CDLD L1122-26 and L1122-28: a tie rejects; appointments go to a runoff, then the older',
  },
  thresholds: {
    value: ['1/2', '2/3', '3/4'],
    status: 'council',
    source: 'as the house rules require',
  },
  thresholdBases: {
    value: ['votesCast', 'membersPresent', 'membersInOffice'],
    status: 'unconfirmed',
    source:
      'CDLD L1122-26: votes cast; L1122-24: two thirds of the members present (urgency); members in office as the house rules require',
  },
  secretSubjects: {
    value: ['presentation', 'appointment', 'leave', 'suspension', 'discipline'],
    status: 'confirmed',
    source: 'house rules of Doische, art. 37-42 (statutory basis CDLD L1122-27 unconfirmed)',
  },
  secretOtherwise: {
    value: false,
    status: 'unconfirmed',
    source:
      'CDLD L1122-27 (usual reading): only presentations of candidates, appointments, placing on leave, preventive suspensions and disciplinary sanctions are voted in secret; other subjects in public',
  },
  publicVoteOrder: {
    value: { order: 'seat', chairVotesLast: false },
    status: 'confirmed',
    source: 'house rules of Doische: aloud, one by one, in seating order',
  },
  voteChangeUntilClose: {
    value: true,
    status: 'unconfirmed',
    source: 'house rules reading: until the result is proclaimed',
  },
  suspension: {
    value: true,
    status: 'unconfirmed',
    source: 'CDLD L1122-25 (the chair keeps order in the sitting) and the house rules',
  },
  namedVoteInMinutes: {
    value: 'totalsAndNamesAgainstAndAbstaining',
    status: 'confirmed',
    source: 'house rules of Doische: total for, names of those against and abstaining',
  },
  remoteRestrictions: {
    value: ['discipline', 'hearing'],
    status: 'confirmed',
    source: 'décret of 15 July 2021, CDLD L6511-1 to 3, AGW of 23 September 2021',
  },
  conflictOfInterest: {
    value: { leavesRoom: true },
    status: 'confirmed',
    source:
      'CDLD L1122-19 1°: a member may not be present at the deliberation on matters in which they, or relatives up to the fourth degree, have a direct interest',
  },
  minutesSignedBy: {
    value: ['chair', 'director'],
    status: 'unconfirmed',
    source:
      'CDLD L1132-3: the mayor signs, the directeur général countersigns; L1122-16: approved at the next sitting',
  },
  closedSession: {
    value: {
      mandatory: ['person', 'discipline', 'suspension', 'leave'],
      byTwoThirds: true,
      never: [],
    },
    status: 'unconfirmed',
    source: 'CDLD L1122-20 and L1122-21',
  },
  urgency: {
    value: { allowed: true, threshold: '2/3', base: 'membersPresent' },
    status: 'confirmed',
    source:
      'CDLD L1122-24: only where the least delay could cause danger, declared by at least two thirds of the members present',
  },
  motionsNeedSecond: {
    value: false,
    status: 'unconfirmed',
    source: 'no seconding in the CDLD',
  },
  joiningCallIsPresence: {
    value: false,
    status: 'unconfirmed',
    source: 'no source says joining the call is enough: members answer the roll call',
  },
  quorumAt: {
    value: 'decision',
    status: 'unconfirmed',
    source:
      'CDLD L1122-17: the council may not decide unless a majority of its members in office is present',
  },
  presenceToCast: {
    value: { present: true, returningMayVote: true },
    status: 'unconfirmed',
    source:
      'CDLD L1122-17 reading: only members present take part in the decision; one who returns is present again',
  },
  sealedBox: {
    value: { tellers: 2, threshold: 2, director: true, service: false },
    status: 'council',
    source:
      'CDLD L1122-27 (secret ballot): the tellers (scrutateurs) who count it, and how many, as the house rules set; here the director and two tellers, any two of them',
  },
  noticePeriod: {
    value: { days: 7, clear: true, repeatDays: 2, urgency: true },
    status: 'confirmed',
    source:
      'CDLD L1122-13 §1 and L1122-17: save in urgency, in writing with the agenda at least seven clear days before the sitting; two clear days for a repeat convocation after a sitting without quorum',
  },
  publication: {
    value: { agendaDaysBefore: null, decisionListDaysAfter: null, closedDecisions: 'none' },
    status: 'council',
    source:
      'no statute of the CDLD requires a linked publication of agendas and decision lists: a council may publish them as Flanders does (its house rules, as overrides)',
  },
};
