import { countElection, fold, profiles, type Event } from '../../shared/src';
import { CHAIR, DIRECTOR, checkedIn, councillor, firstMembers, sitting } from './support/council';
import { command, given, play } from './support/spec';

const SYSTEM = 'system';
const c1 = councillor(1);

function voteIn(log: Event[], voteId: string) {
  const state = fold(log);
  if (state.status === 'none') throw new Error('no meeting');
  const vote = state.votes[voteId];
  if (!vote) throw new Error(`no vote ${voteId}`);
  return vote;
}

/** House rules that allow a secret ballot on any subject (Wallonia does not, CDLD L1122-27). */
const secretAnywhere = { overrides: { secretOtherwise: true } };

const cast = (by: string, voteId: string, choice: string) =>
  command(by, { type: 'CastBallot', voteId, choice });

/** A meeting of 9 with 5 present and a vote `v1` open on the first item. */
function openVote(options: Parameters<typeof sitting>[0] = {}, wire: { secret?: boolean } = {}) {
  return play(
    sitting({ members: 9, present: 5, ...options }),
    command(CHAIR, { type: 'OpenVote', ...wire }, 'v1'),
  );
}

describe('opening a vote', () => {
  test('a vote opens only in an open meeting with an item under discussion', () => {
    given(...sitting({ item: null }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('NO_CURRENT_ITEM');
    given(...openVote())
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('VOTE_ALREADY_OPEN');
  });

  test('who may vote is the members present when the vote opens, in seating order', () => {
    expect(voteIn(openVote(), 'v1').eligible).toEqual(firstMembers(5));
  });

  test("under Robert's Rules the chair answers last", () => {
    expect(voteIn(openVote({ profile: 'roberts' }), 'v1').eligible).toEqual([
      ...firstMembers(5).slice(1),
      CHAIR,
    ]);
  });

  test('an appointment is voted in secret in Wallonia, and cannot be made public', () => {
    given(...sitting({ item: 'water' }))
      .when(command(CHAIR, { type: 'OpenVote', secret: false }))
      .thenRefuses('SECRET_VOTE_REQUIRED');
    given(...sitting({ item: 'water' }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .then({
        type: 'VoteOpened',
        secret: true,
        kind: 'election',
        choices: ['cand-old', 'cand-young', 'cand-third', 'abstain'],
      });
  });

  test('where the house rules allow it (secretOtherwise), the chair may put any item to a secret vote', () => {
    given(...sitting(secretAnywhere))
      .when(command(CHAIR, { type: 'OpenVote', secret: true }))
      .then({ type: 'VoteOpened', secret: true, kind: 'question' });
  });

  test('a qualified majority must be one the rules provide for', () => {
    given(...sitting({ profile: 'roberts' }))
      .when(command(CHAIR, { type: 'OpenVote', threshold: '3/4' }))
      .thenRefuses('THRESHOLD_NOT_ALLOWED');
    given(...sitting())
      .when(command(CHAIR, { type: 'OpenVote', threshold: '3/4' }))
      .then({ type: 'VoteOpened', threshold: '3/4' });
  });

  test('in a remote Walloon meeting a disciplinary item cannot be dealt with', () => {
    const agenda = [
      {
        id: 'd',
        title: { fr: 'd', nl: 'd', de: 'd', en: 'd' },
        session: 'closed' as const,
        subject: 'discipline' as const,
      },
    ];
    given(...sitting({ agenda, item: 'd' }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .thenRefuses('REMOTE_SUBJECT_FORBIDDEN');
    given(...sitting({ agenda, item: 'd', mode: 'hybrid' }))
      .when(command(CHAIR, { type: 'OpenVote' }))
      .then({ type: 'VoteOpened', secret: true });
  });

  test('a runoff follows only a count that calls for one', () => {
    given(...sitting())
      .when(command(CHAIR, { type: 'OpenVote', runoffOf: 'none' }))
      .thenRefuses('VOTE_NOT_FOUND');
    const log = play(
      openVote(),
      command(CHAIR, { type: 'CloseVote', voteId: 'v1' }),
      command(SYSTEM, { type: 'CountVote', voteId: 'v1' }),
      command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }),
    );
    given(...log)
      .when(command(CHAIR, { type: 'OpenVote', runoffOf: 'v1' }))
      .thenRefuses('NO_RUNOFF');
  });
});

describe('casting a ballot', () => {
  test('a named ballot records the member’s choice', () => {
    const outcome = given(...openVote()).when(cast(c1, 'v1', 'yes'));
    outcome.then({ type: 'BallotCast', voteId: 'v1', member: c1, choice: 'yes' });
    expect(outcome.decision).not.toHaveProperty('secretBallot');
  });

  test('a secret ballot records only that the member took part; the sealed ballot goes to the ballot box', () => {
    const outcome = given(...openVote(secretAnywhere, { secret: true })).when(cast(c1, 'v1', 'no'));
    const [event] = outcome.then({ type: 'BallotRecorded', voteId: 'v1', member: c1 });
    expect(Object.keys(event ?? {}).sort()).toEqual(['at', 'by', 'member', 'type', 'voteId']);
    expect(outcome.decision).toMatchObject({
      secretBallot: {
        voteId: 'v1',
        member: c1,
        ballot: { choices: expect.any(Array) as unknown[] },
      },
    });
  });

  test('a member absent when the vote opened is not entitled, even after arriving', () => {
    const log = [...openVote(), checkedIn(councillor(7))];
    given(...log)
      .when(cast(councillor(7), 'v1', 'yes'))
      .thenRefuses('NOT_ENTITLED');
  });

  test('a choice must be one of the vote’s choices', () => {
    given(...openVote())
      .when(cast(c1, 'v1', 'maybe'))
      .thenRefuses('INVALID_CHOICE');
    given(...openVote())
      .when(cast(c1, 'v9', 'yes'))
      .thenRefuses('VOTE_NOT_FOUND');
  });

  test('a member cannot vote twice in a secret vote, even where named votes may be changed', () => {
    const log = play(openVote(secretAnywhere, { secret: true }), cast(c1, 'v1', 'yes'));
    given(...log)
      .when(cast(c1, 'v1', 'no'))
      .thenRefuses('ALREADY_VOTED');
  });

  test('in Wallonia a named ballot may be changed until the vote closes', () => {
    const log = play(openVote(), cast(c1, 'v1', 'yes'), cast(c1, 'v1', 'no'));
    expect(voteIn(log, 'v1')).toMatchObject({ participants: [c1], ballots: { [c1]: 'no' } });
  });

  test('in Flanders a named ballot cannot be changed', () => {
    const log = play(openVote({ profile: 'flanders' }), cast(c1, 'v1', 'yes'));
    given(...log)
      .when(cast(c1, 'v1', 'no'))
      .thenRefuses('ALREADY_VOTED');
  });

  test('the vote closes by itself when every entitled member has voted', () => {
    const [last, ...others] = firstMembers(5).reverse();
    const log = play(openVote(), ...others.map((m) => cast(m, 'v1', 'yes')));
    given(...log)
      .when(cast(last ?? '', 'v1', 'no'))
      .then(
        { type: 'BallotCast' },
        { type: 'VoteClosed', voteId: 'v1', reason: 'allVoted', participation: 5 },
      );
  });

  test('no ballot is cast once the chair has closed the vote', () => {
    const log = play(openVote(), command(CHAIR, { type: 'CloseVote', voteId: 'v1' }));
    given(...log)
      .when(cast(c1, 'v1', 'yes'))
      .thenRefuses('VOTE_NOT_OPEN');
    given(...log)
      .when(command(CHAIR, { type: 'CloseVote', voteId: 'v1' }))
      .thenRefuses('VOTE_NOT_OPEN');
    given(...log)
      .when(command(CHAIR, { type: 'CloseVote', voteId: 'v9' }))
      .thenRefuses('VOTE_NOT_FOUND');
  });
});

describe('counting and publishing', () => {
  const closedSecret = () =>
    play(
      openVote(secretAnywhere, { secret: true }),
      cast(c1, 'v1', 'yes'),
      cast(councillor(2), 'v1', 'yes'),
      cast(councillor(3), 'v1', 'no'),
      command(CHAIR, { type: 'CloseVote', voteId: 'v1' }),
    );

  test('a named vote is counted from the recorded ballots', () => {
    const log = play(
      openVote(),
      cast(c1, 'v1', 'yes'),
      cast(CHAIR, 'v1', 'no'),
      cast(councillor(2), 'v1', 'yes'),
      command(CHAIR, { type: 'CloseVote', voteId: 'v1' }),
    );
    given(...log)
      .when(command(SYSTEM, { type: 'CountVote', voteId: 'v1' }))
      .then({
        type: 'VoteCounted',
        result: { tally: { yes: 2, no: 1 }, outcome: { kind: 'adopted' }, participation: 3 },
      });
  });

  test('a secret vote is counted from the ballot box, whose counters must add up to participation', () => {
    const log = closedSecret();
    given(...log)
      .when(command(SYSTEM, { type: 'CountVote', voteId: 'v1', tally: { yes: 2, no: 2 } }))
      .thenRefuses('TALLY_MISMATCH');
    given(...log)
      .when(command(SYSTEM, { type: 'CountVote', voteId: 'v1' }))
      .thenRefuses('TALLY_MISMATCH');
    given(...log)
      .when(command(SYSTEM, { type: 'CountVote', voteId: 'v1', tally: { yes: 2, maybe: 1 } }))
      .thenRefuses('TALLY_MISMATCH');
    given(...log)
      .when(command(SYSTEM, { type: 'CountVote', voteId: 'v1', tally: { yes: 2, no: 1 } }))
      .then({
        type: 'VoteCounted',
        result: { outcome: { kind: 'adopted' }, votesCast: 3, needed: 2 },
      });
  });

  test('a vote is counted once closed, and only by the service', () => {
    given(...openVote())
      .when(command(SYSTEM, { type: 'CountVote', voteId: 'v1' }))
      .thenRefuses('VOTE_NOT_CLOSED');
    given(...closedSecret())
      .when(command(CHAIR, { type: 'CountVote', voteId: 'v1', tally: { yes: 2, no: 1 } }))
      .thenRefuses('NOT_AUTHORIZED');
    given(...openVote())
      .when(command(SYSTEM, { type: 'CountVote', voteId: 'v9' }))
      .thenRefuses('VOTE_NOT_FOUND');
  });

  test('the result names the rule applied', () => {
    const log = play(
      closedSecret(),
      command(SYSTEM, { type: 'CountVote', voteId: 'v1', tally: { yes: 2, no: 1 } }),
    );
    expect(voteIn(log, 'v1').result?.rule).toMatchObject({
      profile: 'wallonia',
      threshold: '1/2',
      abstentionsCount: false,
      basis: [
        {
          rule: 'majorityBase',
          status: 'unconfirmed',
          source: expect.stringContaining('L1122-26') as string,
        },
        { rule: 'abstentionsCount', status: 'unconfirmed' },
      ],
    });
  });

  test('the director publishes a counted result, once', () => {
    const counted = play(
      closedSecret(),
      command(SYSTEM, { type: 'CountVote', voteId: 'v1', tally: { yes: 2, no: 1 } }),
    );
    given(...closedSecret())
      .when(command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }))
      .thenRefuses('RESULT_NOT_READY');
    given(...counted)
      .when(command(CHAIR, { type: 'PublishResult', voteId: 'v1' }))
      .thenRefuses('NOT_AUTHORIZED');
    const published = play(counted, command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }));
    expect(voteIn(published, 'v1').status).toBe('published');
    given(...published)
      .when(command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }))
      .thenRefuses('ALREADY_PUBLISHED');
    given(...published)
      .when(command(DIRECTOR, { type: 'PublishResult', voteId: 'v9' }))
      .thenRefuses('VOTE_NOT_FOUND');
  });
});

