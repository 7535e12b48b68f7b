import type { RulesProfile } from './profile';

/** Robert's Rules of Order Newly Revised. */
export const roberts: RulesProfile = {
  id: 'roberts',
  quorumBase: {
    value: 'membersInOffice',
    status: 'unconfirmed',
    source: 'RONR: a majority of the membership',
  },
  quorumWaiver: { value: null, status: 'unconfirmed', source: 'RONR: no waiver' },
  majorityBase: {
    value: 'votesCast',
    status: 'confirmed',
    source: 'RONR: more than half of the votes cast, blanks and abstentions excluded',
  },
  abstentionsCount: { value: false, status: 'confirmed', source: 'RONR' },
  tieRule: {
    value: { question: 'rejected', appointment: { runoff: false, tieBreak: 'none' } },
    status: 'confirmed',
    source: 'RONR: a tie vote fails; elections repeat until a majority',
  },
  thresholds: {
    value: ['1/2', '2/3'],
    status: 'confirmed',
    source:
      'RONR: 2/3 for previous question, limiting debate, closing nominations, suspending rules',
  },
  thresholdBases: {
    value: ['votesCast', 'membersPresent', 'membersInOffice'],
    status: 'confirmed',
    source:
      'RONR: a 2/3 vote is of the votes cast unless the rules say of the members present or of the entire membership',
  },
  secretSubjects: { value: [], status: 'council', source: 'as the bylaws say' },
  secretOtherwise: {
    value: true,
    status: 'council',
    source: 'RONR: a ballot vote may be ordered by the assembly, or required by the bylaws',
  },
  publicVoteOrder: {
    value: { order: 'seat', chairVotesLast: true },
    status: 'confirmed',
    source: 'RONR: the chair votes only by ballot or when decisive',
  },
  voteChangeUntilClose: {
    value: true,
    status: 'confirmed',
    source: 'RONR: until the result is announced',
  },
  suspension: { value: true, status: 'confirmed', source: 'RONR: recess, a privileged motion' },
  namedVoteInMinutes: { value: 'everyMember', status: 'council', source: 'as the bylaws say' },
  remoteRestrictions: { value: [], status: 'council', source: 'only if the bylaws allow' },
  conflictOfInterest: {
    value: { leavesRoom: false },
    status: 'unconfirmed',
    source:
      'RONR: a member should not vote on a question in which they have a direct personal or pecuniary interest',
  },
  minutesSignedBy: {
    value: ['director'],
    status: 'unconfirmed',
    source: 'RONR: the secretary, per bylaws',
  },
  closedSession: {
    value: { mandatory: [], byTwoThirds: false, never: [] },
    status: 'council',
    source: 'executive session per bylaws',
  },
  urgency: {
    value: { allowed: true, threshold: '1/2', base: 'votesCast' },
    status: 'unconfirmed',
    source: 'RONR: new business is taken up when the assembly so decides, by a majority',
  },
  motionsNeedSecond: { value: true, status: 'confirmed', source: 'RONR: seconding a motion' },
  joiningCallIsPresence: {
    value: false,
    status: 'unconfirmed',
    source: 'no source says joining the call is enough: members answer the roll call',
  },
  quorumAt: {
    value: 'decision',
    status: 'unconfirmed',
    source: 'RONR: a quorum must be present when business is transacted, a vote included',
  },
  presenceToCast: {
    value: { present: true, returningMayVote: true },
    status: 'unconfirmed',
    source:
      'RONR: only members present vote; one who enters before the result is announced may vote',
  },
  sealedBox: {
    value: { tellers: 2, threshold: 2, director: true, service: false },
    status: 'council',
    source:
      'RONR §45 (ballot voting): tellers appointed by the chair count the ballots; here the secretary and two tellers, any two of them',
  },
  noticePeriod: {
    value: { days: null, clear: false, repeatDays: null, urgency: false },
    status: 'council',
    source: 'RONR: the notice the bylaws prescribe',
  },
  publication: {
    value: { agendaDaysBefore: null, decisionListDaysAfter: null, closedDecisions: 'none' },
    status: 'council',
    source:
      'RONR requires no publication of agendas or decision lists: an assembly may publish them as its bylaws say (overrides)',
  },
};
