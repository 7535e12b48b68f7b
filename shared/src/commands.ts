import { z } from 'zod';
import { deliveryFailures, sittingModes } from './convocation/types';
import { languages } from './language';
import { profileIds, subjects, thresholdBases, thresholds } from './profiles';
import { publicationKinds } from './publication/register';
import { genders, memberFunctions, roles, SYSTEM } from './roster';
import {
  aggregateSchema,
  boxKeySchema,
  commitmentsSchema,
  dealtSharesSchema,
  evidenceSchema,
  MAX_TRUSTEES,
  partialDecryptionSchema,
  sealedBallotSchema,
} from './tellers/wire';

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only');
/** PostgreSQL keeps no NUL character and no half of a surrogate pair, in text or in jsonb. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (value: string) => !value.includes('\u0000') && !loneSurrogate.test(value);
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine(storable, 'no NUL character, no lone surrogate');
const isoDate = z.iso.date();
/** A SHA-256 in lower-case hex, as the log's hashes are written. */
const sha256 = evidenceSchema;

/** A title in the languages given; the meeting's own language is required by the setup's rules. */
export const localizedTextSchema = z.object({
  fr: text(500).optional(),
  nl: text(500).optional(),
  de: text(500).optional(),
  en: text(500).optional(),
});

export const memberSchema = z.object({
  id: id.refine((value) => value !== SYSTEM, 'reserved id'),
  name: text(200),
  role: z.enum(roles),
  group: text(200).optional(),
  seat: z.number().int().min(0).max(20_000).optional(),
  birthDate: isoDate.optional(),
  title: text(200).optional(),
  gender: z.enum(genders).optional(),
  function: z.enum(memberFunctions).optional(),
  /** The language the bot writes to the member in (their convocation); the meeting's by default. */
  language: z.enum(languages).optional(),
  /** The member's mandate in the Flemish Mandatendatabank, named in the linked publication. */
  mandataris: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
});

export const candidateSchema = z.object({
  id,
  name: text(200),
  memberId: id.optional(),
  birthDate: isoDate.optional(),
});

export const agendaItemSchema = z.object({
  id,
  title: localizedTextSchema,
  session: z.enum(['public', 'closed']),
  subject: z.enum(subjects).default('general'),
  expectedVote: z.enum(['named', 'secret', 'none']).default('named'),
  candidates: z.array(candidateSchema).max(100).default([]),
  /** The draft decision, in the meeting's language: "Vu …", "Considérant …", then its articles. */
  deliberation: z
    .object({
      recitals: z.array(text(5_000)).max(100),
      articles: z.array(text(5_000)).min(1).max(100),
    })
    .optional(),
  /** On the approval of minutes: the date of the sitting they record. */
  previousSitting: isoDate.optional(),
  /** On the approval of minutes: the SHA-256 (hex) of that sitting's sealed minutes. */
  previousMinutes: sha256.optional(),
});

// Large enough for an assembly of thousands (a party congress, a general assembly), not more.
const rosterSchema = z.array(memberSchema).min(1).max(20_000);
/** The most items an agenda holds, urgent items added in the sitting included. */
export const MAX_AGENDA_ITEMS = 500;
const agendaSchema = z.array(agendaItemSchema).max(MAX_AGENDA_ITEMS);

