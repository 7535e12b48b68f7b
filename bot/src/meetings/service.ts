import { createHash, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import {
  decide,
  evolve,
  fold,
  inOneFold,
  initialState,
  SYSTEM,
  type DomainError,
  type Event,
  type MeetingState,
  type WireCommand,
} from '@council/shared';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../log';
import {
  BallotAlreadyCast,
  issuedKey,
  StoreError,
  TrackerAlreadyOnBoard,
  VersionConflict,
  type Commit,
  type CommitOutcome,
  type IssuedCommand,
  type MeetingStore,
  type Meeting as StoredMeeting,
  type StoredEvent,
} from '../store';
import { checksInFlight } from './checks-in-flight';
import { closedBoards } from './closed-boards';
import { secretVotesOpened, uncountedVotes, votesToCount } from './count-due';
import { trusteeMayStep } from './trustee-due';
import { countingCommand } from './counting';
import { footprintOf } from './footprint';
import { meetingQueues } from './queues';
import { createSealing } from './sealing';
import { createServiceTrustee } from './service-trustee';
import { stageTook, timedStage } from './stage-timing';
import type { TrusteeKeys } from './trustee-keys';
import { tallyRecordOf } from './tally-record';
import { changedSummary, summaryOf } from './summary';

export interface LoadedMeeting {
  readonly record: StoredMeeting;
  readonly state: MeetingState;
  readonly version: number;
}

export type Answer =
  | {
      readonly ok: true;
      readonly version: number;
      /** A secret ballot's, for its voter alone: never stored with the command's result. */
      readonly tracker?: string;
    }
  | { readonly ok: false; readonly error: DomainError };

export interface CommandRequest {
  readonly meetingId: string;
  /**
   * Chosen by the caller: their retry with the same id is answered as the first time, never applied
   * twice. The id is the caller's own: the same id from someone else is another command.
   */
  readonly commandId: string;
  /** The verified identity that issues the command, or SYSTEM. */
  readonly by: string;
  readonly command: WireCommand;
}

/** Hears the events this instance committed, in order, as soon as they are committed. */
export type CommitListener = (meetingId: string, events: readonly StoredEvent[]) => void;

const MAX_ATTEMPTS = 8;
/** More than the service's steps that follow one another after a turn (sum, share, count). */
const SERVICE_ROUNDS = 4;

/**
 * How long a turn waits at most for the ballots whose proofs are being checked, when at least
 * GATHER_FEWEST are: each turn then commits a few dozen ballots in a burst, not one or two as the
 * checks finish one by one.
 */
const GATHER_MS = 15;
const GATHER_FEWEST = 3;

/** About five seconds of proof checks on two cores. */
const DEFAULT_PROOF_QUEUE = 4_000;

/** Every meeting id the service makes (a UUID's form), and the fixtures' readable ones. */
const meetingIdShape = /^[\w.:-]{1,100}$/;

/** The creator is part of it: no one else can take the id of a meeting someone is creating. */
function meetingIdFor(tenantId: string, creator: string, commandId: string): string {
  const hex = createHash('sha256')
    .update(JSON.stringify(['meeting', tenantId, creator, commandId]))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function issuedCommand(request: CommandRequest): IssuedCommand {
  return { issuedBy: request.by, commandId: request.commandId };
}

function eventsOf(stored: readonly StoredEvent[]): Event[] {
  return stored.map((row) => row.data as Event);
}

/** A ballot on a vote's board, by its tracker. */
function boardKey(voteId: string, tracker: string): string {
  return `${voteId}/${tracker}`;
}

function ballotBoxes(events: readonly Event[], state: MeetingState) {
  const open = events.flatMap((e) => (e.type === 'VoteOpened' && e.secret ? [e.voteId] : []));
  const close = events.flatMap((e) => {
    if (e.type !== 'VoteClosed') return [];
    const secret = state.status !== 'none' && state.votes[e.voteId]?.secret;
    return secret || open.includes(e.voteId) ? [e.voteId] : [];
  });
  return { open, close };
}

/** What one turn of a meeting's queue decided: the commits to write and the commands refused. */
interface Plan {
  readonly commits: Commit[];
  readonly accepted: CommandRequest[];
  /** The tracker of each secret ballot accepted, for its voter's answer. */
  readonly trackers: Map<CommandRequest, string>;
  readonly refused: { readonly request: CommandRequest; readonly error: DomainError }[];
  readonly state: MeetingState;
  readonly version: number;
}

/** Enough for every council of a large service in session the same evening (about 30 KB each). */
const HELD_MEETINGS = 2_000;
const HELD_BYTES = 256_000_000;

/**
 * The one command pipeline: every change, from a card or the tab, is decided by the domain on the
 * meeting's current state and appended atomically. Commands of one meeting queue up; each turn
 * decides those waiting one after the other, each on the state the ones before it leave, and
 * commits them together in one transaction (group commit), so a burst of ballots costs a few
 * transactions instead of one each.
 *
 * The state of each meeting is kept here and trusted while this instance is the only one writing:
 * the store's notifications (through `invalidate`) say when another instance wrote, a version
 * conflict says it too late but safely, and a refusal is checked again on the newest state.
 */
export function createMeetingService(
  store: MeetingStore,
  log: Logger,
  options: {
    readonly now?: (() => Date) | undefined;
    readonly newId?: (() => string) | undefined;
    /** How many meetings' states are held at most; the least recently used is read again later. */
    readonly heldMeetings?: number | undefined;
    /** And how much memory they may take, estimated (see footprint.ts). */
    readonly heldBytes?: number | undefined;
    /** Worker threads checking ballots' proofs; one per core by default. */
    readonly proofWorkers?: number | undefined;
    /** The key outside the database that seals the service's trustee secret, if it may be one. */
    readonly trusteeKeys?: TrusteeKeys | undefined;
    /** Ballots waiting for a proof check at most; past it a ballot is refused (RATE_LIMITED). */
    readonly proofQueue?: number | undefined;
    /** Starts a proof worker thread, in place of the bundled one (tests start failing ones). */
    readonly proofWorker?: (() => Worker) | undefined;
  } = {},
) {
  const { now = () => new Date(), newId = randomUUID } = options;
  /** The newest version another instance is known to have written, for meetings held in the cache. */
  const behind = new Map<string, number>();
  // Months of meetings would otherwise all stay in memory. The log is the truth: a meeting let go
  // is folded again when next asked for, and a commit on a stale state fails on its version.
  const cache = new LRUCache<string, LoadedMeeting>({
    max: options.heldMeetings ?? HELD_MEETINGS,
    maxSize: options.heldBytes ?? HELD_BYTES,
    sizeCalculation: footprintOf,
    dispose: (_loaded, meetingId, reason) => {
      if (reason === 'evict') behind.delete(meetingId);
    },
  });
  const listeners = new Set<CommitListener>();
  // One per core: a worker waiting on the event loop's core costs little, and in a burst of tab
  // ballots the checks, not the loop, are the most work.
  const sealing = createSealing({
    workers: options.proofWorkers ?? availableParallelism(),
    queue: options.proofQueue ?? DEFAULT_PROOF_QUEUE,
    ...(options.proofWorker ? { startWorker: options.proofWorker } : {}),
    workerFailed: (error) => {
      log.error(
        { err: error },
        'a proof worker failed: its tab ballots are checked on the main thread, its card choices refused',
      );
    },
  });
  /** Requests sealed or checked before the queue, on a state that could tell (see sealing.ts). */
  const settled = new WeakSet<CommandRequest>();
  const boards = closedBoards(store);
  const trustee = createServiceTrustee({
    keys: options.trusteeKeys,
    store: { board: (voteId) => boards.board(voteId), trusteeVault: store.trusteeVault },
    sealing,
    log,
  });
  /**
   * By meeting, the votes its commits since its last turn's count may have made countable; every
   * closed one for a meeting just read from the store (a count owed before a restart, say).
   */
  const toCount = new Map<string, Set<string>>();
  /**
   * The meetings whose events since the service trustee's last look may give it a step (see
   * trustee-due.ts), and every meeting just read from the store, which may owe it one.
   */
  const trusteeDue = new Set<string>();
  /** The ballots whose proofs are being checked on their way to their meeting's queue. */
  const checks = checksInFlight(GATHER_MS, GATHER_FEWEST);

  function countLater(meetingId: string, voteIds: readonly string[]): void {
    if (voteIds.length === 0) return;
    const due = toCount.get(meetingId) ?? new Set<string>();
    for (const voteId of voteIds) due.add(voteId);
    toCount.set(meetingId, due);
  }

  function remember(meetingId: string, loaded: LoadedMeeting): void {
    const held = cache.get(meetingId);
    if (held && held.version > loaded.version) return;
    cache.set(meetingId, loaded);
    if ((behind.get(meetingId) ?? 0) <= loaded.version) behind.delete(meetingId);
  }

  async function load(meetingId: string, fresh = false): Promise<LoadedMeeting | undefined> {
    // An id from a URL or a card: one the service could not have made names no meeting (and one
    // with a NUL character would not even reach the database).
    if (!meetingIdShape.test(meetingId)) return undefined;
    const cached = cache.get(meetingId);
    const wanted = behind.get(meetingId);
    if (cached && !fresh && (wanted ?? 0) <= cached.version) return cached;
    if (cached) {
      const newer = await store.readEvents(meetingId, cached.version);
      // Read after the notice that asked for it: caught up, unless a newer notice came meanwhile.
      if (behind.get(meetingId) === wanted) behind.delete(meetingId);
      if (trusteeMayStep(eventsOf(newer))) trusteeDue.add(meetingId);
      remember(meetingId, {
        record: cached.record,
        state: fold(eventsOf(newer), cached.state),
        version: newer.at(-1)?.seq ?? cached.version,
      });
      return cache.get(meetingId);
    }
    const record = await store.findMeeting(meetingId);
    if (!record) return undefined;
    const events = await store.readEvents(meetingId);
    const state = fold(eventsOf(events));
    remember(meetingId, { record, state, version: events.at(-1)?.seq ?? 0 });
    trusteeDue.add(meetingId);
    const owed = uncountedVotes(state);
    if (owed.length > 0) {
      countLater(meetingId, owed);
      queues.wake(meetingId);
    }
    return cache.get(meetingId);
  }

  /**
   * Each command decided on the state the ones before it leave, as one fold. A ballot with the
   * tracker of an earlier one of the turn is a copy of someone's: refused alone, so that it spoils
   * no one else's commit. (A copy of a ballot stored before the turn fails the group in the store,
   * whose error names no tracker, which would link a ballot to a voter: each command of the group
   * is then committed on its own.)
   */
  function plan(loaded: LoadedMeeting, requests: readonly CommandRequest[]): Plan {
    return inOneFold(() => planned(loaded, requests));
  }

  function planned(loaded: LoadedMeeting, requests: readonly CommandRequest[]): Plan {
    const cast = new Set<string>();
    let { state, version } = loaded;
    const commits: Commit[] = [];
    const accepted: CommandRequest[] = [];
    const trackers = new Map<CommandRequest, string>();
    const refused: Plan['refused'][number][] = [];
    for (const request of requests) {
      const prepared =
        settled.has(request) || state.status === 'none'
          ? { ok: true as const, command: request.command }
          : sealing.prepare(request.meetingId, state, request.by, request.command);
      if (!prepared.ok) {
        refused.push({ request, error: prepared.error });
        continue;
      }
      const decision = decide(state, {
        ...prepared.command,
        by: request.by,
        at: now().toISOString(),
        newId: request.command.type === 'CreateMeeting' ? request.meetingId : newId(),
      });
      if (!decision.ok) {
        refused.push({ request, error: decision.error });
        continue;
      }
      // Refused before its events are folded: within this fold, evolve changes in place the lists
      // an earlier command of the plan copied, which `state` shares (copy-on-write.ts).
      const sealed = decision.secretBallot;
      const tracker = sealed && sealing.tracker(sealed.ballot);
      if (sealed && tracker) {
        const onBoard = boardKey(sealed.voteId, tracker);
        if (cast.has(onBoard)) {
          refused.push({ request, error: { code: 'BALLOT_COPIED' } });
          continue;
        }
        cast.add(onBoard);
      }
      const after = decision.events.reduce(evolve, state);
      const summary = changedSummary(state, after);
      commits.push({
        meetingId: request.meetingId,
        issuedBy: request.by,
        commandId: request.commandId,
        expectedVersion: version,
        events: decision.events.map((event) => ({ type: event.type, data: event, at: event.at })),
        secretBallots:
          sealed && tracker
            ? [{ voteId: sealed.voteId, memberId: sealed.member, ballot: sealed.ballot, tracker }]
            : [],
        ballotBoxes: ballotBoxes(decision.events, state),
        result: { ok: true, version: version + decision.events.length },
        ...(summary ? { summary } : {}),
      });
      accepted.push(request);
      if (tracker) trackers.set(request, tracker);
      state = after;
      version += decision.events.length;
    }
    return { commits, accepted, trackers, refused, state, version };
  }

  /**
   * Decides and commits `requests` (distinct command ids, one meeting) and answers each. After a
   * version conflict it starts again on the newest state, first answering the commands that turn
   * out to be handled already; when a group fails otherwise, each command is tried on its own.
   */
  async function settle(
    meetingId: string,
    requests: readonly CommandRequest[],
    recheck = true,
  ): Promise<Map<CommandRequest, Answer>> {
    const answers = new Map<CommandRequest, Answer>();
    let pending = requests;
    for (let tries = 1, again = false; ; again = true) {
      const loaded = await load(meetingId, again);
      if (!loaded) {
        for (const request of pending) {
          answers.set(request, { ok: false, error: { code: 'MEETING_NOT_FOUND' } });
        }
        return answers;
      }
      if (again) pending = await answerHandled(meetingId, pending, answers);
      const decided = plan(loaded, pending);
      let outcomes: CommitOutcome[];
      try {
        outcomes = await store.commitMany(decided.commits);
      } catch (error) {
        if (error instanceof VersionConflict) {
          if (tries++ < MAX_ATTEMPTS) continue;
          throw error;
        }
        if (!(error instanceof StoreError)) {
          // The commit may have happened all the same (a connection lost after COMMIT): read again.
          behind.set(meetingId, loaded.version + 1);
          throw error;
        }
        if (decided.commits.length > 1) {
          // One command spoilt the group: each gets its own transaction and its own answer.
          for (const request of pending) {
            for (const [key, answer] of await settle(meetingId, [request], recheck)) {
              answers.set(key, answer);
            }
          }
          return answers;
        }
        if (error instanceof TrackerAlreadyOnBoard) {
          // A copy of a ballot on the board: its proofs hold, but they are not this voter's.
          for (const request of decided.accepted) {
            answers.set(request, { ok: false, error: { code: 'BALLOT_COPIED' } });
          }
        } else {
          if (!(error instanceof BallotAlreadyCast)) throw error;
          // The box knows a ballot this state does not: another instance took it.
          behind.set(meetingId, loaded.version + 1);
          for (const request of decided.accepted) {
            answers.set(request, { ok: false, error: { code: 'ALREADY_VOTED' } });
          }
        }
        outcomes = [];
      }
      if (outcomes.length > 0) committed(meetingId, loaded, decided, outcomes, answers);
      await refusals(meetingId, decided.refused, answers, recheck);
      return answers;
    }
  }

  /** Answers the requests whose command was handled already; returns the others. */
  async function answerHandled(
    meetingId: string,
    requests: readonly CommandRequest[],
    answers: Map<CommandRequest, Answer>,
  ): Promise<CommandRequest[]> {
    if (requests.length === 0) return [];
    const handled = await store.commandResults(meetingId, requests.map(issuedCommand));
    return requests.filter((request) => {
      const key = issuedKey(issuedCommand(request));
      if (!handled.has(key)) return true;
      answers.set(request, handled.get(key) as Answer);
      return false;
    });
  }

  function committed(
    meetingId: string,
    loaded: LoadedMeeting,
    decided: Plan,
    outcomes: readonly CommitOutcome[],
    answers: Map<CommandRequest, Answer>,
  ): void {
    const written: StoredEvent[] = [];
    decided.accepted.forEach((request, index) => {
      const outcome = outcomes[index];
      if (!outcome) throw new Error('a group commit answered fewer commands than it was given');
      if (outcome.duplicate) {
        answers.set(request, outcome.result as Answer);
        return;
      }
      written.push(...outcome.events);
      const events = eventsOf(outcome.events);
      countLater(meetingId, votesToCount(events));
      if (trusteeMayStep(events)) trusteeDue.add(meetingId);
      for (const voteId of secretVotesOpened(events)) {
        if (decided.state.status !== 'none') sealing.prepareFor(meetingId, decided.state, voteId);
      }
      const tracker = decided.trackers.get(request);
      answers.set(request, { ok: true, version: outcome.version, ...(tracker ? { tracker } : {}) });
    });
    if (written.length === 0) return;
    if (outcomes.some((outcome) => outcome.duplicate)) {
      // The state decided here holds events that were not written: read it again when needed.
      cache.delete(meetingId);
    } else {
      remember(meetingId, {
        record: loaded.record,
        state: decided.state,
        version: decided.version,
      });
    }
    for (const listener of listeners) {
      try {
        listener(meetingId, written);
      } catch (error) {
        log.error({ err: error, meetingId }, 'a commit listener failed');
      }
    }
  }

  /**
   * A refused command may be the retry of one handled earlier, whose first answer stands; or it may
   * have been decided on a state another instance had already changed, and is decided once more.
   */
  async function refusals(
    meetingId: string,
    refused: Plan['refused'],
    answers: Map<CommandRequest, Answer>,
    recheck: boolean,
  ): Promise<void> {
    if (refused.length === 0) return;
    const open = await answerHandled(
      meetingId,
      refused.map(({ request }) => request),
      answers,
    );
    const held = cache.get(meetingId);
    if (recheck && held && open.length > 0) {
      const newer = await store.readEvents(meetingId, held.version);
      if (newer.length > 0) {
        remember(meetingId, {
          record: held.record,
          state: fold(eventsOf(newer), held.state),
          version: newer.at(-1)?.seq ?? held.version,
        });
        for (const [request, answer] of await settle(meetingId, open, false)) {
          answers.set(request, answer);
        }
        return;
      }
    }
    for (const { request, error } of refused) {
      if (!answers.has(request)) answers.set(request, { ok: false, error });
    }
  }

  /** What the votes due a count need from the service (see counting.ts), issued as SYSTEM; true if any was taken. */
  async function countDueVotes(meetingId: string): Promise<boolean> {
    let taken = false;
    const due = toCount.get(meetingId);
    if (!due) return taken;
    toCount.delete(meetingId);
    const loaded = await load(meetingId);
    if (!loaded || loaded.state.status === 'none') return taken;
    for (const voteId of due) {
      const vote = loaded.state.votes[voteId];
      if (!vote) continue;
      // The commands of this turn are committed: a count that cannot be made now must not fail
      // their answers. It is tried again after the meeting's next turn.
      const command = await countingCommand(sealing, boards, meetingId, loaded.state, vote).catch(
        (error: unknown) => {
          log.error({ err: error, meetingId, voteId: vote.id }, 'count failed');
          countLater(meetingId, [vote.id]);
          return undefined;
        },
      );
      if (!command) continue;
      const commandId = `${command.type === 'CountVote' ? 'count' : 'aggregate'}:${vote.id}`;
      const request = { meetingId, commandId, by: SYSTEM, command };
      const answer = (await settle(meetingId, [request])).get(request);
      if (answer && !answer.ok) {
        log.error({ meetingId, voteId: vote.id, code: answer.error.code }, 'count refused');
      }
      taken ||= answer?.ok === true;
    }
    return taken;
  }

  /** The service's own step as a trustee (see service-trustee.ts), issued as SYSTEM; true if taken. */
  async function trusteeStep(meetingId: string): Promise<boolean> {
    if (!trusteeDue.delete(meetingId)) return false;
    const loaded = await load(meetingId);
    if (!loaded || loaded.state.status === 'none') return false;
    const step = await trustee.next(meetingId, loaded.state).catch((error: unknown) => {
      log.error({ err: error, meetingId }, 'the service trustee’s step failed');
      // Tried again after the meeting's next turn, as a count that failed is.
      trusteeDue.add(meetingId);
      return undefined;
    });
    if (!step) return false;
    const request = { meetingId, commandId: step.commandId, by: SYSTEM, command: step.command };
    const answer = (await settle(meetingId, [request])).get(request);
    if (answer && !answer.ok) {
      log.error(
        { meetingId, step: step.command.type, code: answer.error.code },
        'trustee step refused',
      );
    }
    return answer?.ok === true;
  }

  /** A step of the service's leads to the next (a sum to its share, its share to the count). */
  async function serviceSteps(meetingId: string): Promise<void> {
    for (let round = 0; round < SERVICE_ROUNDS; round++) {
      const counted = await countDueVotes(meetingId);
      if (!(await trusteeStep(meetingId)) && !counted) return;
    }
  }

  /** Only a turn that moved a count or the ceremony (or a count owed since a restart) owes steps. */
  function stepsDue(meetingId: string): boolean {
    return toCount.has(meetingId) || trusteeDue.has(meetingId);
  }

  /**
   * By meeting, the steps a turn left to the next one, settled once that turn has taken them: a
   * read made after the command that closed a vote finds it added up, as one made when the turn
   * took its steps before answering did.
   */
  const owed = new Map<string, { readonly taken: Promise<void>; take(): void }>();

  function owe(meetingId: string): void {
    if (owed.has(meetingId)) return;
    let take = () => {};
    const taken = new Promise<void>((resolve) => {
      take = resolve;
    });
    owed.set(meetingId, { taken, take });
  }

  function stepsTaken(meetingId: string): void {
    owed.get(meetingId)?.take();
    owed.delete(meetingId);
  }

  /**
   * One turn of a meeting's queue: retries of one issued command share the first one's answer.
   * The service's steps that a turn makes due are taken in the next turn, woken for them, so that
   * the ballot that closes a vote is answered without waiting for the count of all the others;
   * steps owed go first in a turn, so that commands arriving without pause cannot put them off.
   */
  async function turn(meetingId: string, requests: readonly CommandRequest[]) {
    await sealing.ready();
    if (stepsDue(meetingId))
      await serviceSteps(meetingId).finally(() => {
        stepsTaken(meetingId);
      });
    const first = new Map<string, CommandRequest>();
    for (const request of requests) {
      const key = issuedKey(issuedCommand(request));
      if (!first.has(key)) first.set(key, request);
    }
    const answers = await settle(meetingId, [...first.values()]);
    // A turn with no command is the woken one: steps it could not take wait for the next command.
    if (requests.length > 0 && stepsDue(meetingId)) {
      owe(meetingId);
      queues.wake(meetingId);
    }
    return requests.map((request) => {
      const answer = answers.get(first.get(issuedKey(issuedCommand(request))) ?? request);
      if (!answer) throw new Error('a command was left unanswered');
      return answer;
    });
  }

  const queues = meetingQueues<CommandRequest, Answer>(
    turn,
    (meetingId) => checks.settled(meetingId),
    ({ command }, queuedAt, turnFrom, turnTo) => {
      stageTook(command.type, 'wait', queuedAt, turnFrom);
      stageTook(command.type, 'turn', turnFrom, turnTo);
    },
  );

  /**
   * The request as it may wait in the queue, or its refusal: a secret choice sealed and a proof
   * checked here, before the turn, so that one ballot's verification does not hold up the others'
   * commit. What is checked never changes once a vote opens (its key, what a proof binds).
   */
  async function sealedRequest(
    request: CommandRequest,
  ): Promise<{ ok: true; request: CommandRequest } | Extract<Answer, { ok: false }>> {
    const { type } = request.command;
    if (type !== 'CastBallot' && type !== 'DecryptTally') return { ok: true, request };
    await sealing.ready();
    const loaded = await load(request.meetingId);
    if (!loaded || loaded.state.status === 'none') return { ok: true, request };
    const { meetingId, by, command } = request;
    const meeting = loaded.state;
    const ticket = checks.begin(meetingId);
    const prepared = await timedStage(type, 'check', () =>
      sealing.prepareAhead(meetingId, meeting, by, command),
    ).finally(() => {
      checks.end(meetingId, ticket);
    });
    if (!prepared.ok) return prepared;
    const sealed = { ...request, command: prepared.command };
    if (prepared.settled) settled.add(sealed);
    return { ok: true, request: sealed };
  }

  /** Commands on their way to their meeting's queue, by meeting and issued command. */
  const inFlight = new Map<string, Promise<Answer>>();

  async function executeOnce(request: CommandRequest): Promise<Answer> {
    const unavailable = await trusteeRefusal(request);
    if (unavailable) return { ok: false, error: unavailable };
    const sealed = await sealedRequest(request);
    return sealed.ok ? queues.enqueue(request.meetingId, sealed.request) : sealed;
  }

  /** Naming tellers while the service, a trustee by the rules, has no key to seal its share. */
  async function trusteeRefusal(request: CommandRequest) {
    if (request.command.type !== 'NameTellers') return undefined;
    const loaded = await load(request.meetingId);
    return loaded && trustee.refusal(loaded.state, request.by, request.command);
  }

  return {
    /** The meeting as this instance holds it, read from the store when it may be out of date. */
    load: async (meetingId: string) => {
      await owed.get(meetingId)?.taken;
      return load(meetingId);
    },

    /**
     * The record of a counted secret vote as JSON, for `verify-tally`; undefined before it is
     * counted. Made once: a counted vote's record never changes.
     */
    async tallyRecord(loaded: LoadedMeeting, voteId: string): Promise<string | undefined> {
      const { state, record } = loaded;
      if (state.status === 'none') return undefined;
      const vote = state.votes[voteId];
      const result = vote?.result;
      if (!vote?.sealed?.evidence || !result) return undefined;
      return boards.record(record.id, voteId, async () =>
        tallyRecordOf(record.id, state, vote, await boards.board(voteId), result.tally),
      );
    },

    /**
     * Applies one command; answers with the meeting's new version or the refusal. A command sent
     * again while its first sending is still on its way (a ballot being sealed or checked, when
     * Teams or the tab retries) gets the first one's answer, not a refusal for being in flight.
     */
    async execute(request: CommandRequest): Promise<Answer> {
      const key = `${request.meetingId} ${issuedKey(issuedCommand(request))}`;
      const first = inFlight.get(key);
      if (first) return first;
      const answer = timedStage(request.command.type, 'total', () => executeOnce(request));
      inFlight.set(key, answer);
      try {
        return await answer;
      } finally {
        inFlight.delete(key);
      }
    },

    /**
     * The director creates a meeting. Its id derives from the tenant, the creator and the command
     * id, so a retried creation finds the meeting it made the first time.
     */
    async create(
      tenantId: string,
      request: Omit<CommandRequest, 'meetingId'>,
    ): Promise<Answer & { meetingId: string }> {
      const meetingId = meetingIdFor(tenantId, request.by, request.commandId);
      const trial = decide(initialState, {
        ...request.command,
        by: request.by,
        at: now().toISOString(),
        newId: meetingId,
      });
      if (!trial.ok) return { ...trial, meetingId };
      if (!(await store.findMeeting(meetingId)))
        await store.createMeeting({ id: meetingId, tenantId });
      const answer = await this.execute({ ...request, meetingId });
      return { ...answer, meetingId };
    },

    /** Gives the meetings written before summaries were kept their summary, folding each once. */
    async summarizeOlderMeetings(): Promise<void> {
      for (const meetingId of await store.meetingsWithoutSummary()) {
        const loaded = await load(meetingId);
        if (loaded && loaded.state.status !== 'none') {
          await store.keepSummary(meetingId, summaryOf(loaded.state));
        }
      }
    },

    /** Stops the threads that check ballots' proofs. */
    close: () => sealing.close(),

    /** Another instance wrote up to `seq`: what this one holds is read again before it is used. */
    invalidate(meetingId: string, seq: number): void {
      const cached = cache.get(meetingId);
      if (cached && cached.version < seq)
        behind.set(meetingId, Math.max(seq, behind.get(meetingId) ?? 0));
    },

    /** Everything held may be out of date (notifications were missed): read it all again. */
    invalidateAll(): void {
      cache.clear();
      behind.clear();
    },

    /** `listener` hears each group of events this instance commits; returns how to stop. */
    onCommit(listener: CommitListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
