import { profiles, profileWith, type Event } from '../../shared/src';
import {
  CHAIR,
  council,
  convened,
  created,
  firstMembers,
  opened,
  sitting,
} from './support/council';
import { command, given, play } from './support/spec';

const SYSTEM = 'system';
const c1 = firstMembers(2)[1] ?? '';

const cast = (by: string, voteId = 'v1') =>
  command(by, { type: 'CastBallot', voteId, choice: 'yes' });

/** 9 in office, all present, a vote `v1` open (secret or named), then councillor 1 leaves. */
function leftDuringVote(options: Parameters<typeof sitting>[0] = {}, secret = false): Event[] {
  return play(
    sitting({ members: 9, present: 9, ...options }),
    command(CHAIR, { type: 'OpenVote', secret }, 'v1'),
    command(c1, { type: 'CheckOut' }),
  );
}

describe('presence when casting a ballot', () => {
  test('every region requires a member to be present to cast, and lets one who returns vote', () => {
    for (const profile of Object.values(profiles)) {
      expect(profile.presenceToCast).toMatchObject({
        value: { present: true, returningMayVote: true },
        status: 'unconfirmed',
      });
    }
    const strict = { present: true, returningMayVote: false };
    expect(profileWith('flanders', { presenceToCast: strict }).presenceToCast).toMatchObject({
      value: strict,
      status: 'council',
    });
  });

  test('a member who checked out cannot cast a ballot in a named vote', () => {
    given(...leftDuringVote())
      .when(cast(c1))
      .thenRefuses('NOT_PRESENT_TO_VOTE');
  });

  test('a member who checked out cannot cast a secret ballot, and the refusal says no choice', () => {
    const secretAnywhere = { overrides: { secretOtherwise: true } };
    const outcome = given(...leftDuringVote(secretAnywhere, true)).when(cast(c1));
    outcome.thenRefuses('NOT_PRESENT_TO_VOTE');
    expect(JSON.stringify(outcome.decision)).not.toContain('yes');
  });

  test('a member who returns may vote again where the rules say so', () => {
    given(...play(leftDuringVote(), command(c1, { type: 'CheckIn' })))
      .when(cast(c1))
      .then({ type: 'BallotCast', member: c1, choice: 'yes' });
  });

  test('where the council’s rules say so, a member who left during the vote may not vote on return', () => {
    const strict = { presenceToCast: { present: true, returningMayVote: false } };
    const returned = play(leftDuringVote({ overrides: strict }), command(c1, { type: 'CheckIn' }));
    given(...returned)
      .when(cast(c1))
      .thenRefuses('LEFT_DURING_VOTE');
    // The next vote is a new one: the member present when it opens votes in it.
    const next = play(
      returned,
      command(CHAIR, { type: 'CloseVote', voteId: 'v1' }),
      command(SYSTEM, { type: 'CountVote', voteId: 'v1' }),
      command('director', { type: 'PublishResult', voteId: 'v1' }),
      command(CHAIR, { type: 'OpenVote' }, 'v2'),
    );
    given(...next)
      .when(cast(c1, 'v2'))
      .then({ type: 'BallotCast', member: c1 });
  });

  test('where joining the call is presence, a member who leaves the call cannot cast a ballot', () => {
    const setup = council({ members: 9, overrides: { joiningCallIsPresence: true } });
    const log = play(
      [created(setup), convened(), opened()],
      ...firstMembers(9).map((member) => command(SYSTEM, { type: 'JoinCall', member })),
      command(CHAIR, { type: 'NextItem' }),
      command(CHAIR, { type: 'OpenVote' }, 'v1'),
      command(SYSTEM, { type: 'LeaveCall', member: c1 }),
    );
    given(...log)
      .when(cast(c1))
      .thenRefuses('NOT_PRESENT_TO_VOTE');
    const back = play(log, command(SYSTEM, { type: 'JoinCall', member: c1 }));
    given(...back)
      .when(cast(c1))
      .then({ type: 'BallotCast', member: c1 });
  });

  test('where the rules do not require presence, a member entitled at the opening may still cast', () => {
    const lax = { presenceToCast: { present: false, returningMayVote: true } };
    given(...leftDuringVote({ overrides: lax }))
      .when(cast(c1))
      .then({ type: 'BallotCast', member: c1 });
  });

  test('the members entitled stay those present when the vote opened', () => {
    const log = play(leftDuringVote(), command(c1, { type: 'CheckIn' }));
    const late = firstMembers(9).at(-1) ?? '';
    given(
      ...play(
        sitting({ members: 9, present: 8 }),
        command(CHAIR, { type: 'OpenVote' }, 'v1'),
        command(late, { type: 'CheckIn' }),
      ),
    )
      .when(cast(late))
      .thenRefuses('NOT_ENTITLED');
    given(...log)
      .when(cast(c1))
      .then({ type: 'BallotCast' });
  });
});
