import {
  articlesOf,
  eventFor,
  fold,
  meetingFor,
  minutesOf,
  ruleDescription,
  type Command,
  type Event,
  type Meeting,
  type WireCommand,
} from '../../shared/src';
import { CHAIR, DIRECTOR, OBSERVER, council, councillor, created } from './support/council';
import { SEAL, linesOf } from './support/minutes';
import { command, given } from './support/spec';

/** The sitting of these tests: Monday 23 November 2026 at 19:30 in Brussels. */
const REMOTE = { place: undefined, reason: 'The council chamber is closed for works' };
const convene = (wire: Partial<Extract<WireCommand, { type: 'ConveneMeeting' }>> = REMOTE) =>
  ({ type: 'ConveneMeeting', ...wire }) as const;

/** The director's command, sent at noon on the given day of November 2026, Brussels time. */
function sentOn(day: number, wire: WireCommand = convene()): Command {
  const at = new Date(Date.UTC(2026, 10, day, 11, 0, 0)).toISOString();
  return { ...command(DIRECTOR, wire), at };
}

function meetingAfter(...events: Event[]): Meeting {
  const state = fold(events);
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

const convenedEvents = (setup = council({ members: 5 })): Event[] => [
  created(setup),
  ...given(created(setup)).when(sentOn(10)).events,
];

describe('the convocation says where, or how and why', () => {
  test('a remote sitting’s convocation states why it is remote and names the tool (AGW 23 Sep 2021, art. 1)', () => {
    const outcome = given(created()).when(
      sentOn(10, convene({ reason: 'Works in the chamber', join: 'https://teams.example/join' })),
    );
    outcome.then({
      type: 'MeetingConvened',
      convocation: {
        mode: 'remote',
        tool: 'Microsoft Teams',
        join: 'https://teams.example/join',
        reason: 'Works in the chamber',
      },
    });
    expect(outcome.after.status).toBe('convened');
  });

  test('a remote or hybrid sitting convened without a reason is refused, and nothing changes', () => {
    const outcome = given(created()).when(sentOn(10, convene({})));
    outcome.thenRefuses('CONVOCATION_REASON_MISSING');
    expect(outcome.after.status).toBe('draft');
    given(created())
      .when(sentOn(10, convene({ mode: 'hybrid', place: 'Town hall' })))
      .thenRefuses('CONVOCATION_REASON_MISSING');
  });

  test('a sitting with members in the room names its place', () => {
    given(created())
      .when(sentOn(10, convene({ mode: 'in-person' })))
      .thenRefuses('CONVOCATION_PLACE_MISSING');
    given(created())
      .when(sentOn(10, convene({ mode: 'hybrid', reason: 'Members abroad' })))
      .thenRefuses('CONVOCATION_PLACE_MISSING');
  });

  test('the mode convened becomes the sitting’s, and an in-person convocation keeps no remote reason', () => {
    const outcome = given(created()).when(
      sentOn(10, convene({ mode: 'in-person', place: 'Town hall', reason: 'ignored' })),
    );
    const [event] = outcome.events;
    expect(event).toMatchObject({ convocation: { mode: 'in-person', place: 'Town hall' } });
    expect(event && 'convocation' in event && event.convocation?.reason).toBeUndefined();
    const after = outcome.after;
    expect(after.status !== 'none' && after.setup.mode).toBe('in-person');
  });

  test('only the director convenes', () => {
    given(created())
      .when({ ...sentOn(10), by: CHAIR })
      .thenRefuses('NOT_AUTHORIZED');
    given(created())
      .when({ ...sentOn(10), by: councillor(1) })
      .thenRefuses('NOT_AUTHORIZED');
  });
});

describe('the notice period: a late convocation goes out, and the director is warned with the rule', () => {
  const late = (profile: Parameters<typeof council>[0], day: number, wire?: WireCommand) => {
    const [event] = given(created(council(profile))).when(sentOn(day, wire)).events;
    return event && 'late' in event ? (event.late ?? null) : null;
  };

  test('Wallonia: seven clear days, neither the day it is sent nor the sitting’s counting (CDLD L1122-13)', () => {
    expect(late({ profile: 'wallonia' }, 15)).toBeNull();
    expect(late({ profile: 'wallonia' }, 16)).toEqual({ needed: 7, given: 6, clear: true });
  });

  test('Brussels: seven clear days too (NLC art. 87)', () => {
    expect(late({ profile: 'brussels' }, 15)).toBeNull();
    expect(late({ profile: 'brussels' }, 20)).toEqual({ needed: 7, given: 2, clear: true });
  });

  test('Flanders: eight days before the day of the sitting (DLB art. 20)', () => {
    expect(late({ profile: 'flanders' }, 15)).toBeNull();
    expect(late({ profile: 'flanders' }, 16)).toEqual({ needed: 8, given: 7, clear: false });
  });

  test('Robert’s Rules: the bylaws set the notice, so the app warns of none', () => {
    expect(late({ profile: 'roberts' }, 23)).toBeNull();
  });

  test('a repeat convocation after a sitting without quorum needs two clear days in Wallonia', () => {
    expect(late({ profile: 'wallonia', convocation: 2 }, 20)).toBeNull();
    expect(late({ profile: 'wallonia', convocation: 2 }, 21)).toEqual({
      needed: 2,
      given: 1,
      clear: true,
    });
  });

  test('in urgency, as the articles allow, a short notice is no shortfall', () => {
    expect(late({ profile: 'wallonia' }, 21, convene({ ...REMOTE, urgent: true }))).toBeNull();
  });

  test('a council’s house rules may ask for longer notice', () => {
    const overrides = { noticePeriod: { days: 10, clear: true, repeatDays: null, urgency: false } };
    expect(late({ profile: 'wallonia', overrides }, 15)).toEqual({
      needed: 10,
      given: 7,
      clear: true,
    });
  });

  test('the rule cites its article, in the words of each language', () => {
    const profile = meetingAfter(created(council({ profile: 'wallonia' }))).profile;
    const basis = { rule: 'noticePeriod' as const, ...profile.noticePeriod };
    expect(articlesOf('fr', basis, 'question')).toEqual(['CDLD L1122-13 §1', 'L1122-17']);
    expect(ruleDescription('fr', profile, 'noticePeriod')).toContain('7 jours francs');
    expect(ruleDescription('nl', profile, 'noticePeriod')).toContain('7 vrije dagen');
    const flanders = meetingAfter(created(council({ profile: 'flanders' }))).profile;
    expect(
      articlesOf('nl', { rule: 'noticePeriod', ...flanders.noticePeriod }, 'question'),
    ).toEqual(['DLB art. 20']);
    expect(ruleDescription('en', flanders, 'noticePeriod')).toContain('at least 8 days before');
  });

  test('the minutes record when the convocation was sent', () => {
    const events = convenedEvents();
    const minutes = minutesOf({ events, reader: 'director', seal: SEAL });
    if (!minutes) throw new Error('no minutes');
    expect(linesOf(minutes)).toContain('Convocation sent: Tuesday, 10 November 2026');
  });
});

describe('an agenda changed after convocation goes out as a supplementary agenda', () => {
  const extra = {
    id: 'footpath',
    title: { en: 'Footpath repairs' },
    session: 'public' as const,
    subject: 'general' as const,
    expectedVote: 'named' as const,
    candidates: [],
  };

  test('an item added and one withdrawn make a supplementary agenda, its own sending', () => {
    const agenda = [...council().agenda.filter((item) => item.id !== 'budget'), extra];
    const outcome = given(...convenedEvents(council())).when(
      command(DIRECTOR, { type: 'ReviseAgenda', agenda }),
    );
    outcome.then(
      { type: 'AgendaRevised' },
      { type: 'AgendaSupplemented', sending: 2, added: ['footpath'], withdrawn: ['budget'] },
    );
    const after = outcome.after;
    expect(after.status !== 'none' && after.convocation?.supplements).toHaveLength(1);
  });

  test('the public learns nothing of a closed item withdrawn, nor any receipt; a member reads their own', () => {
    const agenda = council().agenda.filter((item) => item.id !== 'staff');
    const history = convenedEvents(council());
    const revised = given(...history).when(command(DIRECTOR, { type: 'ReviseAgenda', agenda }));
    const acknowledged = given(...history, ...revised.events).when(
      command(councillor(1), { type: 'AcknowledgeConvocation' }),
    );
    const meeting = meetingAfter(...history, ...revised.events, ...acknowledged.events);
    const supplement = revised.events[1];
    if (!supplement) throw new Error('no supplement');
    expect(eventFor(meeting, supplement, 'observer')).toMatchObject({
      withdrawn: [],
      withdrawnTitles: [],
    });
    expect(eventFor(meeting, supplement, 'councillor')).toMatchObject({ withdrawn: ['staff'] });
    expect(meetingFor(meeting, 'observer').convocation?.supplements[0]?.withdrawnTitles).toEqual(
      [],
    );
    expect(eventFor(meeting, acknowledged.events[0] as Event, 'councillor')).toBeNull();
    expect(Object.keys(meetingFor(meeting, 'councillor').convocation?.receipts ?? {})).toEqual([]);
    expect(
      Object.keys(meetingFor(meeting, 'councillor', councillor(1)).convocation?.receipts ?? {}),
    ).toEqual([councillor(1)]);
    expect(Object.keys(meetingFor(meeting, 'director').convocation?.receipts ?? {})).toEqual([
      councillor(1),
    ]);
  });

  test('an agenda reworded, or revised before the convocation, is no supplement', () => {
    const reworded = council().agenda.map((item) => ({ ...item, title: { en: 'Reworded' } }));
    given(...convenedEvents(council()))
      .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda: reworded }))
      .then({ type: 'AgendaRevised' });
    expect(
      given(created())
        .when(command(DIRECTOR, { type: 'ReviseAgenda', agenda: [...council().agenda, extra] }))
        .events.map((e) => e.type),
    ).toEqual(['AgendaRevised']);
  });
});

