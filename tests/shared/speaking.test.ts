import { fold, speakingTime, type Event } from '../../shared/src';
import { CHAIR, councillor, sitting } from './support/council';
import { command, given, play } from './support/spec';

const c1 = councillor(1);
const c2 = councillor(2);
const c3 = councillor(3);
const request = (by: string, kind: 'contribution' | 'pointOfOrder' | 'reply', id: string) =>
  command(by, { type: 'RequestFloor', kind }, id);

function queueAfter(log: Event[]) {
  const state = fold(log);
  if (state.status === 'none') throw new Error('no meeting');
  const queue = state.queues[state.currentItemId ?? ''];
  if (!queue) throw new Error('no queue');
  return queue;
}

describe('speaking queue', () => {
  test('a member present asks for the floor on the current item', () => {
    given(...sitting())
      .when(request(c1, 'contribution', 'r1'))
      .then({
        type: 'FloorRequested',
        itemId: 'minutes',
        requestId: 'r1',
        member: c1,
        kind: 'contribution',
      });
  });

  test('an absent member cannot ask for the floor', () => {
    given(...sitting({ present: 25 }))
      .when(request(councillor(40), 'contribution', 'r1'))
      .thenRefuses('NOT_PRESENT');
  });

  test('nobody asks for the floor when no item is under discussion', () => {
    given(...sitting({ item: null }))
      .when(request(c1, 'contribution', 'r1'))
      .thenRefuses('NO_CURRENT_ITEM');
  });

  test('a member holds at most one request of each kind', () => {
    const log = play(sitting(), request(c1, 'contribution', 'r1'));
    given(...log)
      .when(request(c1, 'contribution', 'r2'))
      .thenRefuses('ALREADY_REQUESTED');
    given(...log)
      .when(request(c1, 'pointOfOrder', 'r2'))
      .then({ type: 'FloorRequested' });
  });

  test('a point of order goes ahead of contributions', () => {
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      request(c2, 'contribution', 'r2'),
      request(c3, 'pointOfOrder', 'r3'),
    );
    expect(queueAfter(log).requests.map((r) => r.id)).toEqual(['r3', 'r1', 'r2']);
  });

  test('a reply to the current speaker goes after points of order and before contributions', () => {
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      command(CHAIR, { type: 'GiveFloor' }),
      request(c2, 'contribution', 'r2'),
      request(c3, 'pointOfOrder', 'r3'),
      request(c2, 'reply', 'r4'),
    );
    expect(queueAfter(log).requests.map((r) => r.id)).toEqual(['r3', 'r4', 'r2']);
  });

  test('a reply needs someone else speaking', () => {
    given(...sitting())
      .when(request(c1, 'reply', 'r1'))
      .thenRefuses('REPLY_NEEDS_SPEAKER');
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      command(CHAIR, { type: 'GiveFloor' }),
    );
    given(...log)
      .when(request(c1, 'reply', 'r2'))
      .thenRefuses('REPLY_NEEDS_SPEAKER');
  });

  test('a member withdraws their own request, not another member’s', () => {
    const log = play(sitting(), request(c1, 'contribution', 'r1'));
    given(...log)
      .when(command(c2, { type: 'WithdrawRequest', requestId: 'r1' }))
      .thenRefuses('NOT_YOUR_REQUEST');
    given(...log)
      .when(command(c1, { type: 'WithdrawRequest', requestId: 'r1' }))
      .then({ type: 'FloorRequestWithdrawn', requestId: 'r1' });
    given(...log)
      .when(command(CHAIR, { type: 'WithdrawRequest', requestId: 'r1' }))
      .then({ type: 'FloorRequestWithdrawn', requestId: 'r1' });
    given(...log)
      .when(command(c1, { type: 'WithdrawRequest', requestId: 'nope' }))
      .thenRefuses('REQUEST_NOT_FOUND');
  });

  test('the chair moves a request to a position in the queue', () => {
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      request(c2, 'contribution', 'r2'),
      request(c3, 'contribution', 'r3'),
      command(CHAIR, { type: 'MoveRequest', requestId: 'r3', position: 0 }),
    );
    expect(queueAfter(log).requests.map((r) => r.id)).toEqual(['r3', 'r1', 'r2']);
    given(...log)
      .when(command(CHAIR, { type: 'MoveRequest', requestId: 'r1', position: 3 }))
      .thenRefuses('INVALID_POSITION');
    given(...log)
      .when(command(CHAIR, { type: 'MoveRequest', requestId: 'x', position: 0 }))
      .thenRefuses('REQUEST_NOT_FOUND');
    given(...log)
      .when(command(c1, { type: 'MoveRequest', requestId: 'r1', position: 0 }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('the chair gives the floor to the head of the queue, or to a chosen request', () => {
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      request(c2, 'contribution', 'r2'),
    );
    given(...log)
      .when(command(CHAIR, { type: 'GiveFloor' }))
      .then({ type: 'FloorGiven', member: c1, requestId: 'r1' });
    given(...log)
      .when(command(CHAIR, { type: 'GiveFloor', requestId: 'r2' }))
      .then({ type: 'FloorGiven', member: c2 });
    given(...log)
      .when(command(CHAIR, { type: 'GiveFloor', requestId: 'r9' }))
      .thenRefuses('REQUEST_NOT_FOUND');
    given(...sitting())
      .when(command(CHAIR, { type: 'GiveFloor' }))
      .thenRefuses('QUEUE_EMPTY');
  });

  test('giving the floor to the next speaker ends the speech in progress', () => {
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      request(c2, 'contribution', 'r2'),
      command(CHAIR, { type: 'GiveFloor' }),
    );
    given(...log)
      .when(command(CHAIR, { type: 'GiveFloor' }))
      .then({ type: 'SpeechEnded', member: c1 }, { type: 'FloorGiven', member: c2 });
  });

  test('the chair ends a speech; with nobody speaking there is nothing to end', () => {
    given(...sitting())
      .when(command(CHAIR, { type: 'EndSpeech' }))
      .thenRefuses('NO_SPEAKER');
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      command(CHAIR, { type: 'GiveFloor' }),
    );
    given(...log)
      .when(command(CHAIR, { type: 'EndSpeech' }))
      .then({ type: 'SpeechEnded', member: c1 });
  });

  test('speaking time is counted per speech and per member from command times', () => {
    const at = (time: string) => `2026-11-23T20:${time}.000Z`;
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      { ...command(CHAIR, { type: 'GiveFloor' }), at: at('00:00') },
      { ...command(CHAIR, { type: 'EndSpeech' }), at: at('03:00') },
      request(c1, 'pointOfOrder', 'r2'),
      request(c2, 'contribution', 'r3'),
      { ...command(CHAIR, { type: 'GiveFloor' }), at: at('04:00') },
      { ...command(CHAIR, { type: 'GiveFloor' }), at: at('04:30') },
      { ...command(CHAIR, { type: 'EndSpeech' }), at: at('06:30') },
    );
    const queue = queueAfter(log);
    expect(queue.speeches.map((s) => [s.member, s.kind, s.durationMs])).toEqual([
      [c1, 'contribution', 180_000],
      [c1, 'pointOfOrder', 30_000],
      [c2, 'contribution', 120_000],
    ]);
    expect(speakingTime(queue)).toEqual({ [c1]: 210_000, [c2]: 120_000 });
  });

  test('the speaking queue is kept per agenda item', () => {
    const log = play(
      sitting(),
      request(c1, 'contribution', 'r1'),
      command(CHAIR, { type: 'NextItem' }),
    );
    expect(queueAfter(log).requests).toEqual([]);
    const state = fold(log);
    expect(state.status !== 'none' && state.queues.minutes?.requests.map((r) => r.id)).toEqual([
      'r1',
    ]);
  });
});
