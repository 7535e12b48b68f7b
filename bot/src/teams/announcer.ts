import { randomUUID } from 'node:crypto';
import { directorsOf, sealingCeremony, signatoriesOf, type Event } from '@council/shared';
import type { ConversationReference } from 'botbuilder';
import type { Logger } from '../log';
import { meetingQueues } from '../meetings/queues';
import type { LoadedMeeting, MeetingService } from '../meetings/service';
import type { MeetingStore } from '../store';
import type { CardRef } from './cards';
import type { ConvocationDesk } from './convocation-delivery';
import { debouncer } from './debounce';
import type { BotMemory } from './memory';
import type { Messenger } from './messenger';
import { languageOf } from './member-language';
import type { MinutesDesk } from './minutes-delivery';
import { personalChat } from './personal-chat';
import { pauseNotice } from './suspension';
import type { CardViews } from './views';

type Reference = Partial<ConversationReference>;

export interface AnnouncerDeps {
  readonly store: MeetingStore;
  readonly meetings: MeetingService;
  readonly log: Logger;
  readonly memory: BotMemory;
  readonly messenger: Messenger;
  readonly views: CardViews;
  /** Sends the director the minutes when the meeting closes. */
  readonly minutes: MinutesDesk;
  /** Sends each member their convocation, its supplements and resendings, in their 1:1 chat. */
  readonly convocations: ConvocationDesk;
  /** At most one update of a card in this interval (2 s in Teams). */
  readonly intervalMs: number;
  /** How long a meeting's leader may go silent before another instance follows it instead. */
  readonly leaseMs?: number;
}

const LEASE_MS = 30_000;

/** The HTTP status of a failed connector call, for the log: 403 and 404 are expected outside Teams. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Follows every linked meeting's log, whoever changed it (a card, the tab, another instance), and
 * keeps its chat in step: a card when something opens, an update when it changes, the result to
 * the director in private when a vote is counted, and to the chat once published. With several
 * instances on one database, the one holding the meeting's lease does it, from the shared cursor;
 * if it stops, another takes over once the lease runs out.
 */
