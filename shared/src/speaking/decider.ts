import type { CommandContext, CommandOf } from '../commands';
import { accept, refuse, stamp, type Decision } from '../decision';
import type { SpeakingEvent } from '../events';
import { currentItem, isPresent, notInSession, suspended } from '../guards';
import { actorOf } from '../roster';
import {
  emptyQueue,
  type FloorKind,
  type FloorRequest,
  type Meeting,
  type SpeakingQueue,
} from '../state';

export type SpeakingCommand = CommandOf<
  'RequestFloor' | 'WithdrawRequest' | 'MoveRequest' | 'GiveFloor' | 'EndSpeech'
>;

/** A point of order goes ahead of everything, a reply to the speaker ahead of new contributions. */
const precedence: Readonly<Record<FloorKind, number>> = {
  pointOfOrder: 0,
  reply: 1,
  contribution: 2,
};

export function queueOf(meeting: Meeting, itemId: string | null): SpeakingQueue {
  return (itemId && meeting.queues[itemId]) || emptyQueue;
}

/** The speech in progress on the current item ends, timed by the command that ends it. */
export function speechEnded(meeting: Meeting, command: CommandContext): SpeakingEvent[] {
  const itemId = meeting.currentItemId;
  const queue = queueOf(meeting, itemId);
  if (!itemId || queue.status !== 'speaking') return [];
  const durationMs = Math.max(0, Date.parse(command.at) - Date.parse(queue.current.startedAt));
  return [
    { type: 'SpeechEnded', itemId, member: queue.current.member, durationMs, ...stamp(command) },
  ];
}

function requestFloor(meeting: Meeting, itemId: string, command: CommandOf<'RequestFloor'>) {
  const queue = queueOf(meeting, itemId);
  if (!isPresent(meeting, command.by)) return refuse('NOT_PRESENT');
  if (queue.requests.some((r) => r.member === command.by && r.kind === command.kind)) {
    return refuse('ALREADY_REQUESTED');
  }
  if (
    command.kind === 'reply' &&
    (queue.status !== 'speaking' || queue.current.member === command.by)
  ) {
    return refuse('REPLY_NEEDS_SPEAKER');
  }
  return accept({
    type: 'FloorRequested',
    itemId,
    requestId: command.newId,
    member: command.by,
    kind: command.kind,
    ...stamp(command),
  });
}

export function decideSpeaking(meeting: Meeting, command: SpeakingCommand): Decision {
  const refusal = notInSession(meeting);
  if (refusal) return refusal;
  const item = currentItem(meeting);
  if (!item) return refuse('NO_CURRENT_ITEM');
  const queue = queueOf(meeting, item.id);
  const find = (requestId: string | undefined) =>
    requestId === undefined ? queue.requests[0] : queue.requests.find((r) => r.id === requestId);
  switch (command.type) {
    case 'RequestFloor':
      return requestFloor(meeting, item.id, command);
    case 'WithdrawRequest': {
      const request = find(command.requestId);
      if (!request) return refuse('REQUEST_NOT_FOUND');
      const chair = actorOf(meeting.setup.roster, command.by) === 'chair';
      if (request.member !== command.by && !chair) return refuse('NOT_YOUR_REQUEST');
      return accept({
        type: 'FloorRequestWithdrawn',
        itemId: item.id,
        requestId: request.id,
        ...stamp(command),
      });
    }
    case 'MoveRequest': {
      const request = find(command.requestId);
      if (!request) return refuse('REQUEST_NOT_FOUND');
      if (command.position >= queue.requests.length) return refuse('INVALID_POSITION');
      return accept({
        type: 'FloorRequestMoved',
        itemId: item.id,
        requestId: request.id,
        position: command.position,
        ...stamp(command),
      });
    }
    case 'GiveFloor': {
      const paused = suspended(meeting);
      if (paused) return paused;
      if (queue.requests.length === 0) return refuse('QUEUE_EMPTY');
      const request = find(command.requestId);
      if (!request) return refuse('REQUEST_NOT_FOUND');
      return accept(...speechEnded(meeting, command), {
        type: 'FloorGiven',
        itemId: item.id,
        requestId: request.id,
        member: request.member,
        kind: request.kind,
        ...stamp(command),
      });
    }
    case 'EndSpeech': {
      const ended = speechEnded(meeting, command);
      return ended.length > 0 ? accept(...ended) : refuse('NO_SPEAKER');
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function inserted(requests: readonly FloorRequest[], request: FloorRequest): FloorRequest[] {
  const before = requests.findIndex((r) => precedence[r.kind] > precedence[request.kind]);
  const at = before === -1 ? requests.length : before;
  return [...requests.slice(0, at), request, ...requests.slice(at)];
}

function moved(requests: readonly FloorRequest[], id: string, position: number): FloorRequest[] {
  const request = requests.find((r) => r.id === id);
  if (!request) return [...requests];
  const rest = requests.filter((r) => r.id !== id);
  return [...rest.slice(0, position), request, ...rest.slice(position)];
}

function evolveQueue(queue: SpeakingQueue, event: SpeakingEvent): SpeakingQueue {
  switch (event.type) {
    case 'FloorRequested':
      return {
        ...queue,
        requests: inserted(queue.requests, {
          id: event.requestId,
          member: event.member,
          kind: event.kind,
          at: event.at,
        }),
      };
    case 'FloorRequestWithdrawn':
      return { ...queue, requests: queue.requests.filter((r) => r.id !== event.requestId) };
    case 'FloorRequestMoved':
      return { ...queue, requests: moved(queue.requests, event.requestId, event.position) };
    case 'FloorGiven':
      return {
        status: 'speaking',
        requests: queue.requests.filter((r) => r.id !== event.requestId),
        speeches: queue.speeches,
        current: { member: event.member, kind: event.kind, startedAt: event.at },
      };
    case 'SpeechEnded':
      if (queue.status !== 'speaking') return queue;
      return {
        status: 'idle',
        requests: queue.requests,
        speeches: [
          ...queue.speeches,
          { ...queue.current, endedAt: event.at, durationMs: event.durationMs },
        ],
      };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveSpeaking(meeting: Meeting, event: SpeakingEvent): Meeting {
  const queue = evolveQueue(queueOf(meeting, event.itemId), event);
  return { ...meeting, queues: { ...meeting.queues, [event.itemId]: queue } };
}

/** Total speaking time of each member on one item, in milliseconds. */
export function speakingTime(queue: SpeakingQueue): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const speech of queue.speeches) {
    totals[speech.member] = (totals[speech.member] ?? 0) + speech.durationMs;
  }
  return totals;
}
