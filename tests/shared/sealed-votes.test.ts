import {
  decide,
  eventFor,
  fold,
  languages,
  meetingFor,
  sealingCeremony,
  waitingTrustees,
  wireCommandSchema,
  type Event,
  type Meeting,
} from '../../shared/src';
import { CHAIR, DIRECTOR, councillor, sitting } from './support/council';
import { linesOf, section, Sitting } from './support/minutes';
import { meetingOf } from './support/payloads';
import { command, given, play } from './support/spec';
import { placeholderAggregate, placeholderBallot, placeholderPartial } from './support/tellers';

const [c1, c2, c3, c4] = [1, 2, 3, 4].map(councillor) as [string, string, string, string];
const SYSTEM = 'system';
/** The appointment's choices: three candidates and a blank ballot. */
const CHOICES = 4;
const EVIDENCE = 'e5'.repeat(32);

const meetingAfter = (log: readonly Event[]): Meeting => meetingOf(fold(log));
const voteAfter = (log: readonly Event[]) => {
  const vote = meetingAfter(log).votes['v1'];
  if (!vote) throw new Error('no vote v1');
  return vote;
};

const sealedCast = (by: string, choices = CHOICES) =>
  command(by, { type: 'CastBallot', voteId: 'v1', ballot: placeholderBallot(choices) });
const aggregate = (ballots: number, by = SYSTEM) =>
  command(by, {
    type: 'AggregateBallots',
    voteId: 'v1',
    aggregate: placeholderAggregate(CHOICES, ballots),
  });
const decrypt = (by: string, choices = CHOICES) =>
  command(by, { type: 'DecryptTally', voteId: 'v1', partial: placeholderPartial(choices) });
const count = (tally: Record<string, number>) =>
  command(SYSTEM, { type: 'CountVote', voteId: 'v1', tally, evidence: EVIDENCE });

/** The secret appointment `v1` open, its box ready (the director, c1 and c2), 6 present. */
const opened = () =>
  play(
    sitting({ members: 9, present: 6, item: 'water' }),
    command(CHAIR, { type: 'OpenVote' }, 'v1'),
  );

/** Three sealed ballots cast, then the chair closes the vote; nothing added up yet. */
function closed(): Event[] {
  const log = play(opened(), sealedCast(CHAIR), sealedCast(c1), sealedCast(c3));
  // Straight through decide: the support's play would add up the box and give shares at once.
  const close = decide(fold(log), command(CHAIR, { type: 'CloseVote', voteId: 'v1' }));
  if (!close.ok) throw new Error(close.error.code);
  return [...log, ...close.events];
}

const aggregated = () => [...closed(), ...given(...closed()).when(aggregate(3)).events];
const withShares = (...trustees: string[]) => {
  let log = aggregated();
  for (const trustee of trustees) log = [...log, ...given(...log).when(decrypt(trustee)).events];
  return log;
};

