import { eventFor, fold, meetingFor, type Event, type Reader } from '../../shared/src';
import { CHAIR, council, councillor, created, DIRECTOR, sitting } from './support/council';
import { meetingAfter, meetingOf } from './support/payloads';
import { command, play } from './support/spec';

const everyone: [string, Reader][] = [
  ['the director', 'director'],
  ['the chair', 'chair'],
  ['a councillor', 'councillor'],
  ['an observer', 'observer'],
  ['a reader not on the roster', null],
];
const allButDirector = everyone.filter(([, reader]) => reader !== 'director');
const observers = everyone.filter(([, reader]) => reader === 'observer' || reader === null);
const councilMembers = everyone.filter(([, reader]) => reader !== 'observer' && reader !== null);

const voters = [CHAIR, councillor(1), councillor(2), councillor(3), councillor(4)];

/** A named vote on c1's motion, on the public first item: 3 yes, 1 no, 1 abstention, counted. */
function countedMotion(): Event[] {
  const choices = ['yes', 'yes', 'yes', 'no', 'abstain'];
  return play(
    sitting({ members: 9, present: 5 }),
    command(councillor(1), { type: 'ProposeMotion', text: 'Keep the post office open' }, 'm-1'),
    command(CHAIR, { type: 'OpenVote', motionId: 'm-1' }, 'v-1'),
    ...voters.map((by, i) =>
      command(by, { type: 'CastBallot', voteId: 'v-1', choice: choices[i] ?? 'yes' }),
    ),
    command('system', { type: 'CountVote', voteId: 'v-1' }),
  );
}

function lastEvent(log: readonly Event[]): Event {
  const event = log.at(-1);
  if (!event) throw new Error('empty log');
  return event;
}

describe('an unpublished result is seen by the director only', () => {
  test('the director sees the counted vote and its result', () => {
    const vote = meetingFor(meetingAfter(countedMotion()), 'director').votes['v-1'];
    expect(vote).toMatchObject({ status: 'counted', result: { outcome: { kind: 'adopted' } } });
  });

  test.each(allButDirector)('%s sees the vote closed, with no result', (_, reader) => {
    const vote = meetingFor(meetingAfter(countedMotion()), reader).votes['v-1'];
    expect(vote).toMatchObject({ status: 'closed', result: null });
  });

  test.each(allButDirector)(
    '%s does not learn the outcome from the motion put to the vote',
    (_, reader) => {
      const motion = meetingFor(meetingAfter(countedMotion()), reader).motions['m-1'];
      expect(motion?.status).toBe('voting');
    },
  );

  test.each(allButDirector)('%s does not learn the outcome from an amended text', (_, reader) => {
    const log = play(
      sitting({ members: 9, present: 5 }),
      command(councillor(1), { type: 'ProposeMotion', text: 'Close the library' }, 'm-1'),
      command(councillor(2), { type: 'ProposeAmendment', motionId: 'm-1', text: 'Keep it' }, 'a'),
      command(CHAIR, { type: 'OpenVote', motionId: 'a' }, 'v-a'),
      ...voters.map((by) => command(by, { type: 'CastBallot', voteId: 'v-a', choice: 'yes' })),
      command('system', { type: 'CountVote', voteId: 'v-a' }),
    );
    expect(meetingFor(meetingAfter(log), 'director').votes['v-a']?.result?.outcome.kind).toBe(
      'adopted',
    );
    expect(meetingFor(meetingAfter(log), reader).motions['m-1']?.text).toBe('Close the library');
    const published = play(log, command(DIRECTOR, { type: 'PublishResult', voteId: 'v-a' }));
    expect(meetingFor(meetingAfter(published), reader).motions['m-1']?.text).toBe('Keep it');
  });

  test('the count reaches the director only on the live stream', () => {
    const log = countedMotion();
    const counted = lastEvent(log);
    expect(counted.type).toBe('VoteCounted');
    const before = meetingAfter(log.slice(0, -1));
    expect(eventFor(before, counted, 'director')).toEqual(counted);
    for (const [, reader] of allButDirector) expect(eventFor(before, counted, reader)).toBeNull();
  });

  test('the closing of the vote, with its participation, reaches everyone', () => {
    const log = countedMotion();
    const closed = log.find((e) => e.type === 'VoteClosed');
    if (!closed) throw new Error('the vote did not close');
    for (const [, reader] of everyone) {
      expect(eventFor(meetingAfter(log), closed, reader)).toEqual(closed);
    }
  });
});

