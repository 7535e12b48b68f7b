import {
  fold,
  majorityInWords,
  profiles,
  type Event,
  type Language,
  type Threshold,
  type ThresholdBase,
  type Vote,
} from '../../shared/src';
import { CHAIR, council, created, firstMembers, sitting } from './support/council';
import { linesOf, Sitting } from './support/minutes';
import { command, given, play } from './support/spec';

const SYSTEM = 'system';

function voteOf(log: readonly Event[]): Vote {
  const state = fold(log);
  const vote = state.status === 'none' ? undefined : state.votes.v1;
  if (!vote) throw new Error('no vote v1');
  return vote;
}

const cast = (member: string, choice: string) =>
  command(member, { type: 'CastBallot', voteId: 'v1', choice });
const close = () => command(CHAIR, { type: 'CloseVote', voteId: 'v1' });
const count = () => command(SYSTEM, { type: 'CountVote', voteId: 'v1' });

interface Majority {
  threshold?: Threshold;
  base?: ThresholdBase;
}

/** 25 in office, the first 20 present; 13 vote yes, 2 no and 5 abstain on vote `v1`, then it is counted. */
function thirteenYesOfTwenty(majority: Majority, before: Event[] = []): Event[] {
  const choiceOf = (i: number) => (i < 13 ? 'yes' : i < 15 ? 'no' : 'abstain');
  return play(
    [...sitting({ members: 25, present: 20 }), ...before],
    command(CHAIR, { type: 'OpenVote', ...majority }, 'v1'),
    ...firstMembers(20).map((member, i) => cast(member, choiceOf(i))),
    count(),
  );
}

describe('qualified majorities say their base (thresholdBases)', () => {
  test('every profile lists the bases a majority may be counted on, with status and source', () => {
    for (const profile of Object.values(profiles)) {
      expect(profile.thresholdBases.value).toContain('votesCast');
      expect(profile.thresholdBases.source).not.toBe('');
    }
    expect(profiles.wallonia.thresholdBases.source).toMatch(/L1122-24/);
    expect(profiles.roberts.thresholdBases.status).toBe('confirmed');
  });

  test('a vote counts on votes cast unless the chair names another base', () => {
    given(...sitting())
      .when(command(CHAIR, { type: 'OpenVote', threshold: '2/3' }))
      .then({ type: 'VoteOpened', threshold: '2/3', base: 'votesCast' });
  });

  test('a base the rules do not list is refused, and nothing opens', () => {
    const outcome = given(...sitting({ overrides: { thresholdBases: ['votesCast'] } })).when(
      command(CHAIR, { type: 'OpenVote', threshold: '2/3', base: 'membersPresent' }),
    );
    outcome.thenRefuses('THRESHOLD_BASE_NOT_ALLOWED');
    expect(outcome.after.status !== 'none' && outcome.after.openVoteId).toBeNull();
  });

  test('CDLD L1122-26: two thirds of the votes cast leave abstentions out: 13 of 15 carry', () => {
    expect(voteOf(thirteenYesOfTwenty({ threshold: '2/3' })).result).toMatchObject({
      outcome: { kind: 'adopted' },
      votesCast: 15,
      needed: 10,
      base: 'votesCast',
      baseCount: 15,
    });
  });

  test('two thirds of the members present count those who abstain: 13 of 20 present fall short of 14', () => {
    const result = voteOf(thirteenYesOfTwenty({ threshold: '2/3', base: 'membersPresent' })).result;
    expect(result).toMatchObject({
      outcome: { kind: 'rejected' },
      votesCast: 15,
      needed: 14,
      base: 'membersPresent',
      baseCount: 20,
    });
    expect(result?.rule.basis.map((b) => b.rule)).toContain('thresholdBases');
  });

  test('members present are those present when the vote closes: the decision is taken then', () => {
    const log = play(
      sitting({ members: 25, present: 20 }),
      command(CHAIR, { type: 'OpenVote', threshold: '2/3', base: 'membersPresent' }, 'v1'),
      ...firstMembers(12).map((member) => cast(member, 'yes')),
      command(firstMembers(20)[18] ?? '', { type: 'CheckOut' }),
      command(firstMembers(20)[19] ?? '', { type: 'CheckOut' }),
      close(),
      count(),
    );
    expect(log.find((e) => e.type === 'VoteClosed')).toMatchObject({ present: 18 });
    expect(voteOf(log).result).toMatchObject({
      outcome: { kind: 'adopted' },
      needed: 12,
      baseCount: 18,
    });
  });

  test('three quarters of the members in office count those absent too: 19 of 25', () => {
    const result = voteOf(
      thirteenYesOfTwenty({ threshold: '3/4', base: 'membersInOffice' }),
    ).result;
    expect(result).toMatchObject({
      outcome: { kind: 'rejected' },
      needed: 19,
      base: 'membersInOffice',
      baseCount: 25,
    });
  });

  test('an absolute majority of the members present is more than half of them', () => {
    const result = voteOf(thirteenYesOfTwenty({ base: 'membersPresent' })).result;
    expect(result).toMatchObject({ outcome: { kind: 'adopted' }, needed: 11, baseCount: 20 });
  });

  test('a vote where nobody voted has a base of 0 and carries nothing', () => {
    const log = play(
      sitting({ members: 9, present: 6 }),
      command(CHAIR, { type: 'OpenVote', threshold: '2/3' }, 'v1'),
      close(),
      count(),
    );
    expect(voteOf(log).result).toMatchObject({
      outcome: { kind: 'rejected' },
      votesCast: 0,
      baseCount: 0,
      needed: 1,
    });
  });

  test('an appointment needs its majority of the members present to elect outright', () => {
    const log = play(
      sitting({ members: 9, present: 9, item: 'water' }),
      command(CHAIR, { type: 'OpenVote', base: 'membersPresent' }, 'v1'),
      ...firstMembers(4).map((member) => cast(member, 'cand-old')),
      ...firstMembers(9)
        .slice(4)
        .map((member) => cast(member, 'abstain')),
    );
    const tally = { 'cand-old': 4, abstain: 5 };
    const counted = play(log, command(SYSTEM, { type: 'CountVote', voteId: 'v1', tally }));
    // 4 of 4 ballots for a candidate would elect on votes cast; 4 of 9 present do not.
    expect(voteOf(counted).result).toMatchObject({ needed: 5, baseCount: 9 });
    expect(voteOf(counted).result?.outcome.kind).not.toBe('elected');
  });

  test('a log written before majorities had a base folds as votes cast', () => {
    const log = thirteenYesOfTwenty({ threshold: '2/3' }).map((event): Event => {
      if (event.type === 'VoteOpened') {
        const { base: _base, ...old } = event;
        return old;
      }
      if (event.type === 'VoteClosed') {
        const { present: _present, ...old } = event;
        return old;
      }
      if (event.type === 'VoteCounted') {
        const { base: _base, baseCount: _count, ...old } = event.result;
        return { ...event, result: old };
      }
      return event;
    });
    const vote = voteOf(log);
    expect(vote.base).toBe('votesCast');
    expect(vote.presentAtClose).toBeNull();
    expect(vote.result).toMatchObject({ base: 'votesCast', baseCount: 15, needed: 10 });
  });
});

