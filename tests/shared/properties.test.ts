import fc from 'fast-check';
import {
  actorOf,
  commandTypes,
  decide,
  fold,
  initialState,
  permissions,
  type Actor,
  type Command,
  type CommandType,
  type Decision,
  type Event,
  type FloorKind,
  type MeetingState,
  type ProfileId,
  type ProfileOverrides,
  type Vote,
} from '../../shared/src';
import { CHAIR, council, created, sitting } from './support/council';
import {
  busySitting,
  issuerLabels,
  issuers,
  payloads,
  VOTE,
  type IssuerLabel,
} from './support/payloads';
import {
  commandOf,
  intentSequence,
  intentsOf,
  PEOPLE,
  playIntents,
  Session,
} from './support/session';
import { command } from './support/spec';
import { sealedCast } from './support/tellers';

/** Enough runs to reach the corners (a full ballot box, a reply to a speaker), under ~10 s in all. */
const runs = (numRuns: number) => ({ numRuns });

// ---------------------------------------------------------------------------------------------
// Votes: a random crowd casts random ballots.

interface VoteSetting {
  readonly label: string;
  readonly profile: ProfileId;
  readonly item: 'minutes' | 'water';
  readonly secret?: boolean;
  /** A secret question needs house rules that allow one outside the secret subjects. */
  readonly overrides?: ProfileOverrides;
}

const overrides = { secretOtherwise: true };
const settings: readonly VoteSetting[] = [
  { label: 'named question, changes allowed', profile: 'wallonia', item: 'minutes', secret: false },
  { label: 'named question, ballots final', profile: 'flanders', item: 'minutes', secret: false },
  { label: 'named election', profile: 'roberts', item: 'water', secret: false },
  { label: 'secret question', profile: 'wallonia', item: 'minutes', secret: true, overrides },
  {
    label: 'secret question, ballots final',
    profile: 'flanders',
    item: 'minutes',
    secret: true,
    overrides,
  },
  { label: 'secret appointment', profile: 'wallonia', item: 'water' },
  { label: 'secret election, chair last', profile: 'roberts', item: 'water' },
];
const secretSettings = settings.filter((s) => s.secret !== false);

/** 9 members in office, the first 6 present, and vote `vote-1` just opened on the item. */
function votingOn(setting: VoteSetting): Session {
  const session = new Session(
    sitting({
      members: 9,
      present: 6,
      profile: setting.profile,
      item: setting.item,
      ...(setting.overrides ? { overrides: setting.overrides } : {}),
    }),
  );
  const opened = session.issue(
    command(
      CHAIR,
      { type: 'OpenVote', ...(setting.secret === undefined ? {} : { secret: setting.secret }) },
      VOTE,
    ),
  );
  if (!opened.ok) throw new Error(`the vote did not open: ${opened.error.code}`);
  return session;
}

interface BallotIntent {
  /** Anyone: the members present, those absent, the director, an observer, the service, a stranger. */
  readonly who: number;
  /** One of the vote's choices, or a choice it does not have. */
  readonly choice: number;
  /** The chair closes the vote instead. */
  readonly close: boolean;
}

