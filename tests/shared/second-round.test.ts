import { fold, secondRound, type Event } from '../../shared/src';
import { firstRound, published, tied, tiedChoices, voted, voters } from './support/appointment';
import { CHAIR, councillor } from './support/council';
import { command, given, play } from './support/spec';

function meetingOf(log: Event[]) {
  const state = fold(log);
  if (state.status === 'none') throw new Error('no meeting');
  return state;
}

const callSecondRound = (voteId = 'v1') =>
  command(CHAIR, { type: 'OpenVote', runoffOf: voteId }, 'v2');

describe('the second round of an appointment', () => {
  test('a tied appointment offers a second round between the tied candidates', () => {
    const log = published(firstRound('wallonia'));
    expect(secondRound(meetingOf(log), 'v1')).toEqual({
      ok: true,
      candidateIds: ['cand-old', 'cand-young'],
    });
    const [opened] = given(...log)
      .when(callSecondRound())
      .then({
        type: 'VoteOpened',
        voteId: 'v2',
        kind: 'election',
        runoffOf: 'v1',
        choices: ['cand-old', 'cand-young', 'abstain'],
        secret: true,
        eligible: voters,
      });
    expect(opened).not.toHaveProperty('tally');
  });

  test('a tie in the second round appoints the older candidate (Wallonia)', () => {
    const log = play(published(firstRound('wallonia')), callSecondRound());
    const counted = play(log, ...voted('v2', tiedChoices, tied));
    expect(meetingOf(counted).votes.v2?.result?.outcome).toEqual({
      kind: 'elected',
      candidateId: 'cand-old',
      byAge: true,
    });
  });

  test('a tie in the second round appoints nobody in Flanders, and no third round is offered', () => {
    const log = play(published(firstRound('flanders')), callSecondRound());
    const counted = published(play(log, ...voted('v2', tiedChoices, tied)), 'v2');
    expect(meetingOf(counted).votes.v2?.result?.outcome).toEqual({
      kind: 'noneElected',
      tie: true,
    });
    given(...counted)
      .when(command(CHAIR, { type: 'OpenVote', runoffOf: 'v2' }, 'v3'))
      .thenRefuses('NO_RUNOFF');
  });

  test('without a runoff in the rules a tied appointment offers no second round (Robert’s Rules)', () => {
    const log = published(firstRound('roberts'));
    expect(meetingOf(log).votes.v1?.result?.outcome).toEqual({ kind: 'noneElected', tie: true });
    expect(secondRound(meetingOf(log), 'v1')).toEqual({ ok: false, code: 'NO_RUNOFF' });
  });

  test('a vote that elected a candidate has no second round', () => {
    const majority = ['cand-young', 'cand-young', 'cand-young', 'cand-old'];
    const log = published(firstRound('wallonia', majority, { 'cand-young': 3, 'cand-old': 1 }));
    given(...log)
      .when(callSecondRound())
      .thenRefuses('NO_RUNOFF');
    given(...log)
      .when(callSecondRound('nothing'))
      .thenRefuses('VOTE_NOT_FOUND');
  });

  test('the second round is called only once the result is published, without telling the count', () => {
    const counted = firstRound('wallonia');
    given(...counted)
      .when(callSecondRound())
      .thenRefuses('RESULT_NOT_READY');
    expect(secondRound(meetingOf(counted), 'v1')).toEqual({ ok: false, code: 'RESULT_NOT_READY' });
  });

  test('a second round is held once, on the item it appoints for', () => {
    const log = published(firstRound('wallonia'));
    const held = play(log, callSecondRound(), command(CHAIR, { type: 'CloseVote', voteId: 'v2' }));
    given(...held)
      .when(command(CHAIR, { type: 'OpenVote', runoffOf: 'v1' }, 'v3'))
      .thenRefuses('RUNOFF_ALREADY_HELD');
    const movedOn = play(log, command(CHAIR, { type: 'NextItem' }));
    given(...movedOn)
      .when(callSecondRound())
      .thenRefuses('RUNOFF_NOT_ON_CURRENT_ITEM');
  });

  test('only the chair calls the second round', () => {
    given(...published(firstRound('wallonia')))
      .when(command(councillor(1), { type: 'OpenVote', runoffOf: 'v1' }))
      .thenRefuses('NOT_AUTHORIZED');
  });
});