describe('a qualified majority in words', () => {
  const twoThirdsOfTwenty = { needed: 14, base: 'membersPresent', baseCount: 20 } as const;

  test.each<[Language, string]>([
    ['fr', 'majorité des deux tiers des membres présents : 14 voix requises sur 20 présents'],
    ['nl', 'tweederdemeerderheid van de aanwezige leden: 14 stemmen vereist op 20 aanwezigen'],
    [
      'de',
      'Zweidrittelmehrheit der anwesenden Mitglieder: 14 Stimmen erforderlich von 20 Anwesenden',
    ],
    ['en', 'two-thirds majority of the members present: 14 votes needed of 20 present'],
  ])('in %s', (language, words) => {
    expect(majorityInWords('2/3', twoThirdsOfTwenty, language)).toBe(words);
  });

  test('one vote needed of one member present is singular', () => {
    const one = { needed: 1, base: 'membersPresent', baseCount: 1 } as const;
    expect(majorityInWords('1/2', one, 'fr')).toBe(
      'majorité absolue des membres présents : 1 voix requise sur 1 présent',
    );
  });

  test('the minutes state the base, the votes needed and the number counted on', () => {
    const s = new Sitting([created(council({ members: 25 }))]);
    s.do('director', {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    }).do(CHAIR, { type: 'OpenMeeting' });
    for (const member of firstMembers(20)) s.do(member, { type: 'CheckIn' });
    s.do(CHAIR, { type: 'NextItem' });
    s.vote({ type: 'OpenVote', threshold: '2/3', base: 'membersPresent' }, (_m, i) =>
      i < 13 ? 'yes' : 'abstain',
    );
    expect(linesOf(s.minutes('director'))).toContain(
      'Rule applied: two-thirds majority of the members present: 14 votes needed of 20 present; abstentions and blank ballots not counted.',
    );
  });

  test('a majority of votes cast keeps its usual words in the minutes', () => {
    const s = new Sitting(sitting({ members: 9, present: 6 }));
    s.vote({ type: 'OpenVote', threshold: '2/3' }, () => 'yes');
    expect(linesOf(s.minutes('director'))).toContain(
      'Rule applied: two-thirds majority of the votes cast; abstentions and blank ballots not counted.',
    );
  });
});