describe('a secret vote opens in a ready sealed box', () => {
  test('SEALED_BOX_NOT_READY says how many trustees are ready of how many', () => {
    const history = sitting({ members: 9, present: 6, item: 'water', tellers: false });
    const open = decide(fold(history), command(CHAIR, { type: 'OpenVote' }));
    expect(open).toEqual({
      ok: false,
      error: { code: 'SEALED_BOX_NOT_READY', params: { ready: 0, needed: 3 } },
    });
  });

  test('a named vote needs no tellers', () => {
    given(...sitting({ members: 9, present: 6, item: 'budget', tellers: false }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .then({ type: 'VoteOpened', secret: false });
  });

  test('the vote names its ceremony only: its trustees and threshold are read from that ceremony', () => {
    const log = opened();
    expect(log.find((e) => e.type === 'VoteOpened')).toMatchObject({ secret: true, ceremony: 1 });
    expect(voteAfter(log).sealed).toEqual({
      ceremony: 1,
      aggregate: null,
      decrypted: {},
      evidence: null,
    });
    expect(sealingCeremony(meetingAfter(log), voteAfter(log))).toMatchObject({
      ceremony: 1,
      trustees: [
        { member: DIRECTOR, index: 1 },
        { member: c1, index: 2 },
        { member: c2, index: 3 },
      ],
      threshold: 2,
    });
  });
});

describe('casting in the sealed box', () => {
  test('a sealed ballot records participation and goes to the box, apart from the events', () => {
    const decision = decide(fold(opened()), sealedCast(c1));
    expect(decision).toMatchObject({
      ok: true,
      events: [{ type: 'BallotRecorded', voteId: 'v1', member: c1 }],
      secretBallot: { voteId: 'v1', member: c1, ballot: placeholderBallot(CHOICES) },
    });
  });

  test('a secret vote refuses a clear choice: the service seals it first', () => {
    const clear = command(c1, { type: 'CastBallot', voteId: 'v1', choice: 'cand-old' });
    expect(decide(fold(opened()), clear)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_BALLOT', params: { count: CHOICES } },
    });
  });

  test('a sealed ballot needs one ciphertext per choice', () => {
    given(...opened())
      .when(sealedCast(c1, CHOICES - 1))
      .thenRefuses('INVALID_BALLOT');
    given(...opened())
      .when(sealedCast(c1, CHOICES + 1))
      .thenRefuses('INVALID_BALLOT');
  });

  test('a named vote refuses a sealed ballot', () => {
    const named = play(
      sitting({ members: 9, present: 6, item: 'budget' }),
      command(CHAIR, { type: 'OpenVote' }, 'v1'),
    );
    given(...named)
      .when(sealedCast(c1, 3))
      .thenRefuses('INVALID_BALLOT');
  });

  test('on the wire a ballot carries a choice or a sealed ballot, exactly one', () => {
    const accepts = (extra: object) =>
      wireCommandSchema.safeParse({ type: 'CastBallot', voteId: 'v1', ...extra }).success;
    const ballot = placeholderBallot(3);
    expect(accepts({ choice: 'yes' })).toBe(true);
    expect(accepts({ ballot })).toBe(true);
    expect(accepts({})).toBe(false);
    expect(accepts({ choice: 'yes', ballot })).toBe(false);
    expect(accepts({ ballot: { ...ballot, choices: [] } })).toBe(false);
  });

  test('a second sealed ballot from the same member is refused', () => {
    given(...play(opened(), sealedCast(c1)))
      .when(sealedCast(c1))
      .thenRefuses('ALREADY_VOTED');
  });
});

describe('adding up the sealed ballots', () => {
  test('the service adds them up once the vote is closed, one per voter', () => {
    given(...closed())
      .when(aggregate(3))
      .then({
        type: 'BallotsAggregated',
        voteId: 'v1',
        aggregate: placeholderAggregate(CHOICES, 3),
      });
    expect(voteAfter(aggregated()).sealed?.aggregate).toEqual(placeholderAggregate(CHOICES, 3));
  });

  test('only the service adds them up', () => {
    given(...closed())
      .when(aggregate(3, CHAIR))
      .thenRefuses('NOT_AUTHORIZED');
    given(...closed())
      .when(aggregate(3, DIRECTOR))
      .thenRefuses('NOT_AUTHORIZED');
  });

  test('only once, and only after the close', () => {
    given(...aggregated())
      .when(aggregate(3))
      .thenRefuses('ALREADY_AGGREGATED');
    given(...play(opened(), sealedCast(c1)))
      .when(aggregate(1))
      .thenRefuses('VOTE_NOT_CLOSED');
  });

  test('with as many ballots as the participation register', () => {
    given(...closed())
      .when(aggregate(2))
      .thenRefuses('AGGREGATE_MISMATCH');
    given(...closed())
      .when(aggregate(4))
      .thenRefuses('AGGREGATE_MISMATCH');
  });

  test('a named vote has no sealed box to add up', () => {
    const named = play(
      sitting({ members: 9, present: 6, item: 'budget' }),
      command(CHAIR, { type: 'OpenVote' }, 'v1'),
      command(CHAIR, { type: 'CloseVote', voteId: 'v1' }),
    );
    given(...named)
      .when(aggregate(0))
      .thenRefuses('NOT_SEALED_VOTE');
  });
});

describe('the trustees’ shares of the count', () => {
  test('a trustee gives a share once the ballots are added up', () => {
    given(...aggregated())
      .when(decrypt(c2))
      .then({
        type: 'TallyShareDecrypted',
        voteId: 'v1',
        trustee: c2,
        partial: placeholderPartial(CHOICES),
      });
  });

  test('only the vote’s trustees, once each, after the sum, one share per choice', () => {
    given(...aggregated())
      .when(decrypt(c3))
      .thenRefuses('NOT_TRUSTEE');
    given(...aggregated())
      .when(decrypt(CHAIR))
      .thenRefuses('NOT_TRUSTEE');
    // The service may be a trustee where the rules make it one; here they do not.
    given(...aggregated())
      .when(decrypt(SYSTEM))
      .thenRefuses('NOT_TRUSTEE');
    given(...closed())
      .when(decrypt(c1))
      .thenRefuses('NOT_AGGREGATED');
    given(...withShares(c1))
      .when(decrypt(c1))
      .thenRefuses('ALREADY_DECRYPTED');
    given(...aggregated())
      .when(decrypt(c1, CHOICES - 1))
      .thenRefuses('PARTIAL_PROOF_INVALID');
  });

  test('the trustees of the vote’s own ceremony, even once tellers are named again', () => {
    const counted = [
      ...withShares(c1, c2),
      ...given(...withShares(c1, c2)).when(count({ 'cand-old': 3 })).events,
    ];
    const renamed = play(counted, command(CHAIR, { type: 'NameTellers', tellers: [c3, c4] }));
    const trustees = sealingCeremony(meetingAfter(renamed), voteAfter(renamed))?.trustees;
    expect(trustees?.map((t) => t.member)).toEqual([DIRECTOR, c1, c2]);
    expect(
      meetingAfter(renamed)
        .tellers?.at(-1)
        ?.trustees.map((t) => t.member),
    ).toEqual([DIRECTOR, c3, c4]);
  });
});

describe('counting a sealed vote', () => {
  const tally = { 'cand-old': 2, 'cand-young': 1 };

  test('it waits for the threshold of shares and says for whom', () => {
    const none = decide(fold(aggregated()), count(tally));
    expect(none).toEqual({
      ok: false,
      error: {
        code: 'TALLY_SHARES_MISSING',
        params: { have: 0, needed: 2, waiting: 'The Director, Councillor 1, Councillor 2' },
      },
    });
    expect(waitingTrustees(meetingAfter(aggregated()), voteAfter(aggregated()))).toEqual([
      DIRECTOR,
      c1,
      c2,
    ]);
    const one = withShares(c2);
    expect(waitingTrustees(meetingAfter(one), voteAfter(one))).toEqual([DIRECTOR, c1]);
    expect(decide(fold(one), count(tally))).toEqual({
      ok: false,
      error: {
        code: 'TALLY_SHARES_MISSING',
        params: { have: 1, needed: 2, waiting: 'The Director, Councillor 1' },
      },
    });
  });

  test('before the sum, the count is refused and no trustee is asked for a share yet', () => {
    given(...closed())
      .when(count(tally))
      .thenRefuses('TALLY_SHARES_MISSING');
    expect(waitingTrustees(meetingAfter(closed()), voteAfter(closed()))).toEqual([]);
  });

  test('with two of three shares it counts, and keeps the tally record’s hash', () => {
    const two = withShares(DIRECTOR, c2);
    expect(waitingTrustees(meetingAfter(two), voteAfter(two))).toEqual([]);
    const [counted] = given(...two)
      .when(count(tally))
      .then({ type: 'VoteCounted', voteId: 'v1' });
    expect(counted).toMatchObject({ result: { evidence: EVIDENCE, tally } });
    const after = voteAfter([...two, ...(counted ? [counted] : [])]);
    expect(after.sealed?.evidence).toBe(EVIDENCE);
    expect(waitingTrustees(meetingAfter([...two, ...(counted ? [counted] : [])]), after)).toEqual(
      [],
    );
  });

  test('the decrypted totals must still add up to the participation register', () => {
    given(...withShares(DIRECTOR, c2))
      .when(count({ 'cand-old': 2 }))
      .thenRefuses('TALLY_MISMATCH');
  });
});

describe('who sees a sealed count', () => {
  test('the sum is seen by all once the vote is closed; the shares by the director until publication', () => {
    const log = withShares(DIRECTOR, c2);
    const meeting = meetingAfter(log);
    const sealedFor = (reader: Parameters<typeof meetingFor>[1]) =>
      meetingFor(meeting, reader).votes['v1']?.sealed;
    expect(sealedFor('director')?.decrypted[c2]).toEqual(placeholderPartial(CHOICES));
    for (const reader of ['chair', 'councillor', 'observer', null] as const) {
      expect(sealedFor(reader)?.aggregate).toEqual(placeholderAggregate(CHOICES, 3));
      expect(sealedFor(reader)?.decrypted).toEqual({
        [DIRECTOR]: { shares: [] },
        [c2]: { shares: [] },
      });
    }
    const share = log.at(-1);
    if (share?.type !== 'TallyShareDecrypted') throw new Error('no share');
    expect(eventFor(meeting, share, 'director')).toEqual(share);
    expect(eventFor(meeting, share, 'councillor')).toEqual({ ...share, partial: { shares: [] } });
  });

  test('once published, everyone may check the shares', () => {
    const two = withShares(DIRECTOR, c2);
    const published = play(
      two,
      count({ 'cand-old': 2, 'cand-young': 1 }),
      command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }),
    );
    const view = meetingFor(meetingAfter(published), 'councillor').votes['v1']?.sealed;
    expect(view?.decrypted[c2]).toEqual(placeholderPartial(CHOICES));
  });
});