const ballotArb: fc.Arbitrary<BallotIntent> = fc.record({
  who: fc.nat(PEOPLE.length * 3),
  choice: fc.nat(20),
  close: fc.oneof(
    { weight: 15, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
});
const ballotsArb = fc.array(ballotArb, { maxLength: 30, size: 'max' });

const strangeChoices = ['maybe', 'YES', 'cand-none', ''];

function voteOf(session: Session): Vote {
  const vote = session.meeting.votes[VOTE];
  if (!vote) throw new Error('no vote');
  return vote;
}

function ballotCommand(session: Session, intent: BallotIntent): Command {
  if (intent.close) return command(CHAIR, { type: 'CloseVote', voteId: VOTE });
  // Eligible voters come up twice as often as everyone else, so that the box fills up.
  const voters = [...voteOf(session).eligible, ...voteOf(session).eligible, ...PEOPLE];
  const by = voters[intent.who % voters.length] ?? 'stranger';
  const choices = [...voteOf(session).choices, ...strangeChoices];
  const choice = choices[intent.choice % choices.length] ?? 'maybe';
  return command(by, { type: 'CastBallot', voteId: VOTE, choice });
}

/** The counters: the ballot box for a secret vote, each member's choice for a named one. */
function tallyOf(session: Session, vote: Vote): Record<string, number> {
  if (vote.secret) return session.box(vote.id);
  const tally: Record<string, number> = {};
  for (const choice of Object.values(vote.ballots)) tally[choice] = (tally[choice] ?? 0) + 1;
  return tally;
}

const sum = (tally: Readonly<Record<string, number>>) =>
  Object.values(tally).reduce((total, n) => total + n, 0);

function expectTallyWithinParticipation(session: Session): void {
  const vote = voteOf(session);
  const tally = tallyOf(session, vote);
  expect(sum(tally)).toBe(vote.participants.length);
  for (const count of Object.values(tally)) {
    expect(count).toBeGreaterThanOrEqual(0);
    expect(count).toBeLessThanOrEqual(vote.participants.length);
  }
  expect(vote.participants.length).toBeLessThanOrEqual(vote.eligible.length);
  for (const member of vote.participants) expect(vote.eligible).toContain(member);
  if (vote.secret) expect(vote.ballots).toEqual({});
  else expect(Object.keys(vote.ballots).sort()).toEqual([...vote.participants].sort());
}

function closeAndCount(session: Session): Decision {
  if (voteOf(session).status === 'open') {
    session.issue(command(CHAIR, { type: 'CloseVote', voteId: VOTE }));
  }
  const vote = voteOf(session);
  return session.issue(
    command('system', {
      type: 'CountVote',
      voteId: VOTE,
      ...(vote.secret ? { tally: session.box(VOTE) } : {}),
    }),
  );
}

describe('the tally never exceeds participation, and participation never exceeds the eligible members', () => {
  test('after every ballot, the counters add up to the participation register, which holds only eligible members', () => {
    fc.assert(
      fc.property(fc.constantFrom(...settings), ballotsArb, (setting, ballots) => {
        const session = votingOn(setting);
        for (const intent of ballots) {
          session.issue(ballotCommand(session, intent));
          expectTallyWithinParticipation(session);
        }
        const counted = closeAndCount(session);
        expect(counted.ok).toBe(true);
        const result = voteOf(session).result;
        expect(result?.participation).toBe(voteOf(session).participants.length);
        expect(result?.votesCast).toBeLessThanOrEqual(result?.participation ?? -1);
        expect(result?.participation).toBeLessThanOrEqual(voteOf(session).eligible.length);
      }),
      runs(200),
    );
  });

  test('a member appears at most once in the participation register', () => {
    fc.assert(
      fc.property(fc.constantFrom(...settings), ballotsArb, (setting, ballots) => {
        const session = votingOn(setting);
        for (const intent of ballots) {
          session.issue(ballotCommand(session, intent));
          const { participants } = voteOf(session);
          expect(new Set(participants).size).toBe(participants.length);
        }
      }),
      runs(150),
    );
  });

  test('a member cannot vote twice in a secret vote, and a second named ballot changes the choice only where the rules allow', () => {
    fc.assert(
      fc.property(fc.constantFrom(...settings), ballotsArb, (setting, ballots) => {
        const session = votingOn(setting);
        for (const intent of ballots) {
          const cmd = ballotCommand(session, intent);
          const before = voteOf(session);
          const again =
            cmd.type === 'CastBallot' &&
            before.status === 'open' &&
            before.participants.includes(cmd.by) &&
            cmd.choice !== undefined &&
            before.choices.includes(cmd.choice);
          const decision = session.issue(cmd);
          if (!again) continue;
          const mayChange = !before.secret && session.meeting.profile.voteChangeUntilClose.value;
          if (mayChange) {
            expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['BallotChanged']);
          } else {
            expect(decision.ok ? 'accepted' : decision.error.code).toBe('ALREADY_VOTED');
          }
          expect(voteOf(session).participants).toHaveLength(before.participants.length);
        }
      }),
      runs(150),
    );
  });

  test('a secret count is accepted only when every counter is between 0 and the participation and they add up to it', () => {
    const tamper = fc.record({ from: fc.nat(10), to: fc.nat(10), votes: fc.nat(4) });
    fc.assert(
      fc.property(
        fc.constantFrom(...secretSettings),
        ballotsArb,
        tamper,
        (setting, ballots, shift) => {
          const session = votingOn(setting);
          for (const intent of ballots) session.issue(ballotCommand(session, intent));
          if (voteOf(session).status === 'open') {
            session.issue(command(CHAIR, { type: 'CloseVote', voteId: VOTE }));
          }
          const vote = voteOf(session);
          // Whoever feeds the count moves some votes from one counter to another.
          const tally = session.box(VOTE);
          const from = vote.choices[shift.from % vote.choices.length] ?? 'yes';
          const to = vote.choices[shift.to % vote.choices.length] ?? 'no';
          tally[from] = (tally[from] ?? 0) - shift.votes;
          tally[to] = (tally[to] ?? 0) + shift.votes;
          const decision = decide(
            session.state,
            command('system', { type: 'CountVote', voteId: VOTE, tally }),
          );
          if (!decision.ok) return;
          const participation = vote.participants.length;
          expect(sum(tally)).toBe(participation);
          for (const count of Object.values(tally)) {
            expect(Number.isInteger(count)).toBe(true);
            expect(count).toBeGreaterThanOrEqual(0);
            expect(count).toBeLessThanOrEqual(participation);
          }
        },
      ),
      runs(200),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The speaking queue.

const speakingWeights = {
  RequestFloor: 6,
  WithdrawRequest: 2,
  MoveRequest: 2,
  GiveFloor: 3,
  EndSpeech: 2,
  NextItem: 1,
  PreviousItem: 1,
} as const;
const precedence: Readonly<Record<FloorKind, number>> = {
  pointOfOrder: 0,
  reply: 1,
  contribution: 2,
};

describe('no member is in a speaking queue twice with the same kind', () => {
  test('whatever members ask, withdraw, and the chair moves, gives or ends', () => {
    fc.assert(
      fc.property(intentSequence(intentsOf(speakingWeights), 60), (intents) => {
        const session = new Session(sitting({ members: 9, present: 6 }));
        for (const intent of intents) {
          session.issue(commandOf(session, intent));
          for (const queue of Object.values(session.meeting.queues)) {
            const keys = queue.requests.map((r) => `${r.member}/${r.kind}`);
            expect(new Set(keys).size).toBe(keys.length);
            const ids = queue.requests.map((r) => r.id);
            expect(new Set(ids).size).toBe(ids.length);
          }
        }
      }),
      runs(150),
    );
  });

  test('unless the chair moves a request, a point of order goes ahead of replies, and replies ahead of contributions', () => {
    const { MoveRequest: _, ...withoutMoves } = speakingWeights;
    fc.assert(
      fc.property(intentSequence(intentsOf(withoutMoves), 60), (intents) => {
        const session = new Session(sitting({ members: 9, present: 6 }));
        for (const intent of intents) {
          session.issue(commandOf(session, intent));
          for (const queue of Object.values(session.meeting.queues)) {
            const ranks = queue.requests.map((r) => precedence[r.kind]);
            expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          }
        }
      }),
      runs(150),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The secret ballot.

/** Every string anywhere inside a value, keys included. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  }
  return [];
}

describe('no secret-ballot event contains a choice', () => {
  test('a secret ballot is recorded as type, voteId, member, at and by, and nothing decided carries its choice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...secretSettings), ballotsArb, (setting, ballots) => {
        const session = votingOn(setting);
        for (const intent of ballots) {
          const cmd = ballotCommand(session, intent);
          const decision = session.issue(cmd);
          if (cmd.type !== 'CastBallot') continue;
          const { secretBallot, ...rest } = decision.ok
            ? decision
            : { ...decision, secretBallot: null };
          expect(stringsIn(rest)).not.toContain(cmd.choice);
          expect(JSON.stringify(rest)).not.toContain(JSON.stringify(cmd.choice));
          if (!decision.ok) {
            expect(secretBallot).toBeNull();
            continue;
          }
          for (const event of decision.events) {
            expect(['BallotCast', 'BallotChanged']).not.toContain(event.type);
            if (event.type === 'BallotRecorded') {
              expect(Object.keys(event).sort()).toEqual(['at', 'by', 'member', 'type', 'voteId']);
            }
          }
          const first = !voteOf(session).participants.slice(0, -1).includes(cmd.by);
          expect(JSON.stringify(secretBallot)).not.toContain(JSON.stringify(cmd.choice));
          expect(
            secretBallot && {
              voteId: secretBallot.voteId,
              member: secretBallot.member,
              choices: secretBallot.ballot.choices.length,
            },
          ).toEqual({ voteId: VOTE, member: cmd.by, choices: voteOf(session).choices.length });
          expect(first).toBe(true);
        }
      }),
      runs(200),
    );
  });

  test('a sealed ballot leaves decide only through decision.secretBallot, once per member, for the ballot box', () => {
    fc.assert(
      fc.property(fc.constantFrom(...secretSettings), ballotsArb, (setting, ballots) => {
        const session = votingOn(setting);
        const opened = session.log.length;
        const dropped: string[] = [];
        for (const intent of ballots) {
          const cmd = ballotCommand(session, intent);
          const decision = session.issue(cmd);
          if (decision.ok && decision.secretBallot) dropped.push(decision.secretBallot.member);
        }
        expect(dropped).toEqual(voteOf(session).participants);
        const ballotEvents = session.log.slice(opened);
        for (const event of ballotEvents) {
          expect([
            'BallotRecorded',
            'VoteClosed',
            'BallotsAggregated',
            'TallyShareDecrypted',
          ]).toContain(event.type);
          for (const choice of voteOf(session).choices) {
            expect(stringsIn(event)).not.toContain(choice);
          }
        }
        expect(voteOf(session).ballots).toEqual({});
      }),
      runs(150),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Folding the log.

const startArb = fc.constantFrom<() => Event[]>(
  () => [created(council({ members: 9 }))],
  () => sitting({ members: 9, present: 6 }),
  () => sitting({ members: 9, present: 4, item: null }),
  () => busySitting(),
);
const runArb = fc.tuple(startArb, intentSequence());

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('folding the same log twice gives the same state', () => {
  test('folding a log twice gives deep-equal states, equal to the state built step by step', () => {
    fc.assert(
      fc.property(runArb, ([start, intents]) => {
        const { session } = playIntents(start(), intents);
        expect(fold(session.log)).toStrictEqual(fold(session.log));
        expect(fold(session.log)).toStrictEqual(session.state);
      }),
      runs(150),
    );
  });

  test('folding reads the log without changing it, and a log stored as JSON folds to the same state', () => {
    fc.assert(
      fc.property(runArb, ([start, intents]) => {
        const { session } = playIntents(start(), intents);
        const stored = JSON.stringify(session.log);
        const frozen = deepFreeze(structuredClone(session.log));
        expect(fold(frozen)).toStrictEqual(session.state);
        expect(JSON.stringify(session.log)).toBe(stored);
        expect(fold(JSON.parse(stored) as Event[])).toEqual(session.state);
      }),
      runs(100),
    );
  });

  test('folding a log in two parts gives the state of folding it at once', () => {
    fc.assert(
      fc.property(runArb, fc.nat(200), ([start, intents], cut) => {
        const { log } = playIntents(start(), intents).session;
        const at = cut % (log.length + 1);
        expect(fold(log.slice(at), fold(log.slice(0, at)))).toStrictEqual(fold(log));
      }),
      runs(100),
    );
  });

  test('deciding is deterministic: the same command on the same state gives the same decision', () => {
    fc.assert(
      fc.property(runArb, ([start, intents]) => {
        const { steps } = playIntents(start(), intents);
        for (const step of steps) {
          // The session seals a secret choice before deciding, as the service does.
          const decided = sealedCast(step.before, step.command);
          expect(decide(step.before, decided)).toStrictEqual(step.decision);
        }
      }),
      runs(100),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The role table.

type Outcome = 'allowed' | 'NOT_AUTHORIZED';

const roleOf: Readonly<Record<IssuerLabel, Actor | null>> = {
  chair: 'chair',
  director: 'director',
  councillor: 'councillor',
  observer: 'observer',
  system: 'system',
  'not on the roster': null,
};

function expectedOutcomes(type: CommandType): Record<IssuerLabel, Outcome> {
  return Object.fromEntries(
    issuerLabels.map((label) => {
      const actor = roleOf[label];
      const allowed = actor !== null && permissions[type].includes(actor);
      return [label, allowed ? 'allowed' : 'NOT_AUTHORIZED'];
    }),
  ) as Record<IssuerLabel, Outcome>;
}

function outcomes(state: MeetingState, type: CommandType): Record<IssuerLabel, Outcome> {
  const wire = payloads()[type];
  return Object.fromEntries(
    issuerLabels.map((label) => {
      const decision = decide(state, command(issuers[label], wire));
      const refusedByRole = !decision.ok && decision.error.code === 'NOT_AUTHORIZED';
      return [label, refusedByRole ? 'NOT_AUTHORIZED' : 'allowed'];
    }),
  ) as Record<IssuerLabel, Outcome>;
}

describe('every command by every role is accepted or refused NOT_AUTHORIZED exactly as the role table says', () => {
  test('the role table names every command, and each issuer has the role the matrix assumes', () => {
    expect(Object.keys(permissions).sort()).toEqual([...commandTypes].sort());
    const roster = council({ members: 9 }).roster;
    for (const label of issuerLabels) {
      expect(actorOf(roster, issuers[label])).toBe(roleOf[label]);
    }
  });

  test('CreateMeeting on no meeting: the role comes from the roster inside the setup', () => {
    expect(outcomes(initialState, 'CreateMeeting')).toEqual(expectedOutcomes('CreateMeeting'));
  });

  const busy = fold(busySitting());
  test.each(commandTypes.filter((type) => type !== 'CreateMeeting'))(
    '%s during a sitting',
    (type) => {
      expect(outcomes(busy, type)).toEqual(expectedOutcomes(type));
    },
  );

  test('in every reachable state, only the issuer’s role decides whether a command is NOT_AUTHORIZED', () => {
    const types = commandTypes.filter((type) => type !== 'CreateMeeting');
    fc.assert(
      fc.property(runArb, ([start, intents]) => {
        const { session } = playIntents(start(), intents);
        for (const type of types) {
          expect({ type, ...outcomes(session.state, type) }).toEqual({
            type,
            ...expectedOutcomes(type),
          });
        }
      }),
      runs(60),
    );
  });
});
