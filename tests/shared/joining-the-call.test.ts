import { fold, profiles, profileWith, type Event, type MeetingState } from '../../shared/src';
import {
  CHAIR,
  DIRECTOR,
  OBSERVER,
  convened,
  council,
  councillor,
  created,
  opened,
} from './support/council';
import { linesOf, section, Sitting } from './support/minutes';
import { command, given, play } from './support/spec';

const SYSTEM = 'system';
const joinIsEnough = council({ members: 9, overrides: { joiningCallIsPresence: true } });
const answerRequired = council({ members: 9 });

const joins = (member: string) => command(SYSTEM, { type: 'JoinCall', member });
const leaves = (member: string) => command(SYSTEM, { type: 'LeaveCall', member });
const openRollCall = () => command(CHAIR, { type: 'OpenRollCall' });

/** An open sitting of 9 members under `setup`, with a roll call open. */
const rollCallOpen = (setup = joinIsEnough): Event[] =>
  play([created(setup), convened(), opened()], openRollCall());

function attendanceOf(state: MeetingState, member: string) {
  if (state.status === 'none') throw new Error('no meeting');
  return state.attendance[member]?.status ?? 'absent';
}

describe('joining the call', () => {
  test('every region requires answering the roll call, unless the council’s rules say joining is enough', () => {
    for (const profile of Object.values(profiles)) {
      expect(profile.joiningCallIsPresence).toMatchObject({ value: false, status: 'unconfirmed' });
    }
    expect(
      profileWith('wallonia', { joiningCallIsPresence: true }).joiningCallIsPresence,
    ).toMatchObject({ value: true, status: 'council' });
  });

  test('where joining is enough, a member who joins the call during a roll call has answered it', () => {
    const outcome = given(...rollCallOpen()).when(joins(councillor(2)));
    outcome.then(
      { type: 'CallJoined', member: councillor(2) },
      { type: 'RollCallAnswered', member: councillor(2), via: 'call' },
    );
    expect(attendanceOf(outcome.after, councillor(2))).toBe('present');
  });

  test('where answering is required, joining the call during a roll call is only recorded', () => {
    const outcome = given(...rollCallOpen(answerRequired)).when(joins(councillor(2)));
    expect(outcome.then({ type: 'CallJoined', member: councillor(2) })).toHaveLength(1);
    expect(attendanceOf(outcome.after, councillor(2))).toBe('absent');
    const after = outcome.after;
    expect(after.status !== 'none' && after.inCall).toEqual([councillor(2)]);
  });

  test('where joining is enough, the members already in the call answer the roll call as it opens', () => {
    const log = play(
      [created(joinIsEnough), convened(), opened()],
      joins(councillor(1)),
      joins(DIRECTOR),
    );
    given(...log)
      .when(openRollCall())
      .then(
        { type: 'RollCallOpened' },
        { type: 'RollCallAnswered', member: councillor(1), via: 'call' },
      );
  });

  test('where joining is enough, joining outside a roll call is arriving, and leaving is a departure', () => {
    const before = [created(joinIsEnough), convened(), opened()];
    given(...before)
      .when(joins(councillor(3)))
      .then(
        { type: 'CallJoined' },
        { type: 'MemberCheckedIn', member: councillor(3), via: 'call' },
      );
    const log = play(before, joins(councillor(3)));
    const outcome = given(...log).when(leaves(councillor(3)));
    outcome.then(
      { type: 'CallLeft', member: councillor(3) },
      { type: 'MemberCheckedOut', member: councillor(3), via: 'call' },
    );
    expect(attendanceOf(outcome.after, councillor(3))).toBe('absent');
  });

  test('where answering is required, leaving the call does not end a presence answered at the roll call', () => {
    const log = play(
      rollCallOpen(answerRequired),
      joins(councillor(4)),
      command(councillor(4), { type: 'AnswerRollCall' }),
    );
    const outcome = given(...log).when(leaves(councillor(4)));
    expect(outcome.then({ type: 'CallLeft', member: councillor(4) })).toHaveLength(1);
    expect(attendanceOf(outcome.after, councillor(4))).toBe('present');
  });

  test('the director and observers in the call are recorded but do not become present', () => {
    for (const person of [DIRECTOR, OBSERVER]) {
      const outcome = given(...rollCallOpen()).when(joins(person));
      expect(outcome.then({ type: 'CallJoined', member: person })).toHaveLength(1);
    }
  });

  test('only the service records the call: nobody claims to have joined it', () => {
    given(...rollCallOpen())
      .when(command(councillor(2), { type: 'JoinCall', member: councillor(2) }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...rollCallOpen())
      .when(command(CHAIR, { type: 'LeaveCall', member: councillor(2) }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('the call is recorded for the roster’s people, once each, from the convocation to the close', () => {
    given(created(joinIsEnough))
      .when(joins(councillor(1)))
      .thenRefuses('MEETING_NOT_CONVENED');
    given(...rollCallOpen())
      .when(joins('someone-else'))
      .thenRefuses('NOT_A_MEMBER');
    given(...rollCallOpen())
      .when(joins(SYSTEM))
      .thenRefuses('NOT_A_MEMBER');
    given(...play(rollCallOpen(), joins(councillor(1))))
      .when(joins(councillor(1)))
      .thenRefuses('ALREADY_IN_CALL');
    given(...rollCallOpen())
      .when(leaves(councillor(1)))
      .thenRefuses('NOT_IN_CALL');
    const closed = play(rollCallOpen(), command(CHAIR, { type: 'CloseMeeting' }));
    given(...closed)
      .when(joins(councillor(1)))
      .thenRefuses('MEETING_CLOSED');
  });

  test('a member who joined the call counts at the roll call’s close where joining is enough', () => {
    const log = play(rollCallOpen(), joins(CHAIR), joins(councillor(1)));
    const [closedEvent] = given(...log)
      .when(command(CHAIR, { type: 'CloseRollCall' }))
      .then({ type: 'RollCallClosed' });
    expect(closedEvent).toMatchObject({ present: [CHAIR, councillor(1)] });
    expect(fold(log).status).toBe('open');
  });

  test('the minutes say that joining the call counted as presence, and under which rule', () => {
    const sitting = new Sitting([created(joinIsEnough), convened(), opened()]);
    sitting.do(SYSTEM, { type: 'JoinCall', member: CHAIR });
    sitting.do(CHAIR, { type: 'OpenRollCall' });
    sitting.do(SYSTEM, { type: 'JoinCall', member: councillor(1) });
    sitting.do(CHAIR, { type: 'CloseRollCall' });
    sitting.do(SYSTEM, { type: 'LeaveCall', member: councillor(1) });
    const attendance = section(linesOf(sitting.minutes(DIRECTOR)), 'Attendance', 'Roll calls');
    expect(attendance).toContain(
      'Presence: Joining the call counted as being present, and leaving it as a departure (the council’s house rules).',
    );
    expect(attendance.some((line) => line.includes('Councillor 1 leaves the meeting'))).toBe(true);

    const answered = new Sitting([created(answerRequired), convened(), opened()]);
    answered.do(SYSTEM, { type: 'JoinCall', member: CHAIR });
    answered.do(CHAIR, { type: 'OpenRollCall' });
    answered.do(CHAIR, { type: 'AnswerRollCall' });
    const lines = linesOf(answered.minutes(DIRECTOR));
    expect(lines.some((line) => line.startsWith('Presence'))).toBe(false);
  });
});
