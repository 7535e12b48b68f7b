import {
  fold,
  languages,
  meetingFor,
  profileOverridesSchema,
  profiles,
  ruleDescription,
  tellersReady,
  type Event,
  type Meeting,
  wireCommandSchema,
  type WireCommand,
} from '../../shared/src';
import {
  CHAIR,
  DIRECTOR,
  OBSERVER,
  checkedIn,
  convened,
  council,
  councillor,
  created,
  firstMembers,
  itemTakenUp,
  sitting,
} from './support/council';
import { meetingOf } from './support/payloads';
import { command, given, play } from './support/spec';
import { point, readyCeremony } from './support/tellers';

const [c1, c2, c3] = [councillor(1), councillor(2), councillor(3)];
const TRUSTEES = [DIRECTOR, c1, c2];

/** An open meeting of 9, 6 present, on the appointment, no tellers named yet. */
const noTellers = (options: Parameters<typeof sitting>[0] = {}) =>
  sitting({ members: 9, present: 6, item: 'water', tellers: false, ...options });

const name = (...tellers: string[]) => command(CHAIR, { type: 'NameTellers', tellers });
const commit = (by: string, count = 2) =>
  command(by, {
    type: 'CommitTrusteeKey',
    boxKey: point(90),
    commitments: Array.from({ length: count }, (_, i) => point(i)),
  });
const deal = (by: string, to: readonly string[] = TRUSTEES.filter((t) => t !== by)) =>
  command(by, {
    type: 'DealTrusteeShares',
    shares: Object.fromEntries(to.map((member) => [member, point(7)])),
  });
const confirm = (by: string) => command(by, { type: 'ConfirmTrusteeShares' });

const named = () => play(noTellers(), name(c1, c2));
const committed = () => play(named(), ...TRUSTEES.map((t) => commit(t)));
const dealt = () => play(committed(), ...TRUSTEES.map((t) => deal(t)));

const meetingAfter = (log: readonly Event[]): Meeting => meetingOf(fold(log));
const ceremonyAfter = (log: readonly Event[]) => meetingAfter(log).tellers?.at(-1);

