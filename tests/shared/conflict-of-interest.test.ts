import {
  eventFor,
  fold,
  messageOf,
  meetingFor,
  minutesOf,
  profiles,
  profileWith,
  quorum,
  type Event,
  type Language,
  type Meeting,
  type ProfileId,
} from '../../shared/src';
import { CHAIR, councillor, sitting } from './support/council';
import { linesOf, SEAL } from './support/minutes';
import { command, given, play } from './support/spec';

const c1 = councillor(1);
const c2 = councillor(2);

function meetingOf(log: readonly Event[]): Meeting {
  const state = fold(log);
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

const declare = (by: string, itemId: string, member?: string) =>
  command(by, { type: 'DeclareConflict', itemId, ...(member ? { member } : {}) });
const next = () => command(CHAIR, { type: 'NextItem' });
const openVote = (id = 'v1') => command(CHAIR, { type: 'OpenVote', secret: false }, id);
const cast = (by: string, voteId = 'v1') =>
  command(by, { type: 'CastBallot', voteId, choice: 'yes' });

/** 9 in office, all present, on the first item (`minutes`); c1 has declared a conflict on `budget`. */
function declaredOnBudget(profile: ProfileId, present = 9): Event[] {
  return play(sitting({ profile, members: 9, present }), declare(c1, 'budget'));
}

const statusOf = (log: readonly Event[], member: string) =>
  meetingOf(log).attendance[member]?.status;

describe('conflict of interest', () => {
  test('each region says whether the member in conflict leaves the room, with its article', () => {
    expect(profiles.wallonia.conflictOfInterest).toMatchObject({
      value: { leavesRoom: true },
      status: 'confirmed',
    });
    expect(profiles.wallonia.conflictOfInterest.source).toContain('CDLD L1122-19');
    expect(profiles.flanders.conflictOfInterest).toMatchObject({
      value: { leavesRoom: false },
      status: 'confirmed',
    });
    expect(profiles.flanders.conflictOfInterest.source).toContain('art. 27');
    expect(profiles.brussels.conflictOfInterest).toMatchObject({
      value: { leavesRoom: true },
      status: 'unconfirmed',
    });
    expect(profiles.brussels.conflictOfInterest.source).toContain('NLC art. 92');
    expect(profiles.roberts.conflictOfInterest).toMatchObject({
      value: { leavesRoom: false },
      status: 'unconfirmed',
    });
    const leaving = profileWith('flanders', { conflictOfInterest: { leavesRoom: true } });
    expect(leaving.conflictOfInterest).toMatchObject({
      value: { leavesRoom: true },
      status: 'council',
    });
  });

  test('a member declares a conflict of interest on an item', () => {
    given(...sitting({ members: 9, present: 9 }))
      .when(declare(c1, 'budget'))
      .then({ type: 'ConflictDeclared', itemId: 'budget', member: c1, by: c1 });
  });

  test('Flanders DLB art. 27: a member in conflict may not vote on the item', () => {
    const log = play(declaredOnBudget('flanders'), next(), openVote());
    const vote = meetingOf(log).votes['v1'];
    expect(vote?.eligible).toHaveLength(8);
    expect(vote?.eligible).not.toContain(c1);
    given(...log)
      .when(cast(c1))
      .thenRefuses('CONFLICT_OF_INTEREST');
    // The other eight voting close the vote: the member in conflict is not waited for.
    const others = meetingOf(log).votes['v1']?.eligible ?? [];
    const all = play(log, ...others.slice(0, -1).map((member) => cast(member)));
    given(...all)
      .when(cast(others.at(-1) ?? ''))
      .then({ type: 'BallotCast' }, { type: 'VoteClosed', reason: 'allVoted', participation: 8 });
  });

  test('Flanders DLB art. 27: a member in conflict takes no part in the debate on the item', () => {
    const log = play(
      declaredOnBudget('flanders'),
      next(),
      command(c2, { type: 'ProposeMotion', text: 'Adopt the budget amendment' }, 'm1'),
    );
    for (const refused of [
      command(c1, { type: 'RequestFloor', kind: 'contribution' }),
      command(c1, { type: 'RequestFloor', kind: 'pointOfOrder' }),
      command(c1, { type: 'ProposeMotion', text: 'Reject it' }),
      command(c1, { type: 'ProposeAmendment', motionId: 'm1', text: 'and more' }),
      command(c1, { type: 'SecondMotion', motionId: 'm1' }),
    ]) {
      given(...log)
        .when(refused)
        .thenRefuses('CONFLICT_OF_INTEREST');
    }
    // On the other items the member takes part as any other.
    given(...play(log, next()))
      .when(command(c1, { type: 'RequestFloor', kind: 'contribution' }))
      .then({ type: 'FloorRequested', member: c1 });
  });

  test('Flanders DLB art. 27: the member in conflict stays in the room and counts for quorum', () => {
    const log = play(declaredOnBudget('flanders'), next());
    expect(log.filter((event) => event.type === 'MemberLeftForItem')).toEqual([]);
    expect(statusOf(log, c1)).toBe('present');
    expect(quorum(meetingOf(log)).present).toBe(9);
  });

  test('Wallonia CDLD L1122-19: the member in conflict leaves the room for the item and returns after', () => {
    const onBudget = given(...declaredOnBudget('wallonia')).when(next());
    onBudget.then(
      { type: 'ItemTakenUp', itemId: 'budget' },
      { type: 'MemberLeftForItem', itemId: 'budget', member: c1 },
    );
    const during = play(declaredOnBudget('wallonia'), next());
    expect(statusOf(during, c1)).toBe('absent');
    expect(quorum(meetingOf(during)).present).toBe(8);
    expect(meetingOf(play(during, openVote())).votes['v1']?.eligible).not.toContain(c1);

    given(...during)
      .when(next())
      .then(
        { type: 'ItemTakenUp', itemId: 'water' },
        { type: 'MemberReturnedAfterItem', itemId: 'budget', member: c1 },
      );
    const after = play(during, next());
    expect(statusOf(after, c1)).toBe('present');
    const [conflict] = meetingOf(after).conflicts?.['budget'] ?? [];
    expect(conflict).toMatchObject({ member: c1, declaredBy: c1 });
    expect(conflict?.leftAt).not.toBeNull();
    expect(conflict?.returnedAt).not.toBeNull();
  });

  test('Wallonia CDLD L1122-19: the member out for the item cannot check in until the sitting moves on', () => {
    const during = play(declaredOnBudget('wallonia'), next());
    given(...during)
      .when(command(c1, { type: 'CheckIn' }))
      .thenRefuses('CONFLICT_LEFT_ROOM');
    given(...play(during, command(CHAIR, { type: 'OpenRollCall' })))
      .when(command(c1, { type: 'AnswerRollCall' }))
      .thenRefuses('CONFLICT_LEFT_ROOM');
  });

  test('Wallonia CDLD L1122-19: the leaving counts against quorum, so the vote cannot open without it', () => {
    // 9 in office, 5 present: quorum exactly; the member in conflict leaves and quorum is lost.
    const during = play(declaredOnBudget('wallonia', 5), next());
    expect(quorum(meetingOf(during))).toMatchObject({ present: 4, needed: 5, reached: false });
    given(...during)
      .when(openVote())
      .thenRefuses('QUORUM_NOT_REACHED');
  });

  test('Wallonia CDLD L1122-19: declared on the item under debate, the member leaves at once and their requests lapse', () => {
    const log = play(
      sitting({ profile: 'wallonia', members: 9, present: 9, item: 'budget' }),
      command(c1, { type: 'RequestFloor', kind: 'contribution' }, 'r1'),
    );
    given(...log)
      .when(declare(CHAIR, 'budget', c1))
      .then(
        { type: 'ConflictDeclared', itemId: 'budget', member: c1, by: CHAIR },
        { type: 'FloorRequestWithdrawn', itemId: 'budget', requestId: 'r1' },
        { type: 'MemberLeftForItem', itemId: 'budget', member: c1 },
      );
  });

  test('a member in conflict on two items in a row stays out and returns after the second', () => {
    const log = play(declaredOnBudget('wallonia'), declare(c1, 'water'), next());
    given(...log)
      .when(next())
      .then(
        { type: 'ItemTakenUp', itemId: 'water' },
        { type: 'MemberLeftForItem', itemId: 'water', member: c1 },
      );
    given(...play(log, next()))
      .when(next())
      .then(
        { type: 'ItemTakenUp', itemId: 'staff' },
        { type: 'MemberReturnedAfterItem', itemId: 'water', member: c1 },
      );
  });

  test('a member absent when the item is taken up does not leave, and is not brought back', () => {
    const log = play(declaredOnBudget('wallonia'), command(c1, { type: 'CheckOut' }));
    given(...log)
      .when(next())
      .then({ type: 'ItemTakenUp', itemId: 'budget' });
    expect(given(...log).when(next()).events).toHaveLength(1);
  });

  test('the chair records a conflict for a member; a councillor cannot record one for another', () => {
    const log = sitting({ members: 9, present: 9 });
    given(...log)
      .when(declare(CHAIR, 'budget', c2))
      .then({ type: 'ConflictDeclared', member: c2, by: CHAIR });
    given(...log)
      .when(declare(c1, 'budget', c2))
      .thenRefuses('NOT_AUTHORIZED');
    given(...log)
      .when(declare('director', 'budget'))
      .thenRefuses('NOT_AUTHORIZED');
    given(...log)
      .when(declare(CHAIR, 'budget', 'director'))
      .thenRefuses('NOT_A_MEMBER');
    given(...log)
      .when(declare(CHAIR, 'no-such-item', c2))
      .thenRefuses('ITEM_NOT_FOUND');
    given(...play(log, declare(c2, 'budget')))
      .when(declare(CHAIR, 'budget', c2))
      .thenRefuses('CONFLICT_ALREADY_DECLARED');
  });

  test('the chair lifts a wrongly recorded conflict before the item is taken up; after, it stands', () => {
    const log = play(sitting({ members: 9, present: 9 }), declare(CHAIR, 'budget', c2));
    const lift = () => command(CHAIR, { type: 'LiftConflict', itemId: 'budget', member: c2 });
    given(...log)
      .when(lift())
      .then({ type: 'ConflictLifted', itemId: 'budget', member: c2 });
    given(...log)
      .when(command(c2, { type: 'LiftConflict', itemId: 'budget', member: c2 }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...play(log, lift()))
      .when(lift())
      .thenRefuses('CONFLICT_NOT_FOUND');
    given(...play(log, next()))
      .when(lift())
      .thenRefuses('CONFLICT_ITEM_TAKEN_UP');
    // Lifted, the member votes on the item as any other.
    const lifted = play(log, lift(), next(), openVote());
    expect(meetingOf(lifted).votes['v1']?.eligible).toContain(c2);
  });

  test('a conflict is not declared while a vote on the item is open, nor on an item already dealt with', () => {
    const voting = play(sitting({ members: 9, present: 9, item: 'budget' }), openVote());
    given(...voting)
      .when(declare(c1, 'budget'))
      .thenRefuses('CONFLICT_DURING_VOTE');
    // A vote on another item does not stop a declaration for a later one.
    given(...voting)
      .when(declare(c1, 'water'))
      .then({ type: 'ConflictDeclared', itemId: 'water' });
    given(...play(sitting({ members: 9, present: 9 }), next()))
      .when(declare(c1, 'minutes'))
      .thenRefuses('CONFLICT_ITEM_PASSED');
  });

  test('a conflict is declared from the convocation until the sitting closes', () => {
    const [created, convenedEvent] = sitting({ members: 9 });
    given(...[created].filter((e): e is Event => e !== undefined))
      .when(declare(c1, 'budget'))
      .thenRefuses('MEETING_NOT_CONVENED');
    given(...[created, convenedEvent].filter((e): e is Event => e !== undefined))
      .when(declare(c1, 'budget'))
      .then({ type: 'ConflictDeclared' });
    given(...play(sitting({ members: 9, present: 9 }), command(CHAIR, { type: 'CloseMeeting' })))
      .when(declare(c1, 'budget'))
      .thenRefuses('MEETING_CLOSED');
  });

  test('the refusal cites the region’s article in the member’s language', () => {
    const log = play(declaredOnBudget('wallonia'), next());
    const refusal = given(...log).when(command(c1, { type: 'CheckIn' })).decision;
    if (refusal.ok) throw new Error('accepted');
    expect(messageOf(refusal.error, 'fr')).toContain('CDLD L1122-19');
    const flemish = given(...play(declaredOnBudget('flanders'), next())).when(
      command(c1, { type: 'RequestFloor', kind: 'contribution' }),
    ).decision;
    if (flemish.ok) throw new Error('accepted');
    expect(messageOf(flemish.error, 'nl')).toBe(
      'U hebt een persoonlijk belang bij dit punt: u neemt niet deel aan de bespreking en de stemming ervan (DLB art. 27).',
    );
  });

  test('an observer learns nothing of a conflict on a closed item', () => {
    const log = play(sitting({ members: 9, present: 9 }), declare(c1, 'staff'));
    const declared = log.at(-1) as Event;
    const meeting = meetingOf(log);
    expect(eventFor(meeting, declared, 'observer')).toBeNull();
    expect(eventFor(meeting, declared, 'councillor')).toEqual(declared);
    expect(meetingFor(meeting, 'observer').conflicts).toEqual({});
    expect(meetingFor(meeting, 'councillor').conflicts?.['staff']).toHaveLength(1);
  });

  test('the minutes say who left the sitting for the item, in the meeting’s language', () => {
    const inLanguage = (log: Event[], language: Language): Event[] =>
      log.map((event) =>
        event.type === 'MeetingCreated' ? { ...event, setup: { ...event.setup, language } } : event,
      );
    const lines = (log: Event[], language: Language) => {
      const minutes = minutesOf({
        events: inLanguage(log, language),
        reader: 'director',
        seal: SEAL,
      });
      if (!minutes) throw new Error('no minutes');
      return linesOf(minutes);
    };
    const wallonia = play(declaredOnBudget('wallonia'), next(), next());
    expect(lines(wallonia, 'fr')).toContain(
      'Councillor 1, ayant un intérêt personnel, a quitté la séance pour ce point (CDLD L1122-19).',
    );
    expect(lines(wallonia, 'nl')).toContain(
      'Councillor 1, die een persoonlijk belang heeft, heeft de zitting voor dit punt verlaten (CDLD L1122-19).',
    );
    // The leaving and the return are among the comings and goings, with the item then in hand.
    const english = lines(wallonia, 'en');
    expect(
      english.filter((line) => line.includes('Councillor 1') && line.includes('(item')),
    ).toEqual([
      expect.stringMatching(/Councillor 1 leaves the meeting \(item 2\)$/),
      expect.stringMatching(/Councillor 1 joins the meeting \(item 3\)$/),
    ]);
    const flanders = play(declaredOnBudget('flanders'), next(), next());
    expect(lines(flanders, 'nl')).toContain(
      'Councillor 1, die een persoonlijk belang heeft, heeft niet deelgenomen aan de bespreking en de stemming over dit punt (DLB art. 27).',
    );
    // An item not yet taken up says nothing yet of a conflict declared on it.
    expect(lines(declaredOnBudget('flanders'), 'en').join('\n')).not.toContain('personal interest');
  });
});
