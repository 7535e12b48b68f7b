import type { RulesProfile } from './profile';

/** Nouvelle loi communale as it applies in the Brussels-Capital Region. */
export const brussels: RulesProfile = {
  id: 'brussels',
  quorumBase: {
    value: 'membersInOffice',
    status: 'unconfirmed',
    source: 'Nouvelle loi communale: more than half of the members in office',
  },
  quorumWaiver: { value: 3, status: 'unconfirmed', source: 'Nouvelle loi communale' },
  majorityBase: {
    value: 'votesCast',
    status: 'unconfirmed',
    source: 'Nouvelle loi communale: absolute majority of votes cast',
  },
  abstentionsCount: { value: false, status: 'unconfirmed', source: 'Nouvelle loi communale' },
  tieRule: {
    value: { question: 'rejected', appointment: { runoff: true, tieBreak: 'older' } },
    status: 'unconfirmed',
    source: 'Nouvelle loi communale: a tie rejects; appointments go to the older candidate',
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
      'NLC art. 100: votes cast; art. 93: two thirds of the members present (closed session); members in office as the house rules require',
  },
  secretSubjects: {
    value: ['presentation', 'appointment', 'leave', 'suspension', 'discipline'],
    status: 'unconfirmed',
    source: 'as Wallonia',
  },
  secretOtherwise: {
    value: false,
    status: 'unconfirmed',
    source:
      'NLC art. 100, read as CDLD L1122-27: secret only for the subjects listed; others in public',
  },
  publicVoteOrder: {
    value: { order: 'seat', chairVotesLast: false },
    status: 'confirmed',
    source: 'art. 85: aloud, or sent from the member’s own address in a virtual session',
  },
  voteChangeUntilClose: { value: false, status: 'unconfirmed', source: 'no source found' },
  suspension: {
    value: true,
    status: 'unconfirmed',
    source: 'NLC: the chair keeps order in the sitting; the house rules',
  },
  namedVoteInMinutes: {
    value: 'everyMember',
    status: 'confirmed',
    source: 'art. 89: who voted and how, the result and the method',
  },
  remoteRestrictions: {
    value: [],
    status: 'confirmed',
    source:
      'art. 85 (ordinances of 17 July and 29 October 2020): on the mayor’s decision in force majeure',
  },
  conflictOfInterest: {
    value: { leavesRoom: true },
    status: 'unconfirmed',
    source:
      'NLC art. 92 1°, read as CDLD L1122-19: a member may not be present at the deliberation on matters in which they have a direct interest',
  },
  minutesSignedBy: {
    value: ['chair', 'director'],
    status: 'unconfirmed',
    source: 'NLC art. 89: approved at the next sitting; signed by the chair and the secretary',
  },
  closedSession: {
    value: {
      mandatory: ['person', 'discipline', 'suspension', 'leave'],
      byTwoThirds: true,
      never: ['budget', 'accounts'],
    },
    status: 'confirmed',
    source: 'art. 93 (2/3 of members present, never for the budget or the accounts) and art. 94',
  },
  urgency: {
    value: { allowed: true, threshold: '2/3', base: 'membersPresent' },
    status: 'unconfirmed',
    source:
      'NLC art. 97: urgency declared by at least two thirds of the members present (usual reading)',
  },
  motionsNeedSecond: { value: false, status: 'unconfirmed', source: 'no seconding in the law' },
  joiningCallIsPresence: {
    value: false,
    status: 'unconfirmed',
    source: 'no source says joining the call is enough: members answer the roll call',
  },
  quorumAt: {
    value: 'decision',
    status: 'unconfirmed',
    source:
      'Nouvelle loi communale art. 90: the council may not decide unless a majority of its members in office is present',
  },
  presenceToCast: {
    value: { present: true, returningMayVote: true },
    status: 'unconfirmed',
    source:
      'Nouvelle loi communale art. 90, reading: only members present take part in the decision; one who returns is present again',
  },
  sealedBox: {
    value: { tellers: 2, threshold: 2, director: true, service: false },
    status: 'council',
    source:
      'NLC art. 100 (secret ballot): the tellers (scrutateurs, stemopnemers) who count it, and how many, as the house rules set; here the secretary and two tellers, any two of them',
  },
  noticePeriod: {
    value: { days: 7, clear: true, repeatDays: null, urgency: true },
    status: 'confirmed',
    source:
      'NLC art. 87: save in urgency, in writing with the agenda at least seven clear days before the sitting',
  },
  publication: {
    value: { agendaDaysBefore: null, decisionListDaysAfter: null, closedDecisions: 'none' },
    status: 'council',
    source:
      'no article of the Nouvelle loi communale requires a linked publication of agendas and decision lists: a council may publish them as Flanders does (its house rules, as overrides)',
  },
};