describe('the sealedBox rule', () => {
  test('every profile: the director and two tellers, any two of them, set by the house rules', () => {
    for (const profile of Object.values(profiles)) {
      expect(profile.sealedBox.value).toEqual({
        tellers: 2,
        threshold: 2,
        director: true,
        service: false,
      });
      expect(profile.sealedBox.status).toBe('council');
    }
    expect(profiles.wallonia.sealedBox.source).toMatch(/^CDLD L1122-27/);
    expect(profiles.flanders.sealedBox.source).toMatch(/^DLB art\. 34/);
    expect(profiles.brussels.sealedBox.source).toMatch(/^NLC art\. 100/);
    expect(profiles.roberts.sealedBox.source).toMatch(/^RONR §45/);
  });

  test('a council may change how many tellers and trustees, never to one trustee alone', () => {
    const accepts = (sealedBox: unknown) => profileOverridesSchema.safeParse({ sealedBox }).success;
    expect(accepts({ tellers: 3, threshold: 3, director: false })).toBe(true);
    expect(accepts({ tellers: 2, threshold: 1, director: true })).toBe(false);
    expect(accepts({ tellers: 1, threshold: 3, director: true })).toBe(false);
  });

  test('its wording gives k of n in each language', () => {
    const expected = { fr: '2 des 3', nl: '2 van de 3', de: '2 der 3', en: '2 of the 3' };
    for (const language of languages) {
      const text = ruleDescription(language, profiles.wallonia, 'sealedBox');
      expect(text).toContain(expected[language]);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('the ceremony on the wire', () => {
  const accepts = (input: object) => wireCommandSchema.safeParse(input).success;

  test('keys and commitments are 32-byte group elements in base64url', () => {
    const wire = { type: 'CommitTrusteeKey', boxKey: point(1), commitments: [point(2), point(3)] };
    expect(accepts(wire)).toBe(true);
    expect(accepts({ ...wire, boxKey: 'not a key' })).toBe(false);
    expect(accepts({ ...wire, commitments: [`${point(2)}=`] })).toBe(false);
    expect(accepts({ ...wire, commitments: [] })).toBe(false);
  });

  test('the steps without a payload take none', () => {
    expect(accepts({ type: 'ConfirmTrusteeShares' })).toBe(true);
    expect(accepts({ type: 'ConfirmTrusteeShares', share: point(1) })).toBe(false);
  });
});

describe('the chair names the tellers', () => {
  test('the trustees are the director, then the tellers, indexed 1..n, with the rules’ threshold', () => {
    given(...noTellers())
      .when(name(c1, c2))
      .then({
        type: 'TellersNamed',
        ceremony: 1,
        trustees: [
          { member: DIRECTOR, index: 1 },
          { member: c1, index: 2 },
          { member: c2, index: 3 },
        ],
        threshold: 2,
      });
    expect(ceremonyAfter(named())).toMatchObject({ ceremony: 1, status: 'committing' });
  });

  test('only the chair names them', () => {
    given(...noTellers())
      .when(command(c1, { type: 'NameTellers', tellers: [c1, c2] }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...noTellers())
      .when(command(DIRECTOR, { type: 'NameTellers', tellers: [c1, c2] }))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('as many tellers as the rules ask for', () => {
    given(...noTellers())
      .when(name(c1))
      .thenRefuses('TELLER_COUNT_WRONG');
    given(...noTellers())
      .when(name(c1, c2, c3))
      .thenRefuses('TELLER_COUNT_WRONG');
  });

  test.each([
    ['the director', [DIRECTOR, c1]],
    ['an observer', [OBSERVER, c1]],
    ['someone not on the roster', ['stranger', c1]],
    ['the same member twice', [c1, c1]],
  ])('%s cannot be a teller', (_, tellers) => {
    given(...noTellers())
      .when(name(...tellers))
      .thenRefuses('TELLER_NOT_ELIGIBLE');
  });

  test('tellers are named once the meeting is convened', () => {
    given(created(council({ members: 9 })))
      .when(name(c1, c2))
      .thenRefuses('MEETING_NOT_CONVENED');
    given(created(council({ members: 9 })), convened())
      .when(name(c1, c2))
      .then({
        type: 'TellersNamed',
      });
  });

  test('where the rules make no director a trustee, the tellers alone hold the key', () => {
    const overrides = { sealedBox: { tellers: 3, threshold: 2, director: false, service: false } };
    given(...noTellers({ overrides }))
      .when(name(c1, c2, c3))
      .then({
        type: 'TellersNamed',
        trustees: [
          { member: c1, index: 1 },
          { member: c2, index: 2 },
          { member: c3, index: 3 },
        ],
      });
  });
});

describe('the key ceremony, in order', () => {
  test('each trustee commits, then deals, then confirms; the chair sees how many are ready', () => {
    expect(tellersReady(meetingAfter(noTellers()))).toEqual({ ready: 0, needed: 3 });
    expect(ceremonyAfter(committed())?.status).toBe('dealing');
    expect(ceremonyAfter(dealt())?.status).toBe('confirming');
    const two = play(dealt(), confirm(DIRECTOR), confirm(c2));
    expect(tellersReady(meetingAfter(two))).toEqual({ ready: 2, needed: 3 });
    expect(ceremonyAfter(two)?.status).toBe('confirming');
    given(...two)
      .when(confirm(c1))
      .then({ type: 'TrusteeReady', ceremony: 1, trustee: c1 });
    const ready = play(two, confirm(c1));
    expect(ceremonyAfter(ready)?.status).toBe('ready');
    expect(tellersReady(meetingAfter(ready))).toEqual({ ready: 3, needed: 3 });
  });

  test('a commitment is recorded with the trustee’s box key', () => {
    given(...named())
      .when(commit(c1))
      .then({
        type: 'TrusteeCommitted',
        ceremony: 1,
        trustee: c1,
        commitment: { boxKey: point(90), commitments: [point(0), point(1)] },
      });
  });

  test('nothing of a ceremony before the chair names the tellers', () => {
    given(...noTellers())
      .when(commit(DIRECTOR))
      .thenRefuses('CEREMONY_OUT_OF_ORDER');
  });

  test('only a trustee takes the ceremony’s steps', () => {
    given(...named())
      .when(commit(c3))
      .thenRefuses('NOT_TRUSTEE');
    given(...named())
      .when(commit(CHAIR))
      .thenRefuses('NOT_TRUSTEE');
    given(...named())
      .when(commit(OBSERVER))
      .thenRefuses('NOT_AUTHORIZED');
    given(...dealt())
      .when(confirm(c3))
      .thenRefuses('NOT_TRUSTEE');
  });

  test('each step once', () => {
    const once = play(named(), commit(c1));
    given(...once)
      .when(commit(c1))
      .thenRefuses('TRUSTEE_STEP_DONE');
    given(...play(committed(), deal(c1)))
      .when(deal(c1))
      .thenRefuses('TRUSTEE_STEP_DONE');
    given(...play(dealt(), confirm(c1)))
      .when(confirm(c1))
      .thenRefuses('TRUSTEE_STEP_DONE');
  });

  test('no step before every trustee has taken the one before', () => {
    const partly = play(named(), commit(DIRECTOR), commit(c1));
    given(...partly)
      .when(deal(DIRECTOR))
      .thenRefuses('CEREMONY_OUT_OF_ORDER');
    given(...partly)
      .when(confirm(DIRECTOR))
      .thenRefuses('CEREMONY_OUT_OF_ORDER');
    const dealing = play(committed(), deal(DIRECTOR));
    given(...dealing)
      .when(confirm(DIRECTOR))
      .thenRefuses('CEREMONY_OUT_OF_ORDER');
  });

  test('as many commitments as the threshold', () => {
    given(...named())
      .when(commit(c1, 1))
      .thenRefuses('INVALID_COMMITMENTS');
    given(...named())
      .when(commit(c1, 3))
      .thenRefuses('INVALID_COMMITMENTS');
  });

  test('a share for each other trustee, and for them only', () => {
    given(...committed())
      .when(deal(c1, [DIRECTOR]))
      .thenRefuses('INVALID_DEALT_SHARES');
    given(...committed())
      .when(deal(c1, TRUSTEES))
      .thenRefuses('INVALID_DEALT_SHARES');
    given(...committed())
      .when(deal(c1, [DIRECTOR, c3]))
      .thenRefuses('INVALID_DEALT_SHARES');
    given(...committed())
      .when(deal(c1, [DIRECTOR, c2, c3]))
      .thenRefuses('INVALID_DEALT_SHARES');
    given(...committed())
      .when(deal(c1))
      .then({
        type: 'TrusteeSharesDealt',
        trustee: c1,
        dealt: { shares: { [DIRECTOR]: point(7) } },
      });
  });

  test('a share that does not match its commitments fails the ceremony; naming again starts over', () => {
    const complaint = command(c2, { type: 'ComplainTrusteeShares', against: c1 });
    given(...dealt())
      .when(complaint)
      .then({ type: 'TrusteeShareDisputed', ceremony: 1, trustee: c2, against: c1 });
    const failed = play(dealt(), confirm(DIRECTOR), complaint);
    expect(ceremonyAfter(failed)).toMatchObject({
      status: 'failed',
      disputed: [{ trustee: c2, against: c1 }],
    });
    expect(tellersReady(meetingAfter(failed))).toEqual({ ready: 0, needed: 3 });
    given(...failed)
      .when(confirm(c1))
      .thenRefuses('CEREMONY_OUT_OF_ORDER');
    given(...failed)
      .when(command(CHAIR, { type: 'OpenVote', secret: true }))
      .thenRefuses('SEALED_BOX_NOT_READY');
    const again = play(failed, name(c3, c2));
    expect(ceremonyAfter(again)).toMatchObject({ ceremony: 2, status: 'committing', ready: [] });
    given(...again)
      .when(commit(c1))
      .thenRefuses('NOT_TRUSTEE');
  });

  test('a complaint names another trustee', () => {
    const against = (member: string) =>
      command(c2, { type: 'ComplainTrusteeShares', against: member });
    given(...dealt())
      .when(against(c2))
      .thenRefuses('NOT_TRUSTEE');
    given(...dealt())
      .when(against(c3))
      .thenRefuses('NOT_TRUSTEE');
    given(...committed())
      .when(against(c1))
      .thenRefuses('CEREMONY_OUT_OF_ORDER');
  });
});

describe('tellers stay while a secret ballot needs them', () => {
  const secretVote = (): Event[] =>
    play(
      sitting({ members: 9, present: 6, item: 'water' }),
      command(CHAIR, { type: 'OpenVote' }, 'v1'),
    );

  test('TELLERS_BUSY while a secret vote is open, or closed and not yet counted', () => {
    given(...secretVote())
      .when(name(c3, c2))
      .thenRefuses('TELLERS_BUSY');
    const closed = play(secretVote(), command(CHAIR, { type: 'CloseVote', voteId: 'v1' }));
    expect(meetingAfter(closed).votes['v1']?.status).toBe('closed');
    given(...closed)
      .when(name(c3, c2))
      .thenRefuses('TELLERS_BUSY');
  });

  test('once the secret vote is counted, the chair may name tellers again', () => {
    const counted = play(
      secretVote(),
      command(CHAIR, { type: 'CloseVote', voteId: 'v1' }),
      command('system', { type: 'CountVote', voteId: 'v1', tally: {} }),
    );
    given(...counted)
      .when(name(c3, c2))
      .then({ type: 'TellersNamed', ceremony: 2 });
  });

  test('a named vote does not hold the tellers', () => {
    const named = play(
      sitting({ members: 9, present: 6, item: 'budget' }),
      command(CHAIR, { type: 'OpenVote' }),
    );
    given(...named)
      .when(name(c3, c2))
      .then({ type: 'TellersNamed', ceremony: 2 });
  });
});

describe('who sees the ceremony', () => {
  test('members see the trustees, their commitments and sealed shares; observers see none of it', () => {
    const log = dealt();
    const meeting = meetingAfter(log);
    expect(meetingFor(meeting, 'councillor').tellers?.[0]?.committed[c1]).toEqual({
      boxKey: point(90),
      commitments: [point(0), point(1)],
    });
    expect(meetingFor(meeting, 'observer').tellers).toEqual([]);
    expect(meetingFor(meeting, null).tellers).toEqual([]);
  });

  test('the support’s ceremony leaves the box ready with the director and two tellers', () => {
    const open = [created(council({ members: 9 })), convened()];
    const log = [
      ...open,
      ...readyCeremony(open, [c1, c2], (by, wire: WireCommand) => command(by, wire)),
      ...firstMembers(6).map(checkedIn),
      itemTakenUp('water'),
    ];
    expect(tellersReady(meetingAfter(log))).toEqual({ ready: 3, needed: 3 });
  });
});
