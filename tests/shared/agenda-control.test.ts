import { itemStatus, meetingFor, profiles } from '../../shared/src';
import { CHAIR, councillor, firstMembers, sitting } from './support/council';
import { meetingAfter } from './support/payloads';
import { command, given, play } from './support/spec';

const SYSTEM = 'system';
const nine = firstMembers(9);
const onMinutes = (profile: 'wallonia' | 'flanders' | 'roberts' = 'wallonia') =>
  sitting({ profile, members: 9, present: 9, item: 'minutes' });

function voted(voteId: string, yes: number) {
  return [
    ...nine.map((by, i) =>
      command(by, { type: 'CastBallot', voteId, choice: i < yes ? 'yes' : 'no' }),
    ),
    command(SYSTEM, { type: 'CountVote', voteId }),
  ];
}

const withdrawn = (reason?: string) =>
  play(
    onMinutes(),
    command(CHAIR, { type: 'WithdrawItem', itemId: 'budget', ...(reason ? { reason } : {}) }),
  );

describe('agenda control: jump, withdraw, postpone', () => {
  test('the chair takes up any item of the agenda', () => {
    given(...onMinutes())
      .when(command(CHAIR, { type: 'TakeUpItem', itemId: 'water' }))
      .then({ type: 'ItemTakenUp', itemId: 'water', by: CHAIR });
  });

  test('an item not on the agenda cannot be taken up', () => {
    given(...onMinutes())
      .when(command(CHAIR, { type: 'TakeUpItem', itemId: 'nowhere' }))
      .thenRefuses('ITEM_NOT_FOUND');
  });

  test('only the chair moves through the agenda', () => {
    given(...onMinutes())
      .when(command(councillor(1), { type: 'TakeUpItem', itemId: 'water' }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('a withdrawn item is recorded with who decided, when and why', () => {
    const log = withdrawn('file incomplete');
    const meeting = meetingAfter(log);
    expect(meeting.agendaProgress.setAside.budget).toEqual({
      how: 'withdrawn',
      by: CHAIR,
      at: log.at(-1)?.at,
      reason: 'file incomplete',
    });
    expect(itemStatus(meeting, 'budget')).toBe('withdrawn');
  });

  test('a postponed item is recorded as postponed to a later sitting', () => {
    const log = play(onMinutes(), command(CHAIR, { type: 'PostponeItem', itemId: 'water' }));
    const meeting = meetingAfter(log);
    expect(meeting.agendaProgress.setAside.water).toMatchObject({ how: 'postponed', by: CHAIR });
    expect(itemStatus(meeting, 'water')).toBe('postponed');
  });

  test('a withdrawn item cannot be taken up again', () => {
    given(...withdrawn())
      .when(command(CHAIR, { type: 'TakeUpItem', itemId: 'budget' }))
      .thenRefuses('ITEM_SET_ASIDE');
  });

  test('a withdrawn item cannot be withdrawn or postponed again', () => {
    given(...withdrawn())
      .when(command(CHAIR, { type: 'PostponeItem', itemId: 'budget' }))
      .thenRefuses('ITEM_SET_ASIDE');
  });

  test('an item cannot be withdrawn while a vote on it is open', () => {
    given(...play(onMinutes(), command(CHAIR, { type: 'OpenVote' }, 'v1')))
      .when(command(CHAIR, { type: 'WithdrawItem', itemId: 'minutes' }))
      .thenRefuses('VOTE_ALREADY_OPEN');
  });

  test('next item skips withdrawn and postponed items', () => {
    const log = play(
      withdrawn(),
      command(CHAIR, { type: 'PostponeItem', itemId: 'water' }),
      command(CHAIR, { type: 'NextItem' }),
    );
    expect(meetingAfter(log).currentItemId).toBe('staff');
  });

  test('previous item skips withdrawn and postponed items', () => {
    const log = play(
      withdrawn(),
      command(CHAIR, { type: 'TakeUpItem', itemId: 'water' }),
      command(CHAIR, { type: 'PreviousItem' }),
    );
    expect(meetingAfter(log).currentItemId).toBe('minutes');
  });

  test('the withdrawn item under discussion takes no motion and no vote', () => {
    const log = play(onMinutes(), command(CHAIR, { type: 'WithdrawItem', itemId: 'minutes' }));
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('NO_CURRENT_ITEM');
    given(...log)
      .when(command(councillor(1), { type: 'ProposeMotion', text: 'Adopt' }))
      .thenRefuses('NO_CURRENT_ITEM');
  });

  test('items not reached when the sitting closes are "not reached", never "examined"', () => {
    const log = play(
      withdrawn(),
      command(CHAIR, { type: 'PostponeItem', itemId: 'staff' }),
      command(CHAIR, { type: 'CloseMeeting' }),
    );
    const meeting = meetingAfter(log);
    expect(meeting.setup.agenda.map((item) => itemStatus(meeting, item.id))).toEqual([
      'examined',
      'withdrawn',
      'notReached',
      'postponed',
    ]);
  });

  test('during the sitting an item is pending, current, then examined', () => {
    const meeting = meetingAfter(play(onMinutes(), command(CHAIR, { type: 'NextItem' })));
    expect(itemStatus(meeting, 'minutes')).toBe('examined');
    expect(itemStatus(meeting, 'budget')).toBe('current');
    expect(itemStatus(meeting, 'water')).toBe('pending');
  });
});

describe('urgent items', () => {
  const proposed = () =>
    play(
      onMinutes(),
      command(
        CHAIR,
        { type: 'ProposeUrgentItem', title: 'Storm damage', subject: 'general' },
        'u1',
      ),
    );

  test('Wallonia CDLD L1122-24: urgency is declared by two thirds of the members present', () => {
    expect(profiles.wallonia.urgency).toMatchObject({
      value: { allowed: true, threshold: '2/3' },
      status: 'confirmed',
    });
    expect(profiles.wallonia.urgency.source).toContain('L1122-24');
  });

  test('Flanders DLB art. 21 and Brussels NLC art. 97: urgency by two thirds, an unconfirmed reading', () => {
    expect(profiles.flanders.urgency).toMatchObject({
      value: { allowed: true, threshold: '2/3' },
      status: 'unconfirmed',
    });
    expect(profiles.flanders.urgency.source).toContain('art. 21');
    expect(profiles.brussels.urgency).toMatchObject({ status: 'unconfirmed' });
    expect(profiles.brussels.urgency.source).toContain('art. 97');
  });

  test("Robert's Rules: the assembly takes up new business by a majority", () => {
    expect(profiles.roberts.urgency.value).toEqual({
      allowed: true,
      threshold: '1/2',
      base: 'votesCast',
    });
  });

  test('Wallonia CDLD L1122-24: the chair proposes an urgent item to a named vote of two thirds of the members present', () => {
    given(...onMinutes())
      .when(
        command(
          CHAIR,
          { type: 'ProposeUrgentItem', title: 'Storm damage', subject: 'general' },
          'u1',
        ),
      )
      .then({
        type: 'VoteOpened',
        voteId: 'u1',
        secret: false,
        threshold: '2/3',
        // "Two thirds of the members present", not of the votes cast.
        base: 'membersPresent',
        procedure: {
          kind: 'urgency',
          item: {
            id: 'urgent-u1',
            title: { fr: 'Storm damage', en: 'Storm damage' },
            session: 'public',
            subject: 'general',
          },
        },
      });
  });

  test('Wallonia CDLD L1122-24: urgency declared, the item is appended to the agenda, marked urgent', () => {
    const meeting = meetingAfter(play(proposed(), ...voted('u1', 6)));
    expect(meeting.setup.agenda.at(-1)).toMatchObject({ id: 'urgent-u1', session: 'public' });
    expect(meeting.agendaProgress.urgent).toEqual({ 'urgent-u1': 'u1' });
    expect(itemStatus(meeting, 'urgent-u1')).toBe('pending');
  });

  test('Wallonia CDLD L1122-24: short of two thirds, the agenda stays as convened', () => {
    const meeting = meetingAfter(play(proposed(), ...voted('u1', 5)));
    expect(meeting.setup.agenda.map((i) => i.id)).not.toContain('urgent-u1');
    expect(meeting.agendaProgress.urgent).toEqual({});
  });

  test('a council whose rules allow no urgency is refused', () => {
    const log = sitting({
      members: 9,
      present: 9,
      overrides: { urgency: { allowed: false, threshold: '2/3', base: 'membersPresent' } },
    });
    given(...log)
      .when(
        command(CHAIR, { type: 'ProposeUrgentItem', title: 'Storm damage', subject: 'general' }),
      )
      .thenRefuses('URGENCY_NOT_ALLOWED');
  });

  test('an agenda already at its 500 items takes no urgent item', () => {
    const full = Array.from({ length: 500 }, (_, i) => ({
      id: `item-${i}`,
      title: { fr: `Point ${i}`, nl: `Punt ${i}`, de: `Punkt ${i}`, en: `Item ${i}` },
      session: 'public' as const,
    }));
    given(...sitting({ members: 9, present: 9, agenda: full, item: 'item-0' }))
      .when(
        command(CHAIR, { type: 'ProposeUrgentItem', title: 'Storm damage', subject: 'general' }),
      )
      .thenRefuses('AGENDA_FULL');
  });

  test('an urgent item about persons is closed from the start, and observers see nothing of it', () => {
    const log = play(
      onMinutes(),
      command(
        CHAIR,
        { type: 'ProposeUrgentItem', title: 'Suspension of X', subject: 'suspension' },
        'u2',
      ),
      ...voted('u2', 9),
    );
    const meeting = meetingAfter(log);
    expect(meeting.setup.agenda.at(-1)).toMatchObject({ id: 'urgent-u2', session: 'closed' });
    const seen = JSON.stringify(meetingFor(meeting, 'observer'));
    expect(seen).not.toContain('Suspension of X');
    expect(JSON.stringify(meetingFor(meeting, 'director'))).toContain('Suspension of X');
  });
});
