import { fold, quorum } from '../../shared/src';
import {
  CHAIR,
  DIRECTOR,
  OBSERVER,
  checkedIn,
  convened,
  council,
  councillor,
  created,
  opened,
  sitting,
} from './support/council';
import { command, given, play } from './support/spec';

describe('attendance', () => {
  test('a member checks in once the meeting is convened', () => {
    given(created(), convened())
      .when(command(councillor(1), { type: 'CheckIn' }))
      .then({ type: 'MemberCheckedIn', member: councillor(1) });
  });

  test('nobody checks in to a draft or a closed meeting', () => {
    given(created())
      .when(command(councillor(1), { type: 'CheckIn' }))
      .thenRefuses('MEETING_NOT_CONVENED');
    const closed = [
      ...sitting(),
      { type: 'MeetingClosed' as const, at: '2026-11-23T23:00:00Z', by: CHAIR },
    ];
    given(...closed)
      .when(command(councillor(30), { type: 'CheckIn' }))
      .thenRefuses('MEETING_CLOSED');
  });

  test('a member present cannot check in again, and only a present member checks out', () => {
    given(created(), convened(), checkedIn(councillor(1)))
      .when(command(councillor(1), { type: 'CheckIn' }))
      .thenRefuses('ALREADY_PRESENT');
    given(created(), convened())
      .when(command(councillor(1), { type: 'CheckOut' }))
      .thenRefuses('NOT_PRESENT');
    given(created(), convened(), checkedIn(councillor(1)))
      .when(command(councillor(1), { type: 'CheckOut' }))
      .then({ type: 'MemberCheckedOut', member: councillor(1) });
  });

  test('the director and observers do not check in: they do not sit', () => {
    given(created(), convened())
      .when(command(DIRECTOR, { type: 'CheckIn' }))
      .thenRefuses('NOT_AUTHORIZED');
    given(created(), convened())
      .when(command(OBSERVER, { type: 'CheckIn' }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('the director records an excused absence of a member in office', () => {
    given(created(), convened())
      .when(command(DIRECTOR, { type: 'ExcuseMember', member: councillor(7) }))
      .then({ type: 'MemberExcused', member: councillor(7) });
    given(created(), convened())
      .when(command(DIRECTOR, { type: 'ExcuseMember', member: OBSERVER }))
      .thenRefuses('NOT_A_MEMBER');
    given(created(), convened(), checkedIn(councillor(7)))
      .when(command(DIRECTOR, { type: 'ExcuseMember', member: councillor(7) }))
      .thenRefuses('ALREADY_PRESENT');
  });

  test('a member who checks out no longer counts toward the quorum', () => {
    const log = play(
      sitting({ members: 49, present: 25 }),
      command(councillor(3), { type: 'CheckOut' }),
    );
    const state = fold(log);
    if (state.status === 'none') throw new Error('no meeting');
    expect(quorum(state)).toMatchObject({ present: 24, reached: false });
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('QUORUM_NOT_REACHED');
  });
});

describe('roll call', () => {
  const open = () =>
    play(
      [created(council({ members: 9 })), convened(), opened()],
      command(CHAIR, { type: 'OpenRollCall' }),
    );

  test('the chair opens a roll call in an open meeting', () => {
    given(created(), convened())
      .when(command(CHAIR, { type: 'OpenRollCall' }))
      .thenRefuses('MEETING_NOT_OPEN');
    given(...open())
      .when(command(CHAIR, { type: 'OpenRollCall' }))
      .thenRefuses('ROLL_CALL_ALREADY_OPEN');
  });

  test('answering the roll call makes a member present, once', () => {
    const outcome = given(...open()).when(command(councillor(2), { type: 'AnswerRollCall' }));
    outcome.then({ type: 'RollCallAnswered', member: councillor(2) });
    const after = outcome.after;
    expect(after.status !== 'none' && after.attendance[councillor(2)]?.status).toBe('present');
    given(...open(), ...outcome.events)
      .when(command(councillor(2), { type: 'AnswerRollCall' }))
      .thenRefuses('ALREADY_ANSWERED');
  });

  test('nobody answers a roll call that is not open', () => {
    given(...sitting())
      .when(command(councillor(2), { type: 'AnswerRollCall' }))
      .thenRefuses('ROLL_CALL_NOT_OPEN');
    given(...sitting())
      .when(command(CHAIR, { type: 'CloseRollCall' }))
      .thenRefuses('ROLL_CALL_NOT_OPEN');
  });

  test('closing the roll call lists present, absent and excused members and the quorum', () => {
    const log = play(
      open(),
      command(DIRECTOR, { type: 'ExcuseMember', member: councillor(8) }),
      ...[CHAIR, councillor(1), councillor(2), councillor(3), councillor(4)].map((m) =>
        command(m, { type: 'AnswerRollCall' }),
      ),
    );
    given(...log)
      .when(command(CHAIR, { type: 'CloseRollCall' }))
      .then({
        type: 'RollCallClosed',
        present: [CHAIR, councillor(1), councillor(2), councillor(3), councillor(4)],
        absent: [councillor(5), councillor(6), councillor(7)],
        excused: [councillor(8)],
        quorum: { present: 5, inOffice: 9, needed: 5, reached: true, waived: false },
      });
  });

  test('each closed roll call is kept as it stood: a later one changes nothing of it', () => {
    const answer = (...members: string[]) =>
      members.map((m) => command(m, { type: 'AnswerRollCall' }));
    const first = play(
      open(),
      ...answer(CHAIR, councillor(1)),
      command(CHAIR, { type: 'CloseRollCall' }),
    );
    const second = play(
      first,
      command(CHAIR, { type: 'OpenRollCall' }),
      ...answer(councillor(2), councillor(3), councillor(4)),
      command(CHAIR, { type: 'CloseRollCall' }),
    );
    const idOf = (log: typeof first) => {
      const closed = log.findLast((e) => e.type === 'RollCallClosed');
      return closed?.type === 'RollCallClosed' ? closed.rollCallId : '';
    };
    const state = fold(second);
    if (state.status === 'none') throw new Error('no meeting');
    expect(Object.keys(state.closedRollCalls)).toEqual([idOf(first), idOf(second)]);
    expect(state.closedRollCalls[idOf(first)]?.present).toEqual([CHAIR, councillor(1)]);
    expect(state.closedRollCalls[idOf(second)]?.present).toEqual([
      CHAIR,
      councillor(1),
      councillor(2),
      councillor(3),
      councillor(4),
    ]);
    expect(state.closedRollCalls[idOf(second)]?.quorum.reached).toBe(true);
  });

  test('with 4 of 9 present there is no quorum at the roll call', () => {
    const log = play(
      open(),
      ...[CHAIR, councillor(1), councillor(2), councillor(3)].map((m) =>
        command(m, { type: 'AnswerRollCall' }),
      ),
    );
    given(...log)
      .when(command(CHAIR, { type: 'CloseRollCall' }))
      .then({ type: 'RollCallClosed', quorum: { present: 4, needed: 5, reached: false } });
  });

  test('at the third convocation a Walloon council deliberates whatever the attendance', () => {
    given(...sitting({ members: 49, present: 3, convocation: 3 }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .then({ type: 'VoteOpened' });
    given(...sitting({ members: 49, present: 3, convocation: 2 }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('QUORUM_NOT_REACHED');
  });

  test("Robert's Rules never waive the quorum", () => {
    given(...sitting({ members: 49, present: 3, convocation: 5, profile: 'roberts' }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('QUORUM_NOT_REACHED');
  });
});
