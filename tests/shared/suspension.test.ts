import { fold, type Event, type Language, type Meeting } from '../../shared/src';
import {
  CHAIR,
  checkedIn,
  convened,
  council,
  councillor,
  created,
  firstMembers,
  itemTakenUp,
  opened,
  sitting,
} from './support/council';
import { Sitting, linesOf, section } from './support/minutes';
import { command, given, play } from './support/spec';

const c = councillor;
const suspend = command(CHAIR, { type: 'SuspendSitting' });
const resume = command(CHAIR, { type: 'ResumeSitting' });

function suspendedSitting(): Event[] {
  return play(sitting({ members: 9, present: 6 }), suspend);
}

function meetingAfter(events: Event[]): Meeting {
  const state = fold(events);
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

describe('suspending the sitting', () => {
  test('suspension rule: where the council’s rules allow no suspension, the chair’s is refused', () => {
    given(...sitting({ members: 9, present: 6, overrides: { suspension: false } }))
      .when(suspend)
      .thenRefuses('SUSPENSION_NOT_ALLOWED');
  });

  test('suspension rule: each region’s profile allows it and names its source', () => {
    for (const profile of ['wallonia', 'flanders', 'brussels', 'roberts'] as const) {
      const rule = meetingAfter(sitting({ members: 9, present: 6, profile })).profile.suspension;
      expect({ profile, value: rule.value, sourced: rule.source.length > 0 }).toEqual({
        profile,
        value: true,
        sourced: true,
      });
    }
  });

  test('the chair suspends the sitting in session, and resumes it', () => {
    const suspended = given(...sitting({ members: 9, present: 6 })).when(suspend);
    suspended.then({ type: 'SittingSuspended', by: CHAIR });
    expect(suspended.after).toMatchObject({ status: 'open', suspendedAt: suspend.at });

    const resumed = given(...suspendedSitting()).when(resume);
    resumed.then({ type: 'SittingResumed', by: CHAIR });
    expect(resumed.after).toMatchObject({ status: 'open', suspendedAt: null });
  });

  test('only the chair suspends or resumes the sitting', () => {
    given(...sitting({ members: 9, present: 6 }))
      .when(command(c(1), { type: 'SuspendSitting' }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...suspendedSitting())
      .when(command(c(1), { type: 'ResumeSitting' }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('a sitting not open cannot be suspended, nor a closed one resumed', () => {
    given(created(council({ members: 9 })), convened())
      .when(command(CHAIR, { type: 'SuspendSitting' }))
      .thenRefuses('MEETING_NOT_OPEN');
    given(...play(suspendedSitting(), command(CHAIR, { type: 'CloseMeeting' })))
      .when(command(CHAIR, { type: 'ResumeSitting' }))
      .thenRefuses('MEETING_CLOSED');
  });

  test('a suspended sitting is not suspended twice, and one in progress is not resumed', () => {
    given(...suspendedSitting())
      .when(suspend)
      .thenRefuses('SITTING_SUSPENDED');
    given(...sitting({ members: 9, present: 6 }))
      .when(resume)
      .thenRefuses('SITTING_NOT_SUSPENDED');
  });

  test('the sitting cannot be suspended while a vote is open', () => {
    const voting = play(sitting({ members: 9, present: 6 }), command(CHAIR, { type: 'OpenVote' }));
    given(...voting)
      .when(command(CHAIR, { type: 'SuspendSitting' }))
      .thenRefuses('VOTE_ALREADY_OPEN');
  });

  test('the speech in progress ends when the sitting is suspended', () => {
    const speaking = play(
      sitting({ members: 9, present: 6 }),
      command(c(1), { type: 'RequestFloor', kind: 'contribution' }),
      command(CHAIR, { type: 'GiveFloor' }),
    );
    const outcome = given(...speaking).when(command(CHAIR, { type: 'SuspendSitting' }));
    outcome.then(
      { type: 'SpeechEnded', itemId: 'minutes', member: c(1) },
      { type: 'SittingSuspended' },
    );
    expect(outcome.after).toMatchObject({ queues: { minutes: { status: 'idle' } } });
  });

  test('while the sitting is suspended no one is given the floor and no vote opens', () => {
    const waiting = play(
      sitting({ members: 9, present: 6 }),
      command(c(1), { type: 'RequestFloor', kind: 'contribution' }),
      suspend,
    );
    given(...waiting)
      .when(command(CHAIR, { type: 'GiveFloor' }))
      .thenRefuses('SITTING_SUSPENDED');
    given(...waiting)
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('SITTING_SUSPENDED');
  });

  test('no ballot is taken while the sitting is suspended, even on a vote a log left open', () => {
    const voting = play(
      sitting({ members: 9, present: 6 }),
      command(CHAIR, { type: 'OpenVote' }, 'vote-1'),
    );
    const pause: Event = { type: 'SittingSuspended', by: CHAIR, at: suspend.at };
    given(...voting, pause)
      .when(command(c(1), { type: 'CastBallot', voteId: 'vote-1', choice: 'yes' }))
      .thenRefuses('SITTING_SUSPENDED');
  });

  test('members still ask for the floor, arrive and leave while the sitting is suspended', () => {
    const waiting = suspendedSitting();
    given(...waiting)
      .when(command(c(1), { type: 'RequestFloor', kind: 'contribution' }))
      .then({ type: 'FloorRequested', member: c(1) });
    given(...waiting)
      .when(command(c(7), { type: 'CheckIn' }))
      .then({ type: 'MemberCheckedIn', member: c(7) });
    given(...waiting)
      .when(command(c(2), { type: 'CheckOut' }))
      .then({ type: 'MemberCheckedOut', member: c(2) });
  });

  test('once resumed the chair gives the floor and opens votes again', () => {
    const resumed = play(
      suspendedSitting(),
      command(c(1), { type: 'RequestFloor', kind: 'contribution' }),
      resume,
    );
    given(...resumed)
      .when(command(CHAIR, { type: 'GiveFloor' }))
      .then({ type: 'FloorGiven', member: c(1) });
    given(...resumed)
      .when(command(CHAIR, { type: 'OpenVote' }))
      .then({ type: 'VoteOpened' });
  });

  test('the chair may close a suspended sitting, which is then no longer suspended', () => {
    const closed = play(suspendedSitting(), command(CHAIR, { type: 'CloseMeeting' }));
    expect(meetingAfter(closed)).toMatchObject({ status: 'closed', suspendedAt: null });
  });

  test('a log from before suspensions existed folds to a sitting that is not suspended', () => {
    const meeting = meetingAfter(sitting({ members: 9, present: 6 }));
    expect(meeting.suspendedAt ?? null).toBeNull();
  });
});

describe('minutes: suspensions of the sitting', () => {
  function pausedSitting(language: Language): Sitting {
    const s = new Sitting([
      created({ ...council({ members: 9 }), language }),
      convened(),
      opened(),
      ...firstMembers(6).map(checkedIn),
      itemTakenUp('minutes'),
    ]);
    s.do(CHAIR, { type: 'SuspendSitting' }, { at: '2026-11-23T19:45:00.000Z' });
    s.do(CHAIR, { type: 'ResumeSitting' }, { at: '2026-11-23T20:05:00.000Z' });
    return s;
  }

  const expected: Record<Language, string[]> = {
    fr: [
      'Suspensions de séance',
      '20:45 — la séance est suspendue (point 1)',
      '21:05 — la séance est reprise (point 1)',
    ],
    nl: [
      'Schorsingen van de zitting',
      '20:45 — de zitting wordt geschorst (punt 1)',
      '21:05 — de zitting wordt hervat (punt 1)',
    ],
    de: [
      'Unterbrechungen der Sitzung',
      '20:45 — die Sitzung wird unterbrochen (Punkt 1)',
      '21:05 — die Sitzung wird fortgesetzt (Punkt 1)',
    ],
    en: [
      'Suspensions of the sitting',
      '20:45 — the sitting is suspended (item 1)',
      '21:05 — the sitting resumes (item 1)',
    ],
  };

  test.each(Object.keys(expected) as Language[])(
    'the minutes in %s record when the sitting was suspended and resumed',
    (language) => {
      const lines = linesOf(pausedSitting(language).minutes('councillor'));
      const [heading] = expected[language];
      expect(section(lines, heading ?? '').slice(0, 3)).toEqual(expected[language]);
    },
  );

  test('a sitting never suspended has no such section', () => {
    const lines = linesOf(new Sitting(sitting({ members: 9, present: 6 })).minutes('director'));
    expect(lines).not.toContain('Suspensions of the sitting');
  });
});