describe('receipts: delivered, opened, acknowledged, resent', () => {
  const member = councillor(1);
  const system = (wire: WireCommand) => command('system', wire);

  test('the service records what Teams answered: delivered, or unreachable and why', () => {
    const history = convenedEvents();
    const unreachable = given(...history).when(
      system({ type: 'RecordConvocationDelivery', member, sending: 1, failure: 'blocked' }),
    );
    unreachable.then({ type: 'ConvocationUnreachable', member, failure: 'blocked' });
    const after = meetingAfter(...history, ...unreachable.events);
    expect(after.convocation?.receipts[member]?.unreachable?.failure).toBe('blocked');

    const resent = given(...history, ...unreachable.events).when(
      command(DIRECTOR, { type: 'ResendConvocation', member }),
    );
    resent.then({ type: 'ConvocationResent', member, sending: 2 });
    const delivered = given(...history, ...unreachable.events, ...resent.events).when(
      system({ type: 'RecordConvocationDelivery', member, sending: 2 }),
    );
    const receipt = meetingAfter(
      ...history,
      ...unreachable.events,
      ...resent.events,
      ...delivered.events,
    ).convocation?.receipts[member];
    expect(receipt).toMatchObject({ sending: 2, delivered: expect.any(String) as string });
    expect(receipt?.unreachable).toBeUndefined();
  });

  test('a member opens and acknowledges their own convocation once; a second time changes nothing', () => {
    const history = convenedEvents();
    const opened = given(...history).when(command(member, { type: 'OpenConvocation' }));
    opened.then({ type: 'ConvocationOpened', member });
    const acknowledged = given(...history, ...opened.events).when(
      command(member, { type: 'AcknowledgeConvocation' }),
    );
    acknowledged.then({ type: 'ConvocationAcknowledged', member });
    const all = [...history, ...opened.events, ...acknowledged.events];
    expect(given(...all).when(command(member, { type: 'AcknowledgeConvocation' })).events).toEqual(
      [],
    );
    expect(given(...all).when(command(member, { type: 'OpenConvocation' })).events).toEqual([]);
    const receipt = meetingAfter(...all).convocation?.receipts[member];
    expect(receipt?.opened && receipt.acknowledged && receipt.opened <= receipt.acknowledged).toBe(
      true,
    );
  });

  test('an acknowledgement without opening first counts as opened then', () => {
    const history = convenedEvents();
    const events = given(...history).when(
      command(CHAIR, { type: 'AcknowledgeConvocation' }),
    ).events;
    const receipt = meetingAfter(...history, ...events).convocation?.receipts[CHAIR];
    expect(receipt?.opened).toBe(receipt?.acknowledged);
  });

  test('who may not: the director and observers acknowledge nothing, only the service records deliveries, only the director resends', () => {
    const history = convenedEvents();
    given(...history)
      .when(command(DIRECTOR, { type: 'AcknowledgeConvocation' }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...history)
      .when(command(OBSERVER, { type: 'AcknowledgeConvocation' }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...history)
      .when(command(member, { type: 'RecordConvocationDelivery', member, sending: 1 }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...history)
      .when(command(CHAIR, { type: 'ResendConvocation', member }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('bad input: no convocation yet, a person not convened, a sending that never was', () => {
    given(created())
      .when(command(member, { type: 'AcknowledgeConvocation' }))
      .thenRefuses('MEETING_NOT_CONVENED');
    given(created())
      .when(command(DIRECTOR, { type: 'ResendConvocation', member }))
      .thenRefuses('MEETING_NOT_CONVENED');
    const history = convenedEvents();
    given(...history)
      .when(command(DIRECTOR, { type: 'ResendConvocation', member: OBSERVER }))
      .thenRefuses('NOT_A_MEMBER');
    given(...history)
      .when(command(DIRECTOR, { type: 'ResendConvocation', member: 'nobody' }))
      .thenRefuses('NOT_A_MEMBER');
    given(...history)
      .when(system({ type: 'RecordConvocationDelivery', member, sending: 2 }))
      .thenRefuses('INVALID_COMMAND');
  });

  test('a log written before convocations had details still folds: convened, with no receipts', () => {
    const state = meetingAfter(created(), {
      type: 'MeetingConvened',
      at: '2026-11-10T10:00:00Z',
      by: DIRECTOR,
    });
    expect(state.status).toBe('convened');
    expect(state.convocation).toBeUndefined();
    given(created(), { type: 'MeetingConvened', at: '2026-11-10T10:00:00Z', by: DIRECTOR })
      .when(command(member, { type: 'AcknowledgeConvocation' }))
      .thenRefuses('MEETING_NOT_CONVENED');
  });
});
