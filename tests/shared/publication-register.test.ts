import { lastPublication, type Meeting, type MeetingState } from '../../shared/src';
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
    given(...history).when(publish()).thenRefuses('ALREADY_PUBLISHED');
    const after = given(...history).when(publish(NEWER)).after;
    expect(meetingOf(after).publications?.map((entry) => entry.sha256)).toEqual([HASH, NEWER]);
  });

  test('nothing of a sitting still in draft is published, and no person records a publication', () => {
    given(created()).when(publish()).thenRefuses('MEETING_NOT_CONVENED');
    given(created(), convened()).when(publish(HASH, DIRECTOR)).thenRefuses('NOT_AUTHORIZED');
  });
});
