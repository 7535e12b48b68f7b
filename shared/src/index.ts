export * from './agenda';
export { itemStatus, type AgendaProgress, type ItemStatus } from './agenda/progress';
export type { Procedure } from './agenda/procedure';
export { labelSeparators, procedureVoteWords } from './agenda/procedure-words';
export { sessionOf } from './agenda/session';
export { titleIn } from './agenda/title';
export { adoptedText, type AdoptedArticle, type AdoptedText } from './agenda/adopted-text';
export { quorum } from './attendance/quorum';
export * from './commands';
export { convokedMembers, noticeShortfall } from './convocation';
export type * from './convocation/types';
export { deliveryFailures, sittingModes } from './convocation/types';
export type { ConvocationEvent } from './convocation/events';
export { inOneFold, memo } from './copy-on-write';
export * from './council';
export { decide, evolve, fold } from './decider';
export { documentLinkRefusal, itemDocumentsFor, MAX_ITEM_DOCUMENTS } from './documents';
export type { Decision, SecretBallot } from './decision';
export * from './errors';
export type * from './events';
export * from './language';
export * from './minutes';
export { sittingStatus, type SittingStatus } from './meeting/suspension';
export { mayIssue, permissions, SECRETARIAT_ROLE } from './permissions';
export * from './profiles';
export {
  lastPublication,
  publicationKinds,
  type Publication,
  type PublicationKind,
} from './publication/register';
export { publicationDeadlines, type PublicationDeadline } from './publication/deadlines';
export * from './roster';
export { signatoriesOf, signatoriesWaiting } from './signing/signatories';
export { evolveSpeaking, speakingTime } from './speaking/decider';
export * from './state';
export { currentCeremony, tellersReady, waitingTrustees } from './tellers/ready';
export { countNeeds, sealingCeremony, type CountNeeds } from './tellers/sealing-ceremony';
export { serviceTrusteeWords } from './tellers/service-words';
export { dealCommand, receivedCommand, tallyShareCommand } from './tellers/steps';
export { COUNCIL_TIME_ZONE } from './time-zone';
export { countElection, countQuestion, votesNeeded } from './votes/count';
export { baseCount, type MajorityBase } from './votes/majority';
export { isPlainMajority, majorityInWords, majorityName } from './votes/majority-words';
export { secretAllowed } from './votes/secrecy';
export { ballotRefusal } from './votes/ballot';
export { absenceRefusal, hasTakenPart, isEntitled } from './votes/participation';
export * from './votes/result';
export { genderOfCandidate } from './votes/appointed';
export { secondRound, type SecondRound } from './votes/runoff';
export * from './visibility';
export { membersNamed } from './named';