/** Each rule a council may set differently from its region (see profiles/profile.ts). */
export const profileOverridesSchema = z
  .object({
    quorumWaiver: z.number().int().min(1).nullable(),
    abstentionsCount: z.boolean(),
    tieRule: z.object({
      question: z.literal('rejected'),
      appointment: z.object({ runoff: z.boolean(), tieBreak: z.enum(['older', 'none']) }),
    }),
    thresholds: z.array(z.enum(thresholds)),
    thresholdBases: z.array(z.enum(thresholdBases)),
    secretSubjects: z.array(z.enum(subjects)),
    secretOtherwise: z.boolean(),
    publicVoteOrder: z.object({ order: z.literal('seat'), chairVotesLast: z.boolean() }),
    voteChangeUntilClose: z.boolean(),
    suspension: z.boolean(),
    namedVoteInMinutes: z.enum(['totalsAndNamesAgainstAndAbstaining', 'everyMember']),
    remoteRestrictions: z.array(z.enum(subjects)),
    conflictOfInterest: z.object({ leavesRoom: z.boolean() }),
    minutesSignedBy: z.array(z.enum(['chair', 'director'])),
    closedSession: z.object({
      mandatory: z.array(z.enum(subjects)),
      byTwoThirds: z.boolean(),
      never: z.array(z.enum(subjects)),
    }),
    urgency: z.object({
      allowed: z.boolean(),
      threshold: z.enum(thresholds),
      base: z.enum(thresholdBases),
    }),
    motionsNeedSecond: z.boolean(),
    joiningCallIsPresence: z.boolean(),
    quorumAt: z.enum(['opening', 'decision']),
    presenceToCast: z.object({ present: z.boolean(), returningMayVote: z.boolean() }),
    sealedBox: z
      .object({
        tellers: z
          .number()
          .int()
          .min(0)
          .max(MAX_TRUSTEES - 1),
        threshold: z.number().int().min(2).max(MAX_TRUSTEES),
        director: z.boolean(),
        service: z.boolean().default(false),
      })
      .refine(
        (rule) => rule.threshold <= rule.tellers + (rule.director ? 1 : 0) + (rule.service ? 1 : 0),
        'no more trustees needed than there are',
      ),
    noticePeriod: z.object({
      days: z.number().int().min(0).max(90).nullable(),
      clear: z.boolean(),
      repeatDays: z.number().int().min(0).max(90).nullable(),
      urgency: z.boolean(),
    }),
    publication: z.object({
      agendaDaysBefore: z.number().int().min(0).max(90).nullable(),
      decisionListDaysAfter: z.number().int().min(0).max(90).nullable(),
      closedDecisions: z.enum(['none', 'subject']),
    }),
  })
  .partial()
  .strict();

export const rulesChoiceSchema = z.object({
  profile: z.enum(profileIds),
  overrides: profileOverridesSchema.default({}),
});

export const meetingSetupSchema = z.object({
  title: text(300),
  municipality: text(200),
  language: z.enum(languages),
  mode: z.enum(sittingModes),
  tool: text(100),
  scheduledStart: z.iso.datetime({ offset: true }),
  /** The third convocation of a council that lacked quorum may deliberate anyway (CDLD L1122-17). */
  convocation: z.number().int().min(1).max(10).default(1),
  roster: rosterSchema,
  agenda: agendaSchema,
  rules: rulesChoiceSchema,
  /** Where the public watches the sitting, which is public (CDLD L1122-20); https only. */
  livestream: z
    .url({ protocol: /^https$/ })
    .max(2_000)
    .optional(),
});

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