export function createAnnouncer(deps: AnnouncerDeps) {
  const { store, meetings, log, memory, messenger, views } = deps;
  /** This instance, among those of the service that share the database. */
  const instance = randomUUID();
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  const led = new Set<string>();
  const updates = debouncer(deps.intervalMs, (error: unknown) => {
    log.warn({ err: error, status: statusOf(error) }, 'card update failed');
  });
  const following = new Set<Promise<void>>();
  /** The item each meeting discussed last, so that its card says the council moved on. */
  const currentItems = new Map<string, string>();

  /** A card in someone's 1:1 chat (a signatory's, the director's) reads in their own language. */
  const languageFor = (loaded: LoadedMeeting, viewer: string | null) =>
    loaded.state.status === 'none' ? 'en' : languageOf(loaded.state, viewer);

  async function post(
    loaded: LoadedMeeting,
    card: CardRef,
    chatKey: string,
    chat: Reference,
    viewer: string | null = null,
  ): Promise<void> {
    const meetingId = loaded.record.id;
    const reader = viewer ?? undefined;
    if (!(await memory.claimCard(meetingId, card, chatKey, reader))) return;
    try {
      const drawn = await views.draw(loaded, card, {
        member: viewer,
        language: languageFor(loaded, viewer),
      });
      const activityId = await messenger.post(chat, drawn);
      await memory.rememberCard(meetingId, card, { chat: chatKey, activityId }, reader);
    } catch (error) {
      await memory.forgetCard(meetingId, card, reader);
      log.warn(
        { err: error, meetingId, card: card.kind, status: statusOf(error) },
        'card not posted',
      );
    }
  }

  function refresh(meetingId: string, card: CardRef, viewer: string | null = null): void {
    const reader = viewer ?? undefined;
    const drawing = `${card.kind}:${card.id}:${viewer ?? ''}`;
    updates.schedule(`${meetingId}:${drawing}`, async () => {
      const posted = await memory.postedCard(meetingId, card, reader);
      const activityId = posted?.activityId;
      if (!activityId) return;
      const [chat, loaded] = await Promise.all([
        memory.chat(posted.chat),
        meetings.load(meetingId),
      ]);
      if (!chat || !loaded) return;
      const drawn = await views.draw(loaded, card, {
        member: viewer,
        language: languageFor(loaded, viewer),
      });
      // Another instance may have sent this version, or a later one: Teams gets each version once.
      // Drawn before the claim: on PostgreSQL the claim holds a connection until Teams answers.
      await store.chatDeliveries.sendCard(meetingId, drawing, loaded.version, () =>
        messenger.update(chat, activityId, drawn),
      );
    });
  }

  /** The trustees of the ceremony that sealed a vote; none for a named vote. */
  function sealedBy(loaded: LoadedMeeting, voteId: string) {
    const meeting = loaded.state.status === 'none' ? undefined : loaded.state;
    const vote = meeting?.votes[voteId];
    return (meeting && vote && sealingCeremony(meeting, vote)?.trustees) ?? [];
  }

  function directors(loaded: LoadedMeeting): string[] {
    if (loaded.state.status === 'none') return [];
    return directorsOf(loaded.state.setup.roster).map((m) => m.id);
  }

  /** A card in each one's 1:1 chat, once each: the director's result, a trustee's duty. */
  async function inPrivate(
    loaded: LoadedMeeting,
    chat: Reference,
    card: CardRef,
    people: readonly string[],
  ) {
    for (const person of people) {
      try {
        const { tenantId } = loaded.record;
        const personal = await personalChat(memory, messenger, tenantId, chat, person);
        await post(loaded, card, personal.key, personal.chat, person);
      } catch (error) {
        log.warn(
          { err: error, meetingId: loaded.record.id, card: card.kind, status: statusOf(error) },
          'no personal chat: the card waits in the tab',
        );
      }
    }
  }

  const toDirectors = (loaded: LoadedMeeting, chat: Reference, voteId: string) =>
    inPrivate(loaded, chat, { kind: 'directorResult', id: voteId }, directors(loaded));

  /** Who signs the minutes, as the profile names them (CDLD L1132-3; DLB art. 32). */
  const signatories = (loaded: LoadedMeeting): string[] =>
    loaded.state.status === 'none' ? [] : signatoriesOf(loaded.state).map((m) => m.id);

  /** Each trustee who is a person of the roster (the service may be one too) is told their duty. */
  function trusteesOf(loaded: LoadedMeeting, trustees: readonly { member: string }[]): string[] {
    if (loaded.state.status === 'none') return [];
    const roster = loaded.state.setup.roster;
    return trustees.map((t) => t.member).filter((id) => roster.some((m) => m.id === id));
  }

  /** A targeted notice in the meeting when a vote opens; outside a Teams meeting there is none. */
  async function notifyVote(loaded: LoadedMeeting, chat: Reference, voteId: string) {
    const { record, state } = loaded;
    const vote = state.status === 'none' ? undefined : state.votes[voteId];
    // The loaded record may predate the link: the store has the Teams meeting it is linked to.
    const teamsMeetingId = (await store.findMeeting(record.id))?.teamsMeetingId;
    if (!vote || !teamsMeetingId || teamsMeetingId.startsWith('chat:')) {
      log.info({ meetingId: record.id }, 'no Teams meeting: vote notification skipped');
      return;
    }
    if (!(await memory.once(`notify:${record.id}:${voteId}`))) return;
    const ids = await memory.people(record.tenantId);
    const recipients = vote.eligible.flatMap((m) => (ids[m] ? [ids[m]] : []));
    if (recipients.length === 0) return;
    try {
      await messenger.notifyMeeting(chat, teamsMeetingId, recipients);
    } catch (error) {
      // 403 (no consent for the RSC permission) or 404 (no meeting API here): carry on without.
      log.info({ meetingId: record.id, status: statusOf(error) }, 'meeting notification not sent');
    }
  }

  async function react(loaded: LoadedMeeting, chat: Reference, event: Event): Promise<void> {
    const meetingId = loaded.record.id;
    const chatKey = memory.meetingChatKey(meetingId);
    const welcome: CardRef = { kind: 'welcome', id: meetingId };
    const motionCards = (motionId: string | null) => {
      if (!motionId || loaded.state.status === 'none') return;
      refresh(meetingId, { kind: 'motion', id: motionId });
      const amends = loaded.state.motions[motionId]?.amends;
      if (amends) refresh(meetingId, { kind: 'motion', id: amends });
    };
    switch (event.type) {
      case 'MeetingConvened':
        refresh(meetingId, welcome);
        if (event.convocation) await deps.convocations.toAll(loaded, chat, 1);
        return;
      case 'AgendaSupplemented':
        refresh(meetingId, welcome);
        await deps.convocations.toAll(loaded, chat, event.sending);
        return;
      case 'ConvocationResent':
        await deps.convocations.toOne(loaded, chat, event.sending, event.member);
        return;
      case 'ConvocationAcknowledged':
        await deps.convocations.acknowledged(loaded, event.member);
        return;
      case 'MeetingOpened':
        refresh(meetingId, welcome);
        return;
      case 'MeetingClosed':
        refresh(meetingId, welcome);
        await deps.minutes.toDirectors(loaded, chat);
        return;
      case 'ItemTakenUp': {
        refresh(meetingId, welcome);
        const previous = currentItems.get(meetingId);
        if (previous) refresh(meetingId, { kind: 'item', id: previous });
        currentItems.set(meetingId, event.itemId);
        await post(loaded, { kind: 'item', id: event.itemId }, chatKey, chat);
        refresh(meetingId, { kind: 'item', id: event.itemId });
        return;
      }
      case 'RollCallOpened':
        refresh(meetingId, welcome);
        await post(loaded, { kind: 'rollCall', id: event.rollCallId }, chatKey, chat);
        return;
      // An open roll call's card counts who is present; the chair's view names who is in the call.
      case 'RollCallAnswered':
      case 'MemberCheckedIn':
      case 'MemberCheckedOut':
      case 'MemberExcused':
      case 'CallJoined':
      case 'CallLeft':
        if (loaded.state.status !== 'none' && loaded.state.rollCall.status === 'open') {
          refresh(meetingId, { kind: 'rollCall', id: loaded.state.rollCall.id });
        }
        // The open vote's card says at once when a departure loses the quorum, or a return regains it.
        if (loaded.state.status !== 'none' && loaded.state.openVoteId) {
          refresh(meetingId, { kind: 'vote', id: loaded.state.openVoteId });
        }
        return;
      case 'RollCallClosed':
        refresh(meetingId, { kind: 'rollCall', id: event.rollCallId });
        refresh(meetingId, welcome);
        return;
      case 'MotionProposed':
        await post(loaded, { kind: 'motion', id: event.motionId }, chatKey, chat);
        motionCards(event.amends);
        return;
      case 'MotionSeconded':
      case 'MotionWithdrawn':
        motionCards(event.motionId);
        return;
      case 'VoteOpened':
        await post(loaded, { kind: 'vote', id: event.voteId }, chatKey, chat);
        motionCards(event.motionId);
        refresh(meetingId, { kind: 'item', id: event.itemId });
        await notifyVote(loaded, chat, event.voteId);
        return;
      case 'BallotCast':
      case 'BallotChanged':
      case 'BallotRecorded':
        refresh(meetingId, { kind: 'vote', id: event.voteId });
        return;
      case 'VoteClosed':
        refresh(meetingId, { kind: 'vote', id: event.voteId });
        return;
      case 'VoteCounted':
        await toDirectors(loaded, chat, event.voteId);
        for (const member of trusteesOf(loaded, sealedBy(loaded, event.voteId))) {
          refresh(meetingId, { kind: 'tallyShare', id: event.voteId }, member);
        }
        return;
      case 'TellersNamed': {
        const card: CardRef = { kind: 'keyCeremony', id: String(event.ceremony) };
        await inPrivate(loaded, chat, card, trusteesOf(loaded, event.trustees));
        return;
      }
      case 'BallotsAggregated': {
        const trustees = sealedBy(loaded, event.voteId);
        const card: CardRef = { kind: 'tallyShare', id: event.voteId };
        await inPrivate(loaded, chat, card, trusteesOf(loaded, trustees));
        return;
      }
      case 'ResultPublished': {
        const vote = loaded.state.status === 'none' ? undefined : loaded.state.votes[event.voteId];
        await post(loaded, { kind: 'result', id: event.voteId }, chatKey, chat);
        refresh(meetingId, { kind: 'vote', id: event.voteId });
        if (vote) {
          motionCards(vote.motionId);
          refresh(meetingId, { kind: 'item', id: vote.itemId });
        }
        for (const director of directors(loaded)) {
          refresh(meetingId, { kind: 'directorResult', id: event.voteId }, director);
        }
        return;
      }
      case 'ItemWithdrawn':
      case 'ItemPostponed':
      case 'SessionClosed':
        refresh(meetingId, welcome);
        refresh(meetingId, { kind: 'item', id: event.itemId });
        return;
      case 'UrgentItemAdded':
        refresh(meetingId, welcome);
        return;
      // The signatories approve the minutes from this card, each in their own view: in the
      // meeting chat, and in their 1:1 chat with the bot, where they are after the sitting.
      case 'MinutesSubmitted': {
        const card: CardRef = { kind: 'minutes', id: meetingId };
        await post(loaded, card, chatKey, chat);
        refresh(meetingId, card);
        await inPrivate(loaded, chat, card, signatories(loaded));
        return;
      }
      case 'MinutesApproved':
      case 'MinutesSealed':
        refresh(meetingId, { kind: 'minutes', id: meetingId });
        for (const signatory of signatories(loaded)) {
          refresh(meetingId, { kind: 'minutes', id: meetingId }, signatory);
        }
        return;
      case 'SittingSuspended':
      case 'SittingResumed':
        refresh(meetingId, welcome);
        try {
          await messenger.send(chat, {
            type: 'message',
            text: pauseNotice(event, languageFor(loaded, null)),
          });
        } catch (error) {
          log.warn({ err: error, meetingId, status: statusOf(error) }, 'suspension not announced');
        }
        return;
      default:
        return;
    }
  }

  /**
   * One turn at a time per meeting: the commits heard while the bot answers earlier ones wait, and
   * the next turn reads them together (a burst of ballots is a few reads, not one per commit).
   */
  const catchingUp = meetingQueues<number, undefined>(async (meetingId, seqs) => {
    await catchUp(meetingId, Math.min(...seqs), Math.max(...seqs));
    return seqs.map(() => undefined);
  });

  function follow(meetingId: string, seq: number): Promise<undefined> {
    return catchingUp.enqueue(meetingId, seq);
  }

  async function catchUp(meetingId: string, first: number, last: number): Promise<void> {
    const chat = await memory.meetingChat(meetingId);
    if (!chat) return;
    // Every instance hears every commit; one of them, the meeting's leader, speaks in its chat.
    if (!(await memory.leads(meetingId, instance, leaseMs))) return;
    led.add(meetingId);
    const cursor = (await memory.cursor(meetingId)) ?? first - 1;
    if (last <= cursor) return;
    const rows = await store.readEvents(meetingId, cursor);
    const newest = rows.at(-1);
    if (!newest) return;
    // Another instance's commit may reach this listener before the one that refreshes the cache.
    meetings.invalidate(meetingId, newest.seq);
    const loaded = await meetings.load(meetingId);
    if (!loaded) return;
    // A leader whose lease ran out while it spoke may still be reading the same events: each
    // is announced by the one instance that claims it.
    const claimed = new Set(
      await store.chatDeliveries.claimEvents(
        meetingId,
        rows.map((row) => row.seq),
      ),
    );
    for (const row of rows) {
      if (claimed.has(row.seq)) await react(loaded, chat, row.data as Event);
    }
    await memory.setCursor(meetingId, newest.seq);
  }

  return {
    /** Listens to every commit of every meeting; returns the function that stops. */
    async start(): Promise<() => Promise<void>> {
      const unsubscribe = await store.subscribe((meetingId, seq) => {
        const run = follow(meetingId, seq).catch((error: unknown) => {
          log.error({ err: error, meetingId }, 'the bot could not follow a meeting');
        });
        following.add(run);
        void run.finally(() => following.delete(run));
      });
      return async () => {
        await unsubscribe();
        await Promise.all(following);
        await updates.stop();
        await Promise.all([...led].map((meetingId) => memory.stopLeading(meetingId)));
      };
    },

    /** A chat just linked: the meeting's card, once, and its log followed from now on. */
    async linked(loaded: LoadedMeeting, chat: Reference): Promise<void> {
      const meetingId = loaded.record.id;
      if ((await memory.cursor(meetingId)) === undefined) {
        await memory.setCursor(meetingId, loaded.version);
      }
      await post(
        loaded,
        { kind: 'welcome', id: meetingId },
        memory.meetingChatKey(meetingId),
        chat,
      );
    },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;
