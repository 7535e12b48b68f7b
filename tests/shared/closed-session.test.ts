import { eventFor, meetingFor, profiles, type Event, type Reader } from '../../shared/src';
import { CHAIR, councillor, firstMembers, sitting } from './support/council';
import { meetingAfter } from './support/payloads';
import { command, given, play } from './support/spec';

const SYSTEM = 'system';
const nine = firstMembers(9);
const observers: [string, Reader][] = [
  ['an observer', 'observer'],
  ['a reader not on the roster', null],
];

/** Every one of the nine present members answers: `yes` of them yes, the others no. */
function procedureVoted(voteId: string, yes: number, others: 'no' | 'abstain' = 'no') {
  return [
    ...nine.map((by, i) =>
      command(by, { type: 'CastBallot', voteId, choice: i < yes ? 'yes' : others }),
    ),
    command(SYSTEM, { type: 'CountVote', voteId }),
  ];
}

/** A Walloon sitting of nine, all present, on the public first item. */
const onMinutes = (profile: 'wallonia' | 'brussels' | 'roberts' = 'wallonia') =>
  sitting({ profile, members: 9, present: 9, item: 'minutes' });

/** The council has voted `minutes` behind closed doors, 6 of 9 for. */
function closedByVote(): Event[] {
  return play(
    onMinutes(),
    command(CHAIR, { type: 'MoveToClosedSession' }, 'p1'),
    ...procedureVoted('p1', 6),
  );
}

