import {
  actorOf,
  emptyQueue,
  mayIssue,
  membersInOffice,
  membersNamed,
  messageOf,
  secondRound,
  type Meeting,
  type WireCommand,
} from '@council/shared';
import type { TurnContext } from 'botbuilder';
import type { LoadedMeeting } from '../meetings/service';
import type { Speaker } from './activity';
import { closingCard, excuseCard, type Card } from './cards';
import type { TextCommand } from './text-commands';
import type { CardViews, Notice } from './views';

/** What the chair (and, to excuse or publish, the director) writes to run the sitting. */
export type ChairCommand = Extract<
  TextCommand,
  'adjourn' | 'previous' | 'excuse' | 'floor' | 'end' | 'publish' | 'runoff' | 'suspend' | 'resume'
>;

export interface ChairTurnsDeps {
  readonly views: CardViews;
  readonly reply: (context: TurnContext, text: string) => Promise<void>;
  readonly replyCard: (context: TurnContext, card: Card) => Promise<void>;
  /** Runs a command as the speaker: a refusal is said in the chat, success shows on the cards. */
  readonly command: (
    context: TurnContext,
    who: Speaker,
    loaded: LoadedMeeting,
    wire: WireCommand,
    said?: string,
    index?: number,
  ) => Promise<void>;
}

/** Members in office who may still be excused: neither present nor excused already. */
function excusable(meeting: Meeting) {
  return membersInOffice(meeting.setup.roster).filter(
    (member) => (meeting.attendance[member.id]?.status ?? 'absent') === 'absent',
  );
}

/** The vote of the current item whose tie a second round settles, the latest first. */
function tiedVoteOf(meeting: Meeting): string | undefined {
  const onItem = Object.values(meeting.votes).filter((v) => v.itemId === meeting.currentItemId);
  const tied = onItem.filter((vote) => secondRound(meeting, vote.id).ok);
  return (tied.at(-1) ?? onItem.at(-1))?.id;
}

export function createChairTurns(deps: ChairTurnsDeps) {
  const { views, reply, replyCard, command } = deps;

  const refuse = (context: TurnContext, who: Speaker, code: 'NOT_AUTHORIZED' | 'NO_RUNOFF') =>
    reply(context, messageOf({ code }, who.language));

  async function excuse(context: TurnContext, who: Speaker, loaded: LoadedMeeting, name: string) {
    if (loaded.state.status === 'none') return;
    const meeting = loaded.state;
    if (!mayIssue(actorOf(meeting.setup.roster, who.member), 'ExcuseMember')) {
      return refuse(context, who, 'NOT_AUTHORIZED');
    }
    const candidates = excusable(meeting);
    const named = membersNamed(candidates, name);
    const [only] = named;
    if (only && named.length === 1) {
      return command(
        context,
        who,
        loaded,
        { type: 'ExcuseMember', member: only.id },
        who.t('done.excused'),
      );
    }
    // Nobody or several by that name: the chair picks from the list, narrowed when it can be.
    const notice: Notice | undefined =
      name && named.length === 0
        ? { text: who.t('excuse.notFound', { name: name.slice(0, 100) }), tone: 'attention' }
        : undefined;
    const view = views.viewOf(loaded, who, notice);
    return replyCard(context, excuseCard(view, named.length > 1 ? named : candidates));
  }

  /** The floor to the member named, among those waiting on the current item; else to the next. */
  function floor(meeting: Meeting, name: string): WireCommand | undefined {
    const queue = (meeting.currentItemId && meeting.queues[meeting.currentItemId]) || emptyQueue;
    if (!name) return { type: 'GiveFloor' };
    const waiting = queue.requests.map((request) => ({
      request,
      name: meeting.setup.roster.find((m) => m.id === request.member)?.name ?? '',
    }));
    const [named] = membersNamed(waiting, name);
    return named && { type: 'GiveFloor', requestId: named.request.id };
  }

  /** The director publishes every result waiting for them, in the order the votes closed. */
  async function publish(context: TurnContext, who: Speaker, loaded: LoadedMeeting) {
    if (loaded.state.status === 'none') return;
    const meeting = loaded.state;
    if (!mayIssue(actorOf(meeting.setup.roster, who.member), 'PublishResult')) {
      return refuse(context, who, 'NOT_AUTHORIZED');
    }
    const counted = Object.values(meeting.votes).filter((vote) => vote.status === 'counted');
    if (counted.length === 0) return reply(context, who.t('results.toPublishNone'));
    for (const [index, vote] of counted.entries()) {
      await command(
        context,
        who,
        loaded,
        { type: 'PublishResult', voteId: vote.id },
        undefined,
        index,
      );
    }
  }

  return async function chairSaid(
    context: TurnContext,
    who: Speaker,
    loaded: LoadedMeeting,
    said: ChairCommand,
    rest: string,
  ): Promise<void> {
    if (loaded.state.status === 'none') return;
    const meeting = loaded.state;
    switch (said) {
      case 'adjourn':
        if (!mayIssue(actorOf(meeting.setup.roster, who.member), 'CloseMeeting')) {
          return refuse(context, who, 'NOT_AUTHORIZED');
        }
        return replyCard(context, closingCard(views.viewOf(loaded, who)));
      case 'previous':
        return command(context, who, loaded, { type: 'PreviousItem' });
      case 'excuse':
        return excuse(context, who, loaded, rest);
      case 'floor': {
        const wire = floor(meeting, rest);
        if (!wire) return reply(context, messageOf({ code: 'REQUEST_NOT_FOUND' }, who.language));
        return command(context, who, loaded, wire);
      }
      case 'end':
        return command(context, who, loaded, { type: 'EndSpeech' });
      case 'suspend':
        return command(context, who, loaded, { type: 'SuspendSitting' });
      case 'resume':
        return command(context, who, loaded, { type: 'ResumeSitting' });
      case 'publish':
        return publish(context, who, loaded);
      case 'runoff': {
        const voteId = tiedVoteOf(meeting);
        if (!voteId) return refuse(context, who, 'NO_RUNOFF');
        return command(context, who, loaded, { type: 'OpenVote', runoffOf: voteId });
      }
      default: {
        const _exhaustive: never = said;
        return _exhaustive;
      }
    }
  };
}
