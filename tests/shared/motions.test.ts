import { fold, type Event } from '../../shared/src';
import { CHAIR, DIRECTOR, councillor, sitting } from './support/council';
import { command, given, play } from './support/spec';

const c1 = councillor(1);
const c2 = councillor(2);
const propose = (by: string, id: string, text = 'Keep the post office open') =>
  command(by, { type: 'ProposeMotion', text }, id);

function motions(log: Event[]) {
  const state = fold(log);
  if (state.status === 'none') throw new Error('no meeting');
  return state.motions;
}

describe('motions', () => {
  test('a member present proposes a motion on the current item', () => {
    given(...sitting())
      .when(propose(c1, 'm1'))
      .then({
        type: 'MotionProposed',
        motionId: 'm1',
        itemId: 'minutes',
        member: c1,
        amends: null,
      });
    given(...sitting({ present: 25 }))
      .when(propose(councillor(40), 'm1'))
      .thenRefuses('NOT_PRESENT');
    given(...sitting({ item: null }))
      .when(propose(c1, 'm1'))
      .thenRefuses('NO_CURRENT_ITEM');
  });

  test('another member seconds a motion, once', () => {
    const log = play(sitting(), propose(c1, 'm1'));
    given(...log)
      .when(command(c1, { type: 'SecondMotion', motionId: 'm1' }))
      .thenRefuses('CANNOT_SECOND_OWN');
    const seconded = play(log, command(c2, { type: 'SecondMotion', motionId: 'm1' }));
    expect(motions(seconded).m1).toMatchObject({ status: 'seconded', secondedBy: c2 });
    given(...seconded)
      .when(command(councillor(3), { type: 'SecondMotion', motionId: 'm1' }))
      .thenRefuses('ALREADY_SECONDED');
    given(...log)
      .when(command(c2, { type: 'SecondMotion', motionId: 'zz' }))
      .thenRefuses('MOTION_NOT_FOUND');
  });

  test('an amendment amends a pending motion, not another amendment', () => {
    const log = play(
      sitting(),
      propose(c1, 'm1'),
      command(
        c2,
        { type: 'ProposeAmendment', motionId: 'm1', text: 'Keep it open on Saturdays too' },
        'a1',
      ),
    );
    expect(motions(log).a1).toMatchObject({ amends: 'm1', itemId: 'minutes', status: 'proposed' });
    given(...log)
      .when(command(c1, { type: 'ProposeAmendment', motionId: 'a1', text: 'x' }))
      .thenRefuses('CANNOT_AMEND_AMENDMENT');
  });

  test('only its mover withdraws a motion, and its amendments fall with it', () => {
    const log = play(
      sitting(),
      propose(c1, 'm1'),
      command(c2, { type: 'ProposeAmendment', motionId: 'm1', text: 'x' }, 'a1'),
    );
    given(...log)
      .when(command(c2, { type: 'WithdrawMotion', motionId: 'm1' }))
      .thenRefuses('NOT_YOUR_MOTION');
    const withdrawn = play(log, command(c1, { type: 'WithdrawMotion', motionId: 'm1' }));
    expect(motions(withdrawn).m1?.status).toBe('withdrawn');
    expect(motions(withdrawn).a1?.status).toBe('withdrawn');
    given(...withdrawn)
      .when(command(c1, { type: 'WithdrawMotion', motionId: 'm1' }))
      .thenRefuses('MOTION_NOT_PENDING');
    given(...withdrawn)
      .when(command(c2, { type: 'SecondMotion', motionId: 'm1' }))
      .thenRefuses('MOTION_NOT_PENDING');
  });

  test('amendments are voted before the motion they amend', () => {
    const log = play(
      sitting(),
      propose(c1, 'm1'),
      command(c2, { type: 'ProposeAmendment', motionId: 'm1', text: 'x' }, 'a1'),
    );
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'm1' }))
      .thenRefuses('AMENDMENTS_PENDING');
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'a1' }))
      .then({ type: 'VoteOpened', motionId: 'a1' });
  });

  test('an adopted amendment, once published, rewrites the motion, which is then put to the vote', () => {
    const voters = Array.from({ length: 24 }, (_, i) => councillor(i + 1));
    let log = play(
      sitting({ present: 25 }),
      propose(c1, 'm1', 'Keep the post office open'),
      command(
        c2,
        { type: 'ProposeAmendment', motionId: 'm1', text: 'Keep the post office open on weekdays' },
        'a1',
      ),
      command(CHAIR, { type: 'OpenVote', motionId: 'a1' }, 'v1'),
      ...[CHAIR, ...voters].map((m) =>
        command(m, { type: 'CastBallot', voteId: 'v1', choice: 'yes' }),
      ),
      command('system', { type: 'CountVote', voteId: 'v1' }),
    );
    expect(motions(log).a1?.status).toBe('voting');
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'm1' }))
      .thenRefuses('AMENDMENTS_PENDING');
    log = play(log, command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }));
    expect(motions(log).a1?.status).toBe('adopted');
    expect(motions(log).m1).toMatchObject({
      status: 'proposed',
      text: 'Keep the post office open on weekdays',
    });
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'm1' }))
      .then({ type: 'VoteOpened', motionId: 'm1' });
  });

  test('a motion is put to the vote on its own item only', () => {
    const log = play(sitting(), propose(c1, 'm1'), command(CHAIR, { type: 'NextItem' }));
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'm1' }))
      .thenRefuses('MOTION_NOT_ON_CURRENT_ITEM');
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'nope' }))
      .thenRefuses('MOTION_NOT_FOUND');
  });

  test("under Robert's Rules a motion needs a second before the vote", () => {
    const log = play(sitting({ profile: 'roberts' }), propose(c1, 'm1'));
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'm1' }))
      .thenRefuses('MOTION_NOT_SECONDED');
    const seconded = play(log, command(c2, { type: 'SecondMotion', motionId: 'm1' }));
    given(...seconded)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'm1' }))
      .then({ type: 'VoteOpened' });
  });

  test('a motion being voted on can no longer be withdrawn or voted again', () => {
    const log = play(
      sitting(),
      propose(c1, 'm1'),
      command(CHAIR, { type: 'OpenVote', motionId: 'm1' }, 'v1'),
    );
    expect(motions(log).m1?.status).toBe('voting');
    given(...log)
      .when(command(c1, { type: 'WithdrawMotion', motionId: 'm1' }))
      .thenRefuses('MOTION_NOT_PENDING');
    const closed = play(log, command(CHAIR, { type: 'CloseVote', voteId: 'v1' }));
    given(...closed)
      .when(command(CHAIR, { type: 'OpenVote', motionId: 'm1' }))
      .thenRefuses('MOTION_NOT_PENDING');
  });
});