describe('the minutes of a sealed vote', () => {
  const expected = {
    fr: [
      'Urne scellée, 2 des 3 détenteurs de la clé (The Director, Councillor 1 et Councillor 2), dépouillement vérifié.',
      `Empreinte du dépouillement : ${EVIDENCE}`,
    ],
    nl: [
      'Verzegelde stembus, 2 van de 3 sleutelhouders (The Director, Councillor 1 en Councillor 2), telling geverifieerd.',
      `Vingerafdruk van de telling: ${EVIDENCE}`,
    ],
    de: [
      'Versiegelte Urne, 2 von 3 Schlüsselverwahrern (The Director, Councillor 1 und Councillor 2), Auszählung geprüft.',
      `Fingerabdruck der Auszählung: ${EVIDENCE}`,
    ],
    en: [
      'Sealed ballot box, 2 of 3 trustees (The Director, Councillor 1, and Councillor 2), tally verified.',
      `Tally hash: ${EVIDENCE}`,
    ],
  };

  test.each(languages)('%s: the box, k of n trustees by name, and the tally’s hash', (language) => {
    const s = new Sitting(sitting({ members: 9, present: 6, item: 'water', language }));
    s.vote({ type: 'OpenVote' }, (_m, index) => (index < 4 ? 'cand-old' : 'abstain'), {
      evidence: EVIDENCE,
    });
    const lines = linesOf(s.minutes('director'));
    const ballot = section(lines, '3. ', '4. ');
    for (const line of expected[language]) expect(ballot).toContain(line);
  });
});