describe('after publishing, everyone sees the result', () => {
  const published = () =>
    play(countedMotion(), command(DIRECTOR, { type: 'PublishResult', voteId: 'v-1' }));

  test.each(everyone)('%s sees the published result', (_, reader) => {
    const meeting = meetingAfter(published());
    const result = meeting.votes['v-1']?.result;
    expect(result?.outcome).toEqual({ kind: 'adopted' });
    expect(meetingFor(meeting, reader).votes['v-1']).toMatchObject({
      status: 'published',
      result,
    });
    expect(meetingFor(meeting, reader).motions['m-1']?.status).toBe('adopted');
  });

  test.each(everyone)('%s receives the publication on the live stream', (_, reader) => {
    const log = published();
    const event = lastEvent(log);
    expect(eventFor(meetingAfter(log), event, reader)).toEqual(event);
  });
});

/**
 * On the closed item `staff` (huis clos): two requests for the floor and a speech, a motion with a
 * withdrawn amendment, then a named vote on the motion, counted and published; then the chair goes
 * back to the public item before it.
 */
function closedSession() {
  const opening = sitting({ members: 9, present: 5, item: 'staff' });
  const log = play(
    opening,
    command(councillor(1), { type: 'RequestFloor', kind: 'contribution' }, 'r-1'),
    command(councillor(2), { type: 'RequestFloor', kind: 'contribution' }, 'r-2'),
    command(CHAIR, { type: 'GiveFloor', requestId: 'r-1' }),
    command(CHAIR, { type: 'EndSpeech' }),
    command(councillor(1), { type: 'ProposeMotion', text: 'Appoint Ms X' }, 'm-s'),
    command(councillor(2), { type: 'SecondMotion', motionId: 'm-s' }),
    command(councillor(3), { type: 'ProposeAmendment', motionId: 'm-s', text: 'Ms Y' }, 'a-s'),
    command(councillor(3), { type: 'WithdrawMotion', motionId: 'a-s' }),
    command(CHAIR, { type: 'OpenVote', motionId: 'm-s' }, 'v-s'),
    ...voters.map((by) => command(by, { type: 'CastBallot', voteId: 'v-s', choice: 'no' })),
    command('system', { type: 'CountVote', voteId: 'v-s' }),
    command(DIRECTOR, { type: 'PublishResult', voteId: 'v-s' }),
  );
  const takenUp = opening.findIndex((e) => e.type === 'ItemTakenUp');
  const back = play(log, command(CHAIR, { type: 'PreviousItem' }));
  return { log, back, closedEvents: log.slice(takenUp) };
}

