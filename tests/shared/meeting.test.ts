import { fold, meetingSetupSchema } from '../../shared/src';
import {
  CHAIR,
  DIRECTOR,
  convened,
  council,
  councillor,
  created,
  opened,
  sitting,
} from './support/council';
import { command, given } from './support/spec';

const title = { fr: 'Point', nl: 'Punt', de: 'Punkt', en: 'Item' };

describe('meeting lifecycle', () => {
  test('the director creates a meeting as a draft', () => {
    const outcome = given().when(command(DIRECTOR, { type: 'CreateMeeting', setup: council() }));
    outcome.then({ type: 'MeetingCreated', meetingId: expect.any(String) as string });
    expect(outcome.after.status).toBe('draft');
  });

  test('a meeting cannot be created twice', () => {
    given(created())
      .when(command(DIRECTOR, { type: 'CreateMeeting', setup: council() }))
      .thenRefuses('MEETING_EXISTS');
  });

  test('a command on a meeting that does not exist is refused', () => {
    given()
      .when(command(CHAIR, { type: 'OpenMeeting' }))
      .thenRefuses('MEETING_NOT_FOUND');
  });

  test('a roster needs exactly one chair', () => {
    const setup = council();
    const twoChairs = setup.roster.map((m) =>
      m.id === 'c1' ? { ...m, role: 'chair' as const } : m,
    );
    given()
      .when(command(DIRECTOR, { type: 'CreateMeeting', setup: { ...setup, roster: twoChairs } }))
      .thenRefuses('INVALID_SETUP');
  });

  test('a roster needs a director and no member twice', () => {
    const setup = council();
    given(created())
      .when(
        command(DIRECTOR, {
          type: 'ReviseRoster',
          roster: [...setup.roster, ...setup.roster.slice(1, 2)],
        }),
      )
      .thenRefuses('INVALID_SETUP');
    given(created())
      .when(
        command(DIRECTOR, {
          type: 'ReviseRoster',
          roster: setup.roster.filter((m) => m.role !== 'director'),
        }),
      )
      .thenRefuses('INVALID_SETUP');
  });

  test('an agenda item about a person must be in closed session', () => {
    const agenda = meetingSetupSchema.shape.agenda.parse([
      { id: 'p', title, session: 'public', subject: 'person' },
    ]);
    given(created())
      .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda }))
      .thenRefuses('CLOSED_SESSION_REQUIRED');
  });

  test('in Brussels the budget is never dealt with in closed session (art. 93)', () => {
    const agenda = meetingSetupSchema.shape.agenda.parse([
      { id: 'b', title, session: 'closed', subject: 'budget' },
    ]);
    given(created(council({ profile: 'brussels' })))
      .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda }))
      .thenRefuses('CLOSED_SESSION_FORBIDDEN');
    given(created(council({ profile: 'wallonia' })))
      .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda }))
      .then({ type: 'AgendaRevised' });
  });

  test('items with the same id are refused', () => {
    const agenda = meetingSetupSchema.shape.agenda.parse([
      { id: 'a', title, session: 'public' },
      { id: 'a', title, session: 'public' },
    ]);
    given(created())
      .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda }))
      .thenRefuses('INVALID_SETUP');
  });

  test('the director chooses another rules profile before the meeting opens', () => {
    const outcome = given(created()).when(
      command(DIRECTOR, {
        type: 'ChooseRules',
        rules: { profile: 'roberts', overrides: { voteChangeUntilClose: false } },
      }),
    );
    outcome.then({ type: 'RulesChosen' });
    const after = outcome.after;
    expect(after.status !== 'none' && after.profile.id).toBe('roberts');
    expect(after.status !== 'none' && after.profile.voteChangeUntilClose.status).toBe('council');
  });

  test('the director chooses the meeting language before the meeting opens, and not after', () => {
    const outcome = given(created()).when(
      command(DIRECTOR, { type: 'ChooseLanguage', language: 'de' }),
    );
    outcome.then({ type: 'LanguageChosen', language: 'de' });
    expect(outcome.after.status !== 'none' && outcome.after.setup.language).toBe('de');
    given(created(), convened(), opened())
      .when(command(DIRECTOR, { type: 'ChooseLanguage', language: 'de' }))
      .thenRefuses('SETUP_LOCKED');
  });

  test('the setup is locked once the meeting is open', () => {
    given(created(), convened(), opened())
      .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda: [] }))
      .thenRefuses('SETUP_LOCKED');
    given(created(), convened(), opened())
      .when(
        command(DIRECTOR, {
          type: 'ConveneMeeting',
          place: 'Council chamber',
          reason: 'Chamber under renovation',
        }),
      )
      .thenRefuses('SETUP_LOCKED');
  });

  test('a meeting opens only after it was convened', () => {
    given(created())
      .when(command(CHAIR, { type: 'OpenMeeting' }))
      .thenRefuses('MEETING_NOT_CONVENED');
    given(created(), convened())
      .when(command(CHAIR, { type: 'OpenMeeting' }))
      .then({ type: 'MeetingOpened' });
    given(created(), convened(), opened())
      .when(command(CHAIR, { type: 'OpenMeeting' }))
      .thenRefuses('SETUP_LOCKED');
  });

  test('only the chair opens the meeting, whatever the Teams meeting role', () => {
    given(created(), convened())
      .when(command(DIRECTOR, { type: 'OpenMeeting' }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('a closed meeting cannot be reopened, nor closed twice', () => {
    const history = [
      ...sitting(),
      { type: 'MeetingClosed' as const, at: '2026-11-23T22:00:00Z', by: CHAIR },
    ];
    given(...history)
      .when(command(CHAIR, { type: 'OpenMeeting' }))
      .thenRefuses('MEETING_CLOSED');
    given(...history)
      .when(command(CHAIR, { type: 'CloseMeeting' }))
      .thenRefuses('MEETING_CLOSED');
    given(...history)
      .when(command(CHAIR, { type: 'NextItem' }))
      .thenRefuses('MEETING_CLOSED');
  });

  test('a meeting cannot close while a vote is open', () => {
    const history = sitting();
    const withVote = given(...history).when(command(CHAIR, { type: 'OpenVote' }));
    given(...history, ...withVote.events)
      .when(command(CHAIR, { type: 'CloseMeeting' }))
      .thenRefuses('VOTE_ALREADY_OPEN');
  });
});

describe('the agenda', () => {
  test('the first next item is the first item of the agenda', () => {
    given(created(), convened(), opened())
      .when(command(CHAIR, { type: 'NextItem' }))
      .then({ type: 'ItemTakenUp', itemId: 'minutes' });
  });

  test('the chair moves to the next and the previous item', () => {
    given(...sitting({ item: 'budget' }))
      .when(command(CHAIR, { type: 'NextItem' }))
      .then({ type: 'ItemTakenUp', itemId: 'water' });
    given(...sitting({ item: 'budget' }))
      .when(command(CHAIR, { type: 'PreviousItem' }))
      .then({ type: 'ItemTakenUp', itemId: 'minutes' });
  });

  test('there is no item before the first nor after the last', () => {
    given(...sitting({ item: 'minutes' }))
      .when(command(CHAIR, { type: 'PreviousItem' }))
      .thenRefuses('START_OF_AGENDA');
    given(...sitting({ item: 'staff' }))
      .when(command(CHAIR, { type: 'NextItem' }))
      .thenRefuses('END_OF_AGENDA');
    given(...sitting({ item: null }))
      .when(command(CHAIR, { type: 'PreviousItem' }))
      .thenRefuses('NO_CURRENT_ITEM');
  });

  test('the agenda does not move before the meeting opens', () => {
    given(created(), convened())
      .when(command(CHAIR, { type: 'NextItem' }))
      .thenRefuses('MEETING_NOT_OPEN');
  });

  test('leaving an item ends the speech in progress', () => {
    const history = [
      ...sitting(),
      {
        type: 'FloorRequested' as const,
        itemId: 'minutes',
        requestId: 'r1',
        member: councillor(1),
        kind: 'contribution' as const,
        at: '2026-11-23T19:00:00.000Z',
        by: councillor(1),
      },
      {
        type: 'FloorGiven' as const,
        itemId: 'minutes',
        requestId: 'r1',
        member: councillor(1),
        kind: 'contribution' as const,
        at: '2026-11-23T19:00:00.000Z',
        by: CHAIR,
      },
    ];
    const outcome = given(...history).when({
      ...command(CHAIR, { type: 'NextItem' }),
      at: '2026-11-23T19:02:30.000Z',
    });
    outcome.then(
      { type: 'SpeechEnded', member: councillor(1), durationMs: 150_000 },
      { type: 'ItemTakenUp', itemId: 'budget' },
    );
    const state = fold([...history, ...outcome.events]);
    expect(state.status !== 'none' && state.queues.minutes?.status).toBe('idle');
  });
});
