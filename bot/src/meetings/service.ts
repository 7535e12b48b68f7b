import { createHash, randomUUID } from 'node:crypto';
import {
  decide,
  fold,
  initialState,
  SYSTEM,
  type DomainError,
  type Event,
  type MeetingState,
  type WireCommand,
} from '@council/shared';
import type { Logger } from '../log';
import {
  BallotAlreadyCast,
  VersionConflict,
  type MeetingStore,
  type Meeting as StoredMeeting,
  type StoredEvent,
} from '../store';
import { lanes } from './lanes';

export interface LoadedMeeting {
  readonly record: StoredMeeting;
  readonly state: MeetingState;
  readonly version: number;
}

export type Answer =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly error: DomainError };

export interface CommandRequest {
  readonly meetingId: string;
  /** Chosen by the caller: a retry with the same id is answered as the first time, never applied twice. */
  readonly commandId: string;
  readonly by: string;
  readonly command: WireCommand;
}

const MAX_ATTEMPTS = 8;

function meetingIdFor(tenantId: string, commandId: string): string {
  const hex = createHash('sha256').update(`${tenantId}:${commandId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function eventsOf(stored: readonly StoredEvent[]): Event[] {
  return stored.map((row) => row.data as Event);
}

function ballotBoxes(events: readonly Event[], state: MeetingState) {
  const open = events.flatMap((e) =>
    e.type === 'VoteOpened' && e.secret ? [{ voteId: e.voteId, choices: e.choices }] : [],
  );
  const close = events.flatMap((e) => {
    if (e.type !== 'VoteClosed') return [];
    const secret = state.status !== 'none' && state.votes[e.voteId]?.secret;
    return secret || open.some((o) => o.voteId === e.voteId) ? [e.voteId] : [];
  });
  return { open, close };
}

/**
 * The one command pipeline: every change, from a card or the tab, is decided by the domain on the
 * meeting's current state and appended atomically. Commands of one meeting take turns in a lane, so
 * a burst of ballots queues here instead of colliding on the log's version.
 */
export function createMeetingService(store: MeetingStore, log: Logger, now = () => new Date()) {
  const cache = new Map<string, LoadedMeeting>();
  const inLane = lanes();

  async function load(meetingId: string): Promise<LoadedMeeting | undefined> {
    const cached = cache.get(meetingId);
    if (cached) {
      const newer = await store.readEvents(meetingId, cached.version);
      if (newer.length === 0) return cached;
      const caughtUp = {
        record: cached.record,
        state: fold(eventsOf(newer), cached.state),
        version: newer.at(-1)?.seq ?? cached.version,
      };
      cache.set(meetingId, caughtUp);
      return caughtUp;
    }
    const record = await store.findMeeting(meetingId);
    if (!record) return undefined;
    const events = await store.readEvents(meetingId);
    const loaded = { record, state: fold(eventsOf(events)), version: events.at(-1)?.seq ?? 0 };
    cache.set(meetingId, loaded);
    return loaded;
  }

  async function attempt(request: CommandRequest, loaded: LoadedMeeting): Promise<Answer> {
    const decision = decide(loaded.state, {
      ...request.command,
      by: request.by,
      at: now().toISOString(),
      newId: request.command.type === 'CreateMeeting' ? request.meetingId : randomUUID(),
    });
    if (!decision.ok) {
      const earlier = await store.commandResult(request.meetingId, request.commandId);
      return earlier ? (earlier as Answer) : decision;
    }
    const version = loaded.version + decision.events.length;
    const outcome = await store.commit({
      meetingId: request.meetingId,
      commandId: request.commandId,
      expectedVersion: loaded.version,
      events: decision.events.map((event) => ({ type: event.type, data: event, at: event.at })),
      secretBallots: decision.secretBallot
        ? [
            {
              voteId: decision.secretBallot.voteId,
              memberId: decision.secretBallot.member,
              choice: decision.secretBallot.choice,
            },
          ]
        : [],
      ballotBoxes: ballotBoxes(decision.events, loaded.state),
      result: { ok: true, version },
    });
    if (outcome.duplicate) return outcome.result as Answer;
    cache.set(request.meetingId, {
      record: loaded.record,
      state: fold(decision.events, loaded.state),
      version: outcome.version,
    });
    return { ok: true, version: outcome.version };
  }

  /** A closed vote is counted at once: the ballot box's counters for a secret vote. */
  async function countClosedVotes(meetingId: string): Promise<void> {
    const loaded = await load(meetingId);
    if (!loaded || loaded.state.status === 'none') return;
    for (const vote of Object.values(loaded.state.votes)) {
      if (vote.status !== 'closed') continue;
      const tally = vote.secret ? await store.tally(vote.id) : undefined;
      const command: WireCommand = tally
        ? { type: 'CountVote', voteId: vote.id, tally }
        : { type: 'CountVote', voteId: vote.id };
      const answer = await run({ meetingId, commandId: `count:${vote.id}`, by: SYSTEM, command });
      if (!answer.ok)
        log.error({ meetingId, voteId: vote.id, code: answer.error.code }, 'count refused');
    }
  }

  async function run(request: CommandRequest): Promise<Answer> {
    for (let tries = 1; ; tries++) {
      const loaded = await load(request.meetingId);
      if (!loaded) return { ok: false, error: { code: 'MEETING_NOT_FOUND' } };
      try {
        return await attempt(request, loaded);
      } catch (error) {
        if (error instanceof BallotAlreadyCast) {
          return { ok: false, error: { code: 'ALREADY_VOTED' } };
        }
        if (!(error instanceof VersionConflict) || tries >= MAX_ATTEMPTS) throw error;
        cache.delete(request.meetingId);
      }
    }
  }

  return {
    load,

    /** Applies one command; answers with the meeting's new version or the refusal. */
    execute(request: CommandRequest): Promise<Answer> {
      return inLane(request.meetingId, async () => {
        const answer = await run(request);
        if (answer.ok) await countClosedVotes(request.meetingId);
        return answer;
      });
    },

    /**
     * The director creates a meeting. Its id derives from the tenant and the command id, so a
     * retried creation finds the meeting it made the first time.
     */
    async create(
      tenantId: string,
      request: Omit<CommandRequest, 'meetingId'>,
    ): Promise<Answer & { meetingId: string }> {
      const meetingId = meetingIdFor(tenantId, request.commandId);
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

    /** Forgets what this instance holds of a meeting that another instance changed. */
    invalidate(meetingId: string, seq: number): void {
      const cached = cache.get(meetingId);
      if (cached && cached.version < seq) cache.delete(meetingId);
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
