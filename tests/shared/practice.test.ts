import { profiles, quorum, fold, countQuestion, countElection } from '../../shared/src';
import { CHAIR, DIRECTOR, firstMembers, sitting } from './support/council';
import { command, given, play } from './support/spec';

const wallonia = profiles.wallonia;

describe('cases from practice', () => {
  test('49 members in office with 24 present is no quorum: the vote cannot open', () => {
    given(...sitting({ members: 49, present: 24 }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('QUORUM_NOT_REACHED');
  });

  test('49 members in office with 25 present is a quorum: the vote opens', () => {
    const state = fold(sitting({ members: 49, present: 25 }));
    if (state.status === 'none') throw new Error('no meeting');
    expect(quorum(state)).toMatchObject({ present: 25, inOffice: 49, needed: 25, reached: true });
    given(...sitting({ members: 49, present: 25 }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .then({ type: 'VoteOpened', secret: false, eligible: firstMembers(25) });
  });

  test('12 yes, 12 no and 1 abstention is a tie, and a tie rejects', () => {
    const result = countQuestion({ yes: 12, no: 12, abstain: 1 }, wallonia, '1/2');
    expect(result.outcome).toEqual({ kind: 'rejected', tie: true });
    expect(result.rule.basis.map((b) => b.rule)).toContain('tieRule');
  });

  test('13 yes, 11 no and 10 abstentions is adopted: abstentions do not count', () => {
    const result = countQuestion({ yes: 13, no: 11, abstain: 10 }, wallonia, '1/2');
    expect(result).toMatchObject({ outcome: { kind: 'adopted' }, votesCast: 24, needed: 13 });
  });

  test('a two-thirds majority is met with 20 of 30 votes cast', () => {
    const result = countQuestion({ yes: 20, no: 10 }, wallonia, '2/3');
    expect(result).toMatchObject({ outcome: { kind: 'adopted' }, needed: 20 });
  });

  test('a two-thirds majority is missed by one vote with 19 of 29 votes cast', () => {
    const result = countQuestion({ yes: 19, no: 10 }, wallonia, '2/3');
    expect(result).toMatchObject({ outcome: { kind: 'rejected', tie: false }, needed: 20 });
  });

  test('a tied appointment goes to the older candidate in Wallonia', () => {
    const candidates = [
      { id: 'young', name: 'Young', birthDate: '1990-01-01' },
      { id: 'old', name: 'Old', birthDate: '1950-01-01' },
    ];
    const result = countElection(
      { young: 12, old: 12, abstain: 1 },
      candidates,
      wallonia,
      '1/2',
      true,
    );
    expect(result.outcome).toEqual({ kind: 'elected', candidateId: 'old', byAge: true });
  });

  test('a secret appointment without a majority goes to a runoff, whose tie elects the older', () => {
    const voters = firstMembers(5);
    const ballots = (voteId: string, choices: string[]) =>
      choices.map((choice, i) => command(voters[i] ?? '', { type: 'CastBallot', voteId, choice }));
    const round1 = ['cand-old', 'cand-old', 'cand-young', 'cand-young', 'cand-third'];
    let log = play(
      sitting({ members: 9, present: 5, item: 'water' }),
      command(CHAIR, { type: 'OpenVote' }, 'round-1'),
      ...ballots('round-1', round1),
      command('system', {
        type: 'CountVote',
        voteId: 'round-1',
        tally: { 'cand-old': 2, 'cand-young': 2, 'cand-third': 1 },
      }),
    );
    const afterRound1 = fold(log);
    expect(afterRound1.status !== 'none' && afterRound1.votes['round-1']).toMatchObject({
      secret: true,
      status: 'counted',
      result: { outcome: { kind: 'runoff', candidateIds: ['cand-old', 'cand-young'] } },
    });
    log = play(
      log,
      command(DIRECTOR, { type: 'PublishResult', voteId: 'round-1' }),
      command(CHAIR, { type: 'OpenVote', runoffOf: 'round-1' }, 'round-2'),
      ...ballots('round-2', ['cand-old', 'cand-young', 'cand-old', 'cand-young', 'abstain']),
      command('system', {
        type: 'CountVote',
        voteId: 'round-2',
        tally: { 'cand-old': 2, 'cand-young': 2, abstain: 1 },
      }),
    );
    const afterRound2 = fold(log);
    expect(afterRound2.status !== 'none' && afterRound2.votes['round-2']?.result?.outcome).toEqual({
      kind: 'elected',
      candidateId: 'cand-old',
      byAge: true,
    });
  });
});
