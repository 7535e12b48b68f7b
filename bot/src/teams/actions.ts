import { createHash } from 'node:crypto';
import { thresholdBases, thresholds, type WireCommand } from '@council/shared';
import { z } from 'zod';
import { cardKinds } from './cards';
import { AMENDED_ARTICLE, MOTION_TEXT } from './cards/motion';

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w.:-]+$/);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const cardRef = z.object({ kind: z.enum(cardKinds), id });

/** Every button of a meeting's cards names the meeting, its card and the version it was drawn at. */
const onCard = { meetingId: id, card: cardRef, v: z.number().int().min(0).optional() };

const verb = <V extends string, S extends z.ZodRawShape>(name: V, shape: S) =>
  z.object({ verb: z.literal(name), data: z.object({ ...onCard, ...shape }) });

const motionText = z.string().max(20_000);

/** What a card button may ask, as Teams sends it in an `adaptiveCard/action` invoke. */
export const cardActionSchema = z.discriminatedUnion('verb', [
  verb('refresh', {}),
  verb('meeting.open', {}),
  verb('meeting.next', {}),
  verb('item.takeUp', { itemId: id }),
  verb('item.withdraw', { itemId: id }),
  verb('item.postpone', { itemId: id }),
  verb('item.closedSession', { itemId: id, because: z.enum(['person']).optional() }),
  verb('rollCall.open', {}),
  verb('rollCall.answer', { rollCallId: id }),
  verb('rollCall.close', { rollCallId: id }),
  verb('conflict.declare', { itemId: id, member: id.optional() }),
  verb('motion.propose', { itemId: id, [MOTION_TEXT]: motionText }),
  verb('motion.second', { motionId: id }),
  verb('motion.amend', {
    motionId: id,
    [MOTION_TEXT]: motionText,
    [AMENDED_ARTICLE]: z.union([z.literal(''), z.string().regex(/^[1-9]\d{0,2}$/)]).optional(),
  }),
  verb('motion.withdraw', { motionId: id }),
  verb('vote.open', {
    motionId: id.optional(),
    secret: z.boolean(),
    threshold: z.enum(thresholds).optional(),
    base: z.enum(thresholdBases).optional(),
  }),
  verb('vote.cast', { voteId: id, choice: id }),
  verb('vote.close', { voteId: id }),
  verb('vote.runoff', { voteId: id }),
  verb('result.publish', { voteId: id }),
  verb('meeting.close', {}),
  verb('member.excuse', { member: id }),
  verb('convocation.acknowledge', {}),
  verb('minutes.approve', { pdf: sha256, lastEvent: sha256 }),
]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CommandAction = Exclude<CardAction, { verb: 'refresh' }>;

/** The button that links a chat: it is drawn before there is a meeting card to belong to. */
export const linkActionSchema = z.object({
  verb: z.literal('meeting.link'),
  data: z.object({ meetingId: id }),
});

export const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
});

export function commandOf(action: CommandAction): WireCommand {
  switch (action.verb) {
    case 'meeting.open':
      return { type: 'OpenMeeting' };
    case 'meeting.next':
      return { type: 'NextItem' };
    case 'item.takeUp':
      return { type: 'TakeUpItem', itemId: action.data.itemId };
    case 'item.withdraw':
      return { type: 'WithdrawItem', itemId: action.data.itemId };
    case 'item.postpone':
      return { type: 'PostponeItem', itemId: action.data.itemId };
    case 'item.closedSession': {
      const { itemId, because } = action.data;
      return because
        ? { type: 'MoveToClosedSession', itemId, because }
        : { type: 'MoveToClosedSession', itemId };
    }
    case 'rollCall.open':
      return { type: 'OpenRollCall' };
    case 'rollCall.answer':
      return { type: 'AnswerRollCall' };
    case 'rollCall.close':
      return { type: 'CloseRollCall' };
    case 'conflict.declare': {
      const { itemId, member } = action.data;
      return member
        ? { type: 'DeclareConflict', itemId, member }
        : { type: 'DeclareConflict', itemId };
    }
    case 'motion.propose':
      return { type: 'ProposeMotion', text: action.data[MOTION_TEXT] };
    case 'motion.second':
      return { type: 'SecondMotion', motionId: action.data.motionId };
    case 'motion.amend': {
      const article = action.data[AMENDED_ARTICLE];
      return {
        type: 'ProposeAmendment',
        motionId: action.data.motionId,
        text: action.data[MOTION_TEXT],
        ...(article ? { article: Number(article) } : {}),
      };
    }
    case 'motion.withdraw':
      return { type: 'WithdrawMotion', motionId: action.data.motionId };
    case 'vote.open': {
      const { motionId, secret, threshold, base } = action.data;
      const how = { secret, ...(threshold ? { threshold } : {}), ...(base ? { base } : {}) };
      return motionId ? { type: 'OpenVote', motionId, ...how } : { type: 'OpenVote', ...how };
    }
    case 'vote.cast':
      return { type: 'CastBallot', voteId: action.data.voteId, choice: action.data.choice };
    case 'vote.close':
      return { type: 'CloseVote', voteId: action.data.voteId };
    case 'vote.runoff':
      return { type: 'OpenVote', runoffOf: action.data.voteId };
    case 'result.publish':
      return { type: 'PublishResult', voteId: action.data.voteId };
    case 'meeting.close':
      return { type: 'CloseMeeting' };
    case 'member.excuse':
      return { type: 'ExcuseMember', member: action.data.member };
    case 'convocation.acknowledge':
      return { type: 'AcknowledgeConvocation' };
    case 'minutes.approve':
      return { type: 'ApproveMinutes', pdf: action.data.pdf, lastEvent: action.data.lastEvent };
    default: {
      const _exhaustive: never = action;
      return _exhaustive;
    }
  }
}

function hashed(parts: readonly (string | number)[]): string {
  return `chat:${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40)}`;
}

/**
 * The command id of a button press, so that a Teams retry or a double click is applied once:
 * the same member pressing the same button on the same drawing of a card gives the same id.
 * A ballot's id is the voter's and the vote's only; in a secret vote it never depends on the
 * choice, since command ids are stored beside the log.
 */
export function commandIdOf(action: CommandAction, member: string, secretVote: boolean): string {
  switch (action.verb) {
    case 'vote.cast':
      return secretVote
        ? hashed(['ballot', action.data.voteId, member])
        : hashed(['ballot', action.data.voteId, member, action.data.choice, action.data.v ?? '']);
    case 'rollCall.answer':
      return hashed(['rollCall', action.data.rollCallId, member]);
    // A vote has one second round: every press for it, from any drawing of the card, is one command.
    case 'vote.runoff':
      return hashed(['runoff', action.data.meetingId, action.data.voteId, member]);
    default:
      return hashed([
        action.verb,
        action.data.meetingId,
        member,
        action.data.v ?? '',
        JSON.stringify(commandOf(action)),
      ]);
  }
}

/** A member's opening of their convocation: once per member and meeting, whichever card. */
export function convocationOpenedId(meetingId: string, member: string): string {
  return hashed(['convocation.opened', meetingId, member]);
}

/** A text command's id: Teams retries a message with the same activity id. */
export function messageCommandId(activityId: string, member: string, index = 0): string {
  return hashed(['message', activityId, member, index]);
}

/** The command id of a member joining or leaving the call, as one Teams event reported it. */
export function callCommandId(
  activityId: string,
  command: Extract<WireCommand, { type: 'JoinCall' | 'LeaveCall' }>,
): string {
  return hashed(['call', activityId, command.type, command.member]);
}
