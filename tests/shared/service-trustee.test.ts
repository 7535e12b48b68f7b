import {
  decide,
  fold,
  languages,
  messageOf,
  profileOverridesSchema,
  profiles,
  profileWith,
  ruleDescription,
  serviceTrusteeWords,
  SYSTEM,
  tellersReady,
  type Event,
  type ProfileOverrides,
} from '../../shared/src';
import { CHAIR, DIRECTOR, councillor, sitting } from './support/council';
import { meetingOf } from './support/payloads';
import { command, given, play } from './support/spec';
import { point } from './support/tellers';

const [c1, c2] = [councillor(1), councillor(2)];
const withService: ProfileOverrides = {
  sealedBox: { tellers: 1, threshold: 2, director: true, service: true },
};

const noTellers = (overrides: ProfileOverrides = withService) =>
  sitting({ members: 9, present: 6, item: 'water', tellers: false, overrides });
const name = (...tellers: string[]) => command(CHAIR, { type: 'NameTellers', tellers });
const commit = (by: string) =>
  command(by, { type: 'CommitTrusteeKey', boxKey: point(90), commitments: [point(0), point(1)] });
const ceremonyAfter = (log: readonly Event[]) => meetingOf(fold(log)).tellers?.at(-1);

describe('the service as a trustee: the rule', () => {
  test('no profile makes the service a trustee', () => {
    for (const profile of Object.values(profiles))
      expect(profile.sealedBox.value.service).toBe(false);
  });

  test('a council may add the service as one trustee, counted in n but never enough alone', () => {
    const accepts = (sealedBox: unknown) => profileOverridesSchema.safeParse({ sealedBox }).success;
    expect(accepts({ tellers: 1, threshold: 2, director: true, service: true })).toBe(true);
    expect(accepts({ tellers: 1, threshold: 3, director: true, service: true })).toBe(true);
    expect(accepts({ tellers: 1, threshold: 4, director: true, service: true })).toBe(false);
    expect(accepts({ tellers: 0, threshold: 2, director: false, service: true })).toBe(false);
    expect(accepts({ tellers: 0, threshold: 1, director: true, service: true })).toBe(false);
  });

  test('overrides written before the service could be a trustee leave it out', () => {
    const parsed = profileOverridesSchema.parse({
      sealedBox: { tellers: 2, threshold: 2, director: true },
    });
    expect(parsed.sealedBox?.service).toBe(false);
  });

  test('its wording names the service among the k of n key holders in each language', () => {
    const profile = profileWith('wallonia', withService);
    const expected = {
      fr: ['2 des 3', 'service'],
      nl: ['2 van de 3', 'dienst'],
      de: ['2 der 3', 'Dienst'],
      en: ['2 of the 3', 'service'],
    };
    for (const language of languages) {
      const text = ruleDescription(language, profile, 'sealedBox');
      for (const part of expected[language]) expect(text).toContain(part);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toBe(ruleDescription(language, profiles.wallonia, 'sealedBox'));
    }
  });
});

describe('the service as a trustee: the ceremony', () => {
  test('the service is the last trustee, after the director and the tellers', () => {
    given(...noTellers())
      .when(name(c1))
      .then({
        type: 'TellersNamed',
        trustees: [
          { member: DIRECTOR, index: 1 },
          { member: c1, index: 2 },
          { member: SYSTEM, index: 3 },
        ],
        threshold: 2,
      });
  });

  test('the chair sees the service among the trustees needed', () => {
    expect(tellersReady(meetingOf(fold(noTellers())))).toEqual({ ready: 0, needed: 3 });
  });

  test('the service takes its steps of the ceremony as its trustee', () => {
    const named = play(noTellers(), name(c1));
    given(...named)
      .when(commit(SYSTEM))
      .then({ type: 'TrusteeCommitted', trustee: SYSTEM });
    const committed = play(named, commit(DIRECTOR), commit(c1), commit(SYSTEM));
    expect(ceremonyAfter(committed)?.status).toBe('dealing');
  });

  test('where the rules do not make it one, the service is no trustee', () => {
    const overrides: ProfileOverrides = {
      sealedBox: { tellers: 2, threshold: 2, director: true, service: false },
    };
    const named = play(noTellers(overrides), name(c1, c2));
    given(...named)
      .when(commit(SYSTEM))
      .thenRefuses('NOT_TRUSTEE');
  });
});

describe('the service as a trustee: the count', () => {
  test('a count waiting for the service’s share names it in words in each language, never by its id', () => {
    const log = play(
      sitting({ members: 9, present: 6, item: 'water', overrides: withService }),
      command(CHAIR, { type: 'OpenVote' }, 'v1'),
    );
    const count = command(SYSTEM, {
      type: 'CountVote',
      voteId: 'v1',
      tally: { 'cand-old': 3 },
      evidence: 'e5'.repeat(32),
    });
    // Straight through decide: the support's play would add up the box and give shares at once.
    const close = decide(fold(log), command(CHAIR, { type: 'CloseVote', voteId: 'v1' }));
    if (!close.ok) throw new Error(close.error.code);
    const decision = decide(fold([...log, ...close.events]), count);
    if (decision.ok) throw new Error('counted without shares');
    expect(decision.error.code).toBe('TALLY_SHARES_MISSING');
    for (const language of languages) {
      const message = messageOf(decision.error, language);
      expect(message).toContain(serviceTrusteeWords[language]);
      expect(message).not.toMatch(/\bsystem\b/);
    }
  });
});