describe('closed session decided during the sitting', () => {
  test('Wallonia CDLD L1122-21: the chair pronounces closed session at once when persons are discussed', () => {
    given(...onMinutes())
      .when(command(CHAIR, { type: 'MoveToClosedSession', because: 'person' }))
      .then({ type: 'SessionClosed', itemId: 'minutes', reason: 'mandatory', by: CHAIR });
  });

  test('Brussels NLC art. 94: persons discussed close the sitting at once, recorded with who and when', () => {
    const { events } = given(...onMinutes('brussels')).when(
      command(CHAIR, { type: 'MoveToClosedSession', itemId: 'minutes', because: 'person' }),
    );
    const meeting = meetingAfter([...onMinutes('brussels'), ...events]);
    expect(meeting.agendaProgress.closedInSitting.minutes).toMatchObject({
      reason: 'mandatory',
      voteId: null,
      by: CHAIR,
      at: events[0]?.at,
    });
    expect(meeting.behindClosedDoors).toBe(true);
  });

  test('Brussels NLC art. 93: closed session is never for the budget', () => {
    given(...sitting({ profile: 'brussels', members: 9, present: 9, item: 'budget' }))
      .when(command(CHAIR, { type: 'MoveToClosedSession' }))
      .thenRefuses('CLOSED_SESSION_FORBIDDEN');
  });

  test('Wallonia CDLD L1122-20: another item goes behind closed doors by a named vote of two thirds', () => {
    given(...onMinutes())
      .when(command(CHAIR, { type: 'MoveToClosedSession' }, 'p1'))
      .then({
        type: 'VoteOpened',
        voteId: 'p1',
        itemId: 'minutes',
        secret: false,
        threshold: '2/3',
        eligible: nine,
        procedure: { kind: 'closedSession', itemId: 'minutes' },
      });
  });

  test('Wallonia CDLD L1122-20: two thirds of those present for, the item is closed and the vote recorded', () => {
    const meeting = meetingAfter(closedByVote());
    expect(meeting.setup.agenda.find((i) => i.id === 'minutes')?.session).toBe('closed');
    expect(meeting.agendaProgress.closedInSitting.minutes).toMatchObject({
      reason: 'vote',
      voteId: 'p1',
    });
    expect(meeting.votes.p1?.result?.outcome.kind).toBe('adopted');
  });

  test('Wallonia CDLD L1122-20: short of two thirds, the item stays public', () => {
    const log = play(
      onMinutes(),
      command(CHAIR, { type: 'MoveToClosedSession' }, 'p1'),
      ...procedureVoted('p1', 5),
    );
    const meeting = meetingAfter(log);
    expect(log.some((e) => e.type === 'SessionClosed')).toBe(false);
    expect(meeting.setup.agenda.find((i) => i.id === 'minutes')?.session).toBe('public');
    expect(meeting.behindClosedDoors).toBe(false);
  });

  test('Wallonia CDLD L1122-20: two thirds of the members present, not of the votes cast: 5 for and 4 abstaining keep the item public', () => {
    const log = play(
      onMinutes(),
      command(CHAIR, { type: 'MoveToClosedSession' }, 'p1'),
      ...procedureVoted('p1', 5, 'abstain'),
    );
    const result = meetingAfter(log).votes.p1?.result;
    expect(result).toMatchObject({ base: 'membersPresent', baseCount: 9, needed: 6 });
    expect(result?.outcome.kind).toBe('rejected');
    expect(log.some((e) => e.type === 'SessionClosed')).toBe(false);
  });

  test("Robert's Rules: no closed session by vote unless the bylaws provide one", () => {
    given(...onMinutes('roberts'))
      .when(command(CHAIR, { type: 'MoveToClosedSession' }))
      .thenRefuses('CLOSED_SESSION_FORBIDDEN');
  });

  test('an item already in closed session cannot be closed again', () => {
    given(...sitting({ members: 9, present: 9, item: 'staff' }))
      .when(command(CHAIR, { type: 'MoveToClosedSession' }))
      .thenRefuses('ALREADY_CLOSED_SESSION');
  });

  test('only the chair moves an item behind closed doors', () => {
    given(...onMinutes())
      .when(command(councillor(1), { type: 'MoveToClosedSession', because: 'person' }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('a procedural vote waits for the open vote to close', () => {
    given(...play(onMinutes(), command(CHAIR, { type: 'OpenVote' }, 'v1')))
      .when(command(CHAIR, { type: 'MoveToClosedSession' }))
      .thenRefuses('VOTE_ALREADY_OPEN');
  });

  test('the rule applies in every region with its status and source', () => {
    for (const profile of Object.values(profiles)) {
      expect(profile.closedSession.source).not.toBe('');
      expect(['confirmed', 'unconfirmed', 'council']).toContain(profile.closedSession.status);
    }
  });
});

describe('once an item is closed, observers get nothing of it', () => {
  test.each(observers)('%s no longer sees the item, its votes or its queue', (_, reader) => {
    const log = play(
      closedByVote(),
      command(councillor(1), { type: 'RequestFloor', kind: 'contribution' }),
    );
    const view = meetingFor(meetingAfter(log), reader);
    expect(view.setup.agenda.map((i) => i.id)).not.toContain('minutes');
    expect(view.currentItemId).toBeNull();
    expect(view.votes).toEqual({});
    expect(view.queues.minutes).toBeUndefined();
    expect(view.agendaProgress.takenUp).not.toContain('minutes');
    expect(JSON.stringify(view)).not.toContain('Approval of the minutes');
  });

  test.each(observers)('%s is told the sitting is behind closed doors', (_, reader) => {
    expect(meetingFor(meetingAfter(closedByVote()), reader).behindClosedDoors).toBe(true);
  });

  test.each(observers)('%s receives the closing of the doors and nothing after it', (_, reader) => {
    const log = closedByVote();
    const meeting = meetingAfter(log);
    const closed = log.find((e) => e.type === 'SessionClosed');
    expect(closed && eventFor(meeting, closed, reader)).toEqual(closed);
    const request = play(
      log,
      command(councillor(2), { type: 'RequestFloor', kind: 'contribution' }),
    );
    const after = meetingAfter(request);
    expect(eventFor(after, request.at(-1) as Event, reader)).toBeNull();
  });

  test.each(observers)('%s replaying the log from the start does not see the item', (_, reader) => {
    const log = closedByVote();
    const meeting = meetingAfter(log);
    const replayed = log.map((e) => eventFor(meeting, e, reader)).filter((e) => e !== null);
    expect(JSON.stringify(replayed)).not.toContain('Approval of the minutes');
    expect(replayed.some((e) => e.type === 'VoteOpened')).toBe(false);
  });

  test('members of the council still see the closed item', () => {
    const meeting = meetingAfter(closedByVote());
    for (const reader of ['chair', 'councillor', 'director'] as const) {
      expect(meetingFor(meeting, reader).setup.agenda.map((i) => i.id)).toContain('minutes');
    }
  });

  test('taking up a public item reopens the doors', () => {
    const log = play(closedByVote(), command(CHAIR, { type: 'NextItem' }));
    const view = meetingFor(meetingAfter(log), 'observer');
    expect(view.behindClosedDoors).toBe(false);
    expect(view.currentItemId).toBe('budget');
  });

  test('the director alone learns the procedural vote’s count before publication', () => {
    const meeting = meetingAfter(closedByVote());
    expect(meetingFor(meeting, 'director').votes.p1?.result).not.toBeNull();
    expect(meetingFor(meeting, 'councillor').votes.p1?.result).toBeNull();
  });
});
