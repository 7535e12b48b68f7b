import fc from 'fast-check';
import {
  decide,
  evolve,
  fold,
  inOneFold,
  meetingSetupSchema,
  type Command,
  type Event,
  type MeetingState,
} from '../../shared/src';
import { CHAIR, council, councillor, firstMembers, sitting } from './support/council';
import { intentSequence, playIntents } from './support/session';
import { command } from './support/spec';
import { sealedCast } from './support/tellers';

const oneAtATime = (events: readonly Event[], from?: MeetingState) =>
  events.reduce(evolve, from ?? fold([]));

describe('a large assembly', () => {
  test('a roster of 20,000 members is accepted, and one of 20,001 is not', () => {
    const roster = (size: number) =>
      Array.from({ length: size }, (_, i) => ({
        id: `m${i}`,
        name: `Member ${i}`,
        role: i === 0 ? ('chair' as const) : ('councillor' as const),
        seat: i,
      }));
    const setup = (size: number) => ({ ...council({ members: 3 }), roster: roster(size) });
    expect(meetingSetupSchema.safeParse(setup(20_000)).success).toBe(true);
    expect(meetingSetupSchema.safeParse(setup(20_001)).success).toBe(false);
  });

  test('1,000 members check in and vote in one fold, ending where one event at a time ends', () => {
    const members = firstMembers(1_000);
    const history = sitting({ members: 1_000, present: 1, item: 'water' });
    const steps: Command[] = [
      ...members.slice(1).map((m) => command(m, { type: 'CheckIn' })),
      command(CHAIR, { type: 'OpenVote', secret: true }),
    ];
    let state = fold(history);
    const events: Event[] = [];
    inOneFold(() => {
      for (const step of steps) {
        const decision = decide(state, step);
        if (!decision.ok) throw new Error(decision.error.code);
        events.push(...decision.events);
        state = decision.events.reduce(evolve, state);
      }
    });
    const opened = events.at(-1);
    if (opened?.type !== 'VoteOpened') throw new Error('no vote opened');
    inOneFold(() => {
      members.forEach((member, i) => {
        const choice = opened.choices[i % opened.choices.length] ?? 'abstain';
        const cast = command(member, { type: 'CastBallot', voteId: opened.voteId, choice });
        const decision = decide(state, sealedCast(state, cast));
        if (!decision.ok) throw new Error(decision.error.code);
        events.push(...decision.events);
        state = decision.events.reduce(evolve, state);
      });
    });
    const again = decide(
      state,
      command(councillor(7), { type: 'CastBallot', voteId: opened.voteId, choice: 'abstain' }),
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'VOTE_NOT_OPEN' } });
    expect(JSON.stringify(state)).toBe(JSON.stringify(oneAtATime(events, fold(history))));
    expect(state.status !== 'none' && state.votes[opened.voteId]?.participants).toHaveLength(1_000);
  });
});

describe('folding', () => {
  test('a fold ends where evolving one event at a time ends, and leaves the state it starts from as it was', () => {
    fc.assert(
      fc.property(intentSequence(), fc.nat(), (intents, cut) => {
        const { session } = playIntents(sitting({ members: 9, present: 7 }), intents);
        const log = session.log;
        const middle = cut % (log.length + 1);
        const start = oneAtATime(log.slice(0, middle));
        const before = JSON.stringify(start);
        const folded = fold(log.slice(middle), start);
        expect(JSON.stringify(start)).toBe(before);
        expect(JSON.stringify(folded)).toBe(JSON.stringify(oneAtATime(log)));
      }),
      { numRuns: 150 },
    );
  });

  test('a member who already voted is refused within the fold that recorded the ballot', () => {
    const history = sitting({ members: 9, present: 9, item: 'water' });
    let state = fold(history);
    inOneFold(() => {
      const open = decide(state, command(CHAIR, { type: 'OpenVote', secret: true }));
      if (!open.ok) throw new Error(open.error.code);
      state = open.events.reduce(evolve, state);
      const voteId = state.status === 'none' ? '' : (state.openVoteId ?? '');
      const ballot = sealedCast(
        state,
        command(councillor(2), { type: 'CastBallot', voteId, choice: 'abstain' }),
      );
      const first = decide(state, ballot);
      if (!first.ok) throw new Error(first.error.code);
      state = first.events.reduce(evolve, state);
      expect(decide(state, ballot)).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } });
    });
  });
});