describe('observers never see closed-session items', () => {
  test.each(observers)('%s does not see the closed item on the agenda', (_, reader) => {
    const view = meetingFor(meetingAfter(closedSession().log), reader);
    expect(view.setup.agenda.map((item) => item.id)).toEqual(['minutes', 'budget', 'water']);
  });

  test.each(observers)('%s does not see which closed item is under discussion', (_, reader) => {
    const view = meetingFor(meetingAfter(closedSession().log), reader);
    expect(view.currentItemId).toBeNull();
  });

  test.each(observers)('%s sees no queue, motion or vote of a closed item', (_, reader) => {
    const view = meetingFor(meetingAfter(closedSession().log), reader);
    expect(Object.keys(view.queues)).toEqual([]);
    expect(view.motions).toEqual({});
    expect(view.votes).toEqual({});
  });

  test.each(observers)('%s does not learn that a vote is open in closed session', (_, reader) => {
    const { log } = closedSession();
    const opened = log.findIndex((e) => e.type === 'VoteOpened');
    const voting = meetingAfter(log.slice(0, opened + 1));
    expect(voting.openVoteId).toBe('v-s');
    const view = meetingFor(voting, reader);
    expect(view.votes).toEqual({});
    expect(view.openVoteId).toBeNull();
  });

  test.each(observers)('%s receives no event of a closed item', (_, reader) => {
    const { log, closedEvents } = closedSession();
    const types = new Set(closedEvents.map((e) => e.type));
    expect([...types].sort()).toEqual(
      [
        'BallotCast',
        'FloorGiven',
        'FloorRequested',
        'ItemTakenUp',
        'MotionProposed',
        'MotionSeconded',
        'MotionWithdrawn',
        'ResultPublished',
        'SpeechEnded',
        'VoteClosed',
        'VoteCounted',
        'VoteOpened',
      ].sort(),
    );
    const start = log.length - closedEvents.length;
    closedEvents.forEach((event, i) => {
      const before = meetingAfter(log.slice(0, start + i));
      const after = meetingAfter(log.slice(0, start + i + 1));
      expect({ event: event.type, seen: eventFor(before, event, reader) }).toEqual({
        event: event.type,
        seen: null,
      });
      expect({ event: event.type, seen: eventFor(after, event, reader) }).toEqual({
        event: event.type,
        seen: null,
      });
    });
  });

  test.each(observers)(
    '%s sees the public item again once the chair returns to it',
    (_, reader) => {
      const { back } = closedSession();
      const returned = lastEvent(back);
      const meeting = meetingAfter(back);
      expect(returned).toMatchObject({ type: 'ItemTakenUp', itemId: 'water' });
      expect(eventFor(meeting, returned, reader)).toEqual(returned);
      expect(meetingFor(meeting, reader).currentItemId).toBe('water');
    },
  );

  test.each(observers)(
    '%s sees the public part of the meeting, not the tellers’ key ceremony',
    (_, reader) => {
      const log = play(
        sitting({ members: 9, present: 5 }),
        command(councillor(1), { type: 'RequestFloor', kind: 'contribution' }, 'r-p'),
      );
      const meeting = meetingAfter(log);
      const view = meetingFor(meeting, reader);
      expect(view.currentItemId).toBe('minutes');
      expect(view.queues['minutes']?.requests.map((r) => r.id)).toEqual(['r-p']);
      const ceremony = ['TellersNamed', 'TrusteeCommitted', 'TrusteeSharesDealt', 'TrusteeReady'];
      expect(log.filter((e) => e.type === 'TellersNamed')).toHaveLength(1);
      for (const event of log.slice(1)) {
        expect(eventFor(meeting, event, reader)).toEqual(
          ceremony.includes(event.type) ? null : event,
        );
      }
      expect(view.tellers).toEqual([]);
    },
  );

  test.each(councilMembers)('%s sees the closed item and everything on it', (_, reader) => {
    const { log, closedEvents } = closedSession();
    const meeting = meetingAfter(log);
    const view = meetingFor(meeting, reader);
    expect(view.setup.agenda.map((item) => item.id)).toContain('staff');
    expect(view.currentItemId).toBe('staff');
    expect(Object.keys(view.motions).sort()).toEqual(['a-s', 'm-s']);
    expect(view.votes['v-s']?.status).toBe('published');
    for (const event of closedEvents) {
      const expected = event.type === 'VoteCounted' && reader !== 'director' ? null : event;
      expect(eventFor(meeting, event, reader)).toEqual(expected);
    }
  });

  test.each(observers)(
    '%s receives the meeting and the agenda without the closed items',
    (_, reader) => {
      const setup = council({ members: 9 });
      const log = play(
        [created(setup)],
        command(DIRECTOR, { type: 'ReviseAgenda', agenda: setup.agenda }),
      );
      const meeting = meetingAfter(log);
      const [creation, revision] = log.map((event) => eventFor(meeting, event, reader));
      const publicItems = ['minutes', 'budget', 'water'];
      expect(creation?.type === 'MeetingCreated' && creation.setup.agenda.map((i) => i.id)).toEqual(
        publicItems,
      );
      expect(revision?.type === 'AgendaRevised' && revision.agenda.map((i) => i.id)).toEqual(
        publicItems,
      );
    },
  );
});

