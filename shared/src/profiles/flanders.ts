import type { RulesProfile } from './profile';

/** Decreet Lokaal Bestuur and Flemish house rules. */
export const flanders: RulesProfile = {
  id: 'flanders',
  quorumBase: {
    value: 'membersInOffice',
    status: 'unconfirmed',
    source: 'Decreet Lokaal Bestuur: more than half of the sitting members',
  },
  quorumWaiver: {
    value: 2,
    status: 'unconfirmed',
    source: 'Decreet Lokaal Bestuur: second convocation',
  },
  majorityBase: {
    value: 'votesCast',
    status: 'unconfirmed',
    source: 'Decreet Lokaal Bestuur: absolute majority of votes cast',
  },
  abstentionsCount: { value: false, status: 'unconfirmed', source: 'Decreet Lokaal Bestuur' },
  tieRule: {
    value: { question: 'rejected', appointment: { runoff: true, tieBreak: 'none' } },
    status: 'unconfirmed',
    source: 'Decreet Lokaal Bestuur: a tie rejects',
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
      'Decreet Lokaal Bestuur art. 33: votes cast; two thirds of the members present for a closed session; members in office as the house rules require',
  },
  secretSubjects: {
    value: ['presentation', 'appointment', 'leave', 'suspension', 'discipline', 'person'],
    status: 'unconfirmed',
    source: 'Decreet Lokaal Bestuur: decisions about persons',
  },
  secretOtherwise: {
    value: false,
    status: 'unconfirmed',
    source:
      'Decreet Lokaal Bestuur art. 34 (reading): votes on persons are secret; a secret ballot is an exception to the public vote, so no other subject is voted in secret',
  },
  publicVoteOrder: {
    value: { order: 'seat', chairVotesLast: false },
    status: 'council',
    source: 'per house rules',
  },
  voteChangeUntilClose: { value: false, status: 'unconfirmed', source: 'no source found' },
  suspension: {
    value: true,
    status: 'unconfirmed',
    source: 'DLB: the chair keeps order in the sitting; the huishoudelijk reglement',
  },
  namedVoteInMinutes: {
    value: 'everyMember',
    status: 'confirmed',
    source: 'vlaanderen.be, notulen: each member’s vote except in secret votes',
  },
  remoteRestrictions: {
    value: [],
    status: 'confirmed',
    source:
      'Decreet Lokaal Bestuur art. 20 as amended 16 July 2021 and BVR of 10 September 2021: the house rules decide',
  },
  conflictOfInterest: {
    value: { leavesRoom: false },
    status: 'confirmed',
    source:
      'Decreet Lokaal Bestuur art. 27: the member takes no part in the debate and the vote; leaving the room is for the house rules',
  },
  minutesSignedBy: {
    value: ['chair', 'director'],
    status: 'confirmed',
    source: 'DLB art. 32 and art. 278: the council chair and the algemeen directeur, not delegable',
  },
  closedSession: {
    value: {
      mandatory: ['person', 'discipline', 'suspension', 'leave'],
      byTwoThirds: true,
      never: [],
    },
    status: 'confirmed',
    source: 'matters touching a person’s privacy; otherwise 2/3 of those present, with reasons',
  },
  urgency: {
    value: { allowed: true, threshold: '2/3', base: 'membersPresent' },
    status: 'unconfirmed',
    source:
      'DLB art. 21: urgency declared by at least two thirds of the members present (usual reading)',
  },
  motionsNeedSecond: { value: false, status: 'unconfirmed', source: 'no seconding in the decree' },
  joiningCallIsPresence: {
    value: false,
    status: 'unconfirmed',
    source: 'no source says joining the call is enough: members answer the roll call',
  },
  quorumAt: {
    value: 'decision',
    status: 'unconfirmed',
    source:
      'Decreet Lokaal Bestuur art. 28 §1: the council deliberates and decides only with a majority of its sitting members present',
  },
  presenceToCast: {
    value: { present: true, returningMayVote: true },
    status: 'unconfirmed',
    source:
      'Decreet Lokaal Bestuur art. 28 §1, reading: only members present take part in the decision; one who returns is present again',
  },
  sealedBox: {
    value: { tellers: 2, threshold: 2, director: true, service: false },
    status: 'council',
    source:
      'DLB art. 34 (secret ballot): the tellers (stemopnemers) who count it, and how many, as the huishoudelijk reglement sets; here the algemeen directeur and two tellers, any two of them',
  },
  noticePeriod: {
    value: { days: 8, clear: false, repeatDays: null, urgency: true },
    status: 'confirmed',
    source:
      'DLB art. 20: the convocation and the agenda at least eight days before the day of the sitting, the agenda published on the website (agency publication guide); shorter in urgency is the usual reading, unconfirmed',
  },
  publication: {
    value: { agendaDaysBefore: 8, decisionListDaysAfter: 10, closedDecisions: 'subject' },
    status: 'confirmed',
    source:
      'DLB art. 285 and art. 286 (BVR of 20 April 2018): the agenda on the website at the latest when the convocation goes out, eight days before the day of the sitting; the decision list within ten days after it (agency publication guide). The decision list names every decision, those of a closed session briefly and without what touches a person’s privacy: the usual reading, unconfirmed',
  },
};