describe('elections', () => {
  const candidates = [
    { id: 'a', name: 'A', birthDate: '1970-01-01' },
    { id: 'b', name: 'B', birthDate: '1960-01-01' },
    { id: 'c', name: 'C' },
  ];

  test('an absolute majority of the votes cast elects at the first round; blank ballots do not count', () => {
    const result = countElection(
      { a: 5, b: 3, c: 1, abstain: 4 },
      candidates,
      profiles.wallonia,
      '1/2',
      false,
    );
    expect(result).toMatchObject({
      outcome: { kind: 'elected', candidateId: 'a', byAge: false },
      votesCast: 9,
      needed: 5,
    });
  });

  test('without a majority the two leading candidates go to a runoff', () => {
    const result = countElection({ a: 4, b: 3, c: 2 }, candidates, profiles.wallonia, '1/2', false);
    expect(result.outcome).toEqual({ kind: 'runoff', candidateIds: ['a', 'b'] });
  });

  test('in a runoff the most votes elect', () => {
    const result = countElection({ a: 4, b: 5 }, candidates, profiles.wallonia, '1/2', true);
    expect(result.outcome).toEqual({ kind: 'elected', candidateId: 'b', byAge: false });
  });

  test('in Flanders a tied runoff appoints nobody', () => {
    const result = countElection({ a: 4, b: 4 }, candidates, profiles.flanders, '1/2', true);
    expect(result.outcome).toEqual({ kind: 'noneElected', tie: true });
  });

  test('a tied runoff between candidates of unknown age appoints nobody', () => {
    const result = countElection({ a: 4, c: 4 }, candidates, profiles.wallonia, '1/2', true);
    expect(result.outcome).toEqual({ kind: 'noneElected', tie: true });
  });

  test("under Robert's Rules there is no runoff: nobody is elected without a majority", () => {
    const result = countElection({ a: 4, b: 3, c: 2 }, candidates, profiles.roberts, '1/2', false);
    expect(result.outcome).toEqual({ kind: 'noneElected', tie: false });
  });

  test('an election with no candidate elects nobody', () => {
    const result = countElection({}, [], profiles.wallonia, '1/2', false);
    expect(result.outcome).toEqual({ kind: 'noneElected', tie: false });
  });
});