/** Every birth date anywhere in a value. */
function birthDatesIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return (value as unknown[]).flatMap(birthDatesIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    key === 'birthDate' ? [inner] : birthDatesIn(inner),
  );
}

describe('birth dates are seen by the director only', () => {
  const draft = () => {
    const setup = council({ members: 9 });
    return play(
      [created(setup)],
      command(DIRECTOR, { type: 'ReviseRoster', roster: setup.roster }),
      command(DIRECTOR, { type: 'ReviseAgenda', agenda: setup.agenda }),
    );
  };

  test('the director sees the birth dates of members and candidates', () => {
    const view = meetingFor(meetingAfter(draft()), 'director');
    expect(view.setup.roster.find((m) => m.id === CHAIR)?.birthDate).toBe('1960-01-01');
    const water = view.setup.agenda.find((item) => item.id === 'water');
    expect(water?.candidates.map((c) => c.birthDate)).toEqual([
      '1950-01-01',
      '1990-01-01',
      '1970-01-01',
    ]);
  });

  test.each(allButDirector)('%s sees no birth date in the meeting', (_, reader) => {
    const meeting = meetingAfter(draft());
    expect(birthDatesIn(meeting).length).toBeGreaterThan(0);
    const view = meetingFor(meeting, reader);
    expect(birthDatesIn(view)).toEqual([]);
    expect(view.setup.roster).toHaveLength(meeting.setup.roster.length);
  });

  test.each(allButDirector)('%s receives no birth date on the live stream', (_, reader) => {
    const log = draft();
    const meeting = meetingAfter(log);
    expect(log.map((e) => e.type)).toEqual(['MeetingCreated', 'RosterRevised', 'AgendaRevised']);
    for (const event of log) {
      expect(birthDatesIn(event).length).toBeGreaterThan(0);
      expect(birthDatesIn(eventFor(meeting, event, reader))).toEqual([]);
    }
  });

  test('the director receives the birth dates on the live stream', () => {
    const log = draft();
    const meeting = meetingAfter(log);
    for (const event of log) expect(eventFor(meeting, event, 'director')).toEqual(event);
  });
});

describe('a view is a copy', () => {
  test('filtering the meeting for each reader leaves the meeting itself untouched', () => {
    const state = fold(closedSession().log);
    const snapshot = structuredClone(state);
    for (const [, reader] of everyone) meetingFor(meetingOf(state), reader);
    expect(state).toEqual(snapshot);
  });
});

describe("one state's setup, drawn once per reader, is each reader's own", () => {
  const readersInTurn: Reader[] = ['director', null, 'chair', 'observer', 'councillor', 'director'];

  test('readers asking in turn about one state each see what their role allows', () => {
    const meeting = meetingAfter(closedSession().log);
    for (const reader of [...readersInTurn, ...[...readersInTurn].reverse()]) {
      const view = meetingFor(meeting, reader);
      const observer = reader === null || reader === 'observer';
      expect(view.setup.agenda.some((item) => item.id === 'staff')).toBe(!observer);
      expect(birthDatesIn(view).length > 0).toBe(reader === 'director');
    }
  });

  test('a revised roster or agenda is seen at once, not the setup drawn before it', () => {
    const setup = council({ members: 9 });
    const before = play([created(setup)]);
    for (const reader of readersInTurn) meetingFor(meetingAfter(before), reader);
    const renamed = setup.roster.map((m) => (m.id === CHAIR ? { ...m, name: 'New Chair' } : m));
    const publicOnly = setup.agenda.filter((item) => item.id !== 'water');
    const after = play(
      before,
      command(DIRECTOR, { type: 'ReviseRoster', roster: renamed }),
      command(DIRECTOR, { type: 'ReviseAgenda', agenda: publicOnly }),
    );
    for (const reader of readersInTurn) {
      const view = meetingFor(meetingAfter(after), reader);
      expect(view.setup.roster.find((m) => m.id === CHAIR)?.name).toBe('New Chair');
      expect(view.setup.agenda.map((item) => item.id)).not.toContain('water');
    }
  });
});
