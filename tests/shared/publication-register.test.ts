import {
  lastPublication,
  publicationDeadlines,
  type Meeting,
  type MeetingState,
} from '../../shared/src';
import { convened, created, DIRECTOR } from './support/council';
import { command, given, play } from './support/spec';

const HASH = 'a'.repeat(64);
const NEWER = 'b'.repeat(64);
const publish = (sha256 = HASH, by = 'system') =>
  command(by, {
    type: 'PublishDocument',
    kind: 'agenda',
    path: '/public/gent/m1/agenda',
    sha256,
    asOf: 2,
  });

function meetingOf(state: MeetingState): Meeting {
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

describe('the register of publications', () => {
  test('the service records a document that goes online: its identifier, the hash of its bytes, the state it shows and the time', () => {
    const outcome = given(created(), convened()).when(publish());
    outcome.then({
      type: 'DocumentPublished',
      kind: 'agenda',
      path: '/public/gent/m1/agenda',
      sha256: HASH,
      asOf: 2,
      by: 'system',
    });
    expect(lastPublication(meetingOf(outcome.after), '/public/gent/m1/agenda')).toMatchObject({
      sha256: HASH,
      asOf: 2,
    });
  });

  test('a new version of a document is recorded after the first, and the same version is not recorded twice', () => {
    const history = play([created(), convened()], publish());
    given(...history)
      .when(publish())
      .thenRefuses('ALREADY_PUBLISHED');
    const after = given(...history).when(publish(NEWER)).after;
    expect(meetingOf(after).publications?.map((entry) => entry.sha256)).toEqual([HASH, NEWER]);
  });

  test('nothing of a sitting still in draft is published, and no person records a publication', () => {
    given(created()).when(publish()).thenRefuses('MEETING_NOT_CONVENED');
    given(created(), convened()).when(publish(HASH, DIRECTOR)).thenRefuses('NOT_AUTHORIZED');
  });
});

describe('the deadlines of the linked publication', () => {
  const sittingAt = '2026-11-23T19:30:00+01:00';
  const published = (at: string) =>
    ({
      type: 'DocumentPublished',
      kind: 'agenda',
      path: '/public/testville/meeting-1/agenda',
      sha256: HASH,
      asOf: 2,
      at,
      by: 'system',
    }) as const;

  test('DLB art. 285: the agenda is due 8 days before the sitting; online in time it is not late', () => {
    const meeting = meetingOf(
      given(created(), convened(), published('2026-11-10T09:00:00Z')).state,
    );
    const [agenda, decisions, minutes] = publicationDeadlines(meeting, '2026-11-20T00:00:00Z');
    expect(agenda).toEqual({
      kind: 'agenda',
      due: new Date(new Date(sittingAt).getTime() - 8 * 86_400_000).toISOString(),
      onlineAt: '2026-11-10T09:00:00Z',
      late: false,
    });
    expect(decisions).toMatchObject({ kind: 'decisionList', due: null, late: false });
    expect(minutes).toMatchObject({ kind: 'minutes', due: null, late: false });
  });

  test('an agenda online after its deadline, or not online once it has passed, is late', () => {
    const lateOnline = meetingOf(
      given(created(), convened(), published('2026-11-20T09:00:00Z')).state,
    );
    expect(publicationDeadlines(lateOnline, '2026-11-21T00:00:00Z')[0]?.late).toBe(true);
    const never = meetingOf(given(created(), convened()).state);
    expect(publicationDeadlines(never, '2026-11-14T00:00:00Z')[0]?.late).toBe(false);
    expect(publicationDeadlines(never, '2026-11-16T00:00:00Z')[0]?.late).toBe(true);
  });

  test('DLB art. 285: the decision list is due 10 days after the sitting closed', () => {
    const closed = {
      ...meetingOf(given(created(), convened()).state),
      closedAt: '2026-11-23T22:00:00Z',
    };
    expect(publicationDeadlines(closed, '2026-12-04T00:00:00Z')[1]).toEqual({
      kind: 'decisionList',
      due: '2026-12-03T22:00:00.000Z',
      onlineAt: null,
      late: true,
    });
  });
});