/** Every command as it arrives from the tab or the bot: the service adds who, when and new ids. */
export const wireCommandSchema = z.discriminatedUnion('type', [
  command('CreateMeeting', { setup: meetingSetupSchema }),
  command('ReviseAgenda', { agenda: agendaSchema }),
  command('ReviseRoster', { roster: rosterSchema }),
  command('ChooseRules', { rules: rulesChoiceSchema }),
  command('ChooseLanguage', { language: z.enum(languages) }),
  /** The sitting's mode as convened (the setup's by default), its place, or tool, how to join and why. */
  command('ConveneMeeting', {
    mode: z.enum(sittingModes).optional(),
    place: text(300).optional(),
    tool: text(100).optional(),
    join: text(2_000).optional(),
    reason: text(1_000).optional(),
    urgent: z.boolean().optional(),
  }),
  /** What Teams answered when the service sent a member's convocation: delivered, or why not. */
  command('RecordConvocationDelivery', {
    member: id,
    sending: z.number().int().min(1).max(10_000),
    failure: z.enum(deliveryFailures).optional(),
  }),
  command('OpenConvocation', {}),
  command('AcknowledgeConvocation', {}),
  command('ResendConvocation', { member: id }),
  command('OpenMeeting', {}),
  command('CloseMeeting', {}),
  command('NextItem', {}),
  command('PreviousItem', {}),
  command('TakeUpItem', { itemId: id }),
  command('WithdrawItem', { itemId: id, reason: text(1_000).optional() }),
  command('PostponeItem', { itemId: id, reason: text(1_000).optional() }),
  /** `because`: what the debate turned to, when it is a subject the rules close at once. */
  command('MoveToClosedSession', { itemId: id.optional(), because: z.enum(subjects).optional() }),
  command('ProposeUrgentItem', { title: text(500), subject: z.enum(subjects).default('general') }),
  command('CheckIn', {}),
  command('CheckOut', {}),
  command('ExcuseMember', { member: id }),
  command('OpenRollCall', {}),
  command('AnswerRollCall', {}),
  command('CloseRollCall', {}),
  command('JoinCall', { member: id }),
  command('LeaveCall', { member: id }),
  /** Without `member`, the issuer declares their own conflict; with it, the chair records one. */
  command('DeclareConflict', { itemId: id, member: id.optional() }),
  command('LiftConflict', { itemId: id, member: id }),
  command('RequestFloor', { kind: z.enum(['contribution', 'pointOfOrder', 'reply']) }),
  command('WithdrawRequest', { requestId: id }),
  command('MoveRequest', { requestId: id, position: z.number().int().min(0).max(10_000) }),
  command('GiveFloor', { requestId: id.optional() }),
  command('EndSpeech', {}),
  command('ProposeMotion', { text: text(5_000) }),
  command('SecondMotion', { motionId: id }),
  command('ProposeAmendment', {
    motionId: id,
    text: text(5_000),
    /** The article of the item's deliberation the amendment replaces (1-based). */
    article: z.number().int().min(1).max(100).optional(),
  }),
  command('WithdrawMotion', { motionId: id }),
  command('OpenVote', {
    motionId: id.optional(),
    runoffOf: id.optional(),
    secret: z.boolean().optional(),
    threshold: z.enum(thresholds).optional(),
    base: z.enum(thresholdBases).optional(),
  }),
  /** A named vote takes `choice`; a secret one a sealed `ballot` (the service seals a card's choice). */
  command('CastBallot', {
    voteId: id,
    choice: id.optional(),
    ballot: sealedBallotSchema.optional(),
  }).refine(
    (cast) => (cast.choice === undefined) !== (cast.ballot === undefined),
    'a choice or a sealed ballot, one of them',
  ),
  command('CloseVote', { voteId: id }),
  command('CountVote', {
    voteId: id,
    tally: z.record(id, z.number().int().min(0)).optional(),
    /** A sealed vote's: SHA-256 (hex) of the tally record anyone can check. */
    evidence: evidenceSchema.optional(),
  }),
  command('NameTellers', { tellers: z.array(id).max(MAX_TRUSTEES) }),
  command('CommitTrusteeKey', { boxKey: boxKeySchema, commitments: commitmentsSchema }),
  command('DealTrusteeShares', { shares: dealtSharesSchema }),
  command('ConfirmTrusteeShares', {}),
  command('ComplainTrusteeShares', { against: id }),
  /** A trustee's own word that their share of the ceremony's key is gone. */
  command('DeclareShareLost', { ceremony: z.number().int().min(1) }),
  command('AggregateBallots', { voteId: id, aggregate: aggregateSchema }),
  command('DecryptTally', { voteId: id, partial: partialDecryptionSchema }),
  command('PublishResult', { voteId: id }),
  command('SuspendSitting', {}),
  command('ResumeSitting', {}),
  /** A link to a file in the council's SharePoint or OneDrive; the service checks the host. */
  command('AttachDocument', { itemId: id, title: text(300), url: z.string().max(2_000) }),
  command('RemoveDocument', { itemId: id, documentId: id }),
  /** The final minutes as the director read them: their PDF's and the log's last event's hashes. */
  command('SubmitMinutes', { seq: z.number().int().min(1), pdf: sha256, lastEvent: sha256 }),
  command('ApproveMinutes', { pdf: sha256, lastEvent: sha256 }),
  /** The service's, with the SHA-256 of the sealed PDF. */
  command('SealMinutes', { sealed: sha256 }),
  /** A correction of the previous minutes the council adopted on their approval item. */
  command('CorrectMinutes', { itemId: id, text: text(5_000) }),
  /** The service's: a public document as it went online, for the register of publications. */
  command('PublishDocument', {
    kind: z.enum(publicationKinds),
    path: z
      .string()
      .min(1)
      .max(500)
      .regex(/^\/public\/[\w./%-]+$/),
    sha256,
    asOf: z.number().int().min(0),
  }),
]);

export type WireCommand = z.infer<typeof wireCommandSchema>;
export type CommandType = WireCommand['type'];
export type MeetingSetup = z.infer<typeof meetingSetupSchema>;
export type MeetingSetupInput = z.input<typeof meetingSetupSchema>;

/** Filled in by the service: the domain reads no clock and makes no ids. */
export interface CommandContext {
  readonly by: string;
  /** ISO 8601 time the service received the command. */
  readonly at: string;
  /** A fresh id for whatever the command creates (a request, a motion, a vote). */
  readonly newId: string;
}

export type Command = WireCommand & CommandContext;
export type CommandOf<T extends CommandType> = Extract<WireCommand, { type: T }> & CommandContext;

export const commandTypes: readonly CommandType[] = wireCommandSchema.options.map(
  (option): CommandType => option.shape.type.value,
);
