import { randomUUID } from 'node:crypto';
import {
  councilDocuments,
  SECRETARIAT_ROLE,
  type CouncilFile,
  type Language,
  type Meeting,
  type Vote,
  type WireCommand,
} from '@council/shared';
import type { Channels, CouncilApi, Person } from './client';
import { startTellers, type Tellers } from './tellers';

/** The service's clock during the demo: a few seconds per step, minutes where the council debates. */
export interface ScriptClock {
  advance(minutes: number): void;
  /** Moves on to this time, if it is still to come. */
  advanceTo(iso: string): void;
}

export type Seat = CouncilFile['members'][number];

/** How a member votes, seeing the vote's choices (a candidate's id in an appointment). */
export type Choose = (seat: Seat, index: number, vote: Vote) => string;

type OpenVote = Extract<WireCommand, { type: 'OpenVote' }>;

/**
 * The demo council in session, through the service as the tab and the meeting chat drive it: each
 * method is a step a person takes, in the tab or on a card of the meeting chat.
 */
export class Sitting {
  meetingId = '';
  private readonly seats: readonly Seat[];
  private tellers: Tellers | undefined;

  constructor(
    private readonly api: CouncilApi,
    private readonly council: CouncilFile,
    private readonly channels: Channels,
    private readonly clock: ScriptClock,
  ) {
    this.seats = [...council.members].sort((a, b) => (a.seat ?? 0) - (b.seat ?? 0));
  }

  get language(): Language {
    return this.council.municipality.language;
  }

  get director(): Person {
    const { aadObjectId, name } = this.council.director;
    return { id: aadObjectId, name, roles: [SECRETARIAT_ROLE] };
  }

  get chair(): Person {
    const chair = this.seats.find((s) => s.role === 'chair');
    if (!chair) throw new Error('the council file has no chair');
    return { id: chair.aadObjectId, name: chair.name };
  }

  seat(n: number): Person {
    const seat = this.seats.find((s) => s.seat === n);
    if (!seat) throw new Error(`no seat ${n} in the council file`);
    return { id: seat.aadObjectId, name: seat.name };
  }

  seatOf(id: string): Seat {
    const seat = this.seats.find((s) => s.aadObjectId === id);
    if (!seat) throw new Error(`${id} has no seat`);
    return seat;
  }

  /** The members of these political groups, in seat order. */
  groups(names: readonly string[]): Person[] {
    return this.seats
      .filter((s) => names.includes(s.group ?? ''))
      .map((s) => ({ id: s.aadObjectId, name: s.name }));
  }

  async create(): Promise<void> {
    const created = await this.api.json<{ meetingId: string }>(
      this.director,
      'POST',
      '/api/meetings',
      { commandId: randomUUID(), council: this.council },
    );
    this.meetingId = created.meetingId;
  }

  /** The director attaches each item's file in the tab: its draft decision, its annexes. */
  async attachDocuments(): Promise<void> {
    for (const { itemId, title, url } of councilDocuments(this.council)) {
      await this.do(this.director, { type: 'AttachDocument', itemId, title, url });
    }
  }

  /** A step in the tab, or with `chat` on a card of the meeting chat. */
  async do(person: Person, command: WireCommand, via: 'tab' | 'chat' = 'tab'): Promise<void> {
    await this.channels[via].send(person, this.meetingId, command);
  }

  meeting(): Promise<Meeting> {
    return this.api.meeting(this.chair, this.meetingId);
  }

  pause(minutes: number): void {
    this.clock.advance(minutes);
  }

  nextItem(): Promise<void> {
    return this.do(this.chair, { type: 'NextItem' });
  }

  /** Those of them present leave the sitting, one after the other; returns who left. */
  async checkOut(people: readonly Person[]): Promise<Person[]> {
    const { attendance } = await this.meeting();
    const leaving = people.filter((p) => attendance[p.id]?.status === 'present');
    for (const person of leaving) await this.do(person, { type: 'CheckOut' });
    return leaving;
  }

  /** They join the sitting, or come back to it, one after the other. */
  async checkIn(people: readonly Person[]): Promise<void> {
    for (const person of people) await this.do(person, { type: 'CheckIn' });
  }

  async motionBy(person: Person, text: string, amends?: string): Promise<string> {
    await this.do(
      person,
      amends
        ? { type: 'ProposeAmendment', motionId: amends, text }
        : { type: 'ProposeMotion', text },
    );
    const motion = Object.values((await this.meeting()).motions).find(
      (m) => m.member === person.id && m.text === text,
    );
    if (!motion) throw new Error(`the motion of ${person.name} was not recorded`);
    return motion.id;
  }

  /** The chair opens a vote, in the tab or (a second round) on the result's card in the chat. */
  async openVote(open: OpenVote, via: 'tab' | 'chat' = 'tab'): Promise<Vote> {
    await this.do(this.chair, open, via);
    const opened = await this.meeting();
    const vote = opened.openVoteId ? opened.votes[opened.openVoteId] : undefined;
    if (!vote) throw new Error('the vote did not open');
    return vote;
  }

  /**
   * The members entitled vote, those `who` picks (all by default). Every secret ballot is cast on
   * the vote's card in the meeting chat; in a named vote, every other member votes there and the
   * others in the tab.
   */
  async cast(vote: Vote, choose: Choose, who: (seat: Seat) => boolean = () => true) {
    for (const [index, member] of vote.eligible.entries()) {
      const seat = this.seatOf(member);
      if (!who(seat)) continue;
      await this.do(
        { id: member, name: seat.name },
        { type: 'CastBallot', voteId: vote.id, choice: choose(seat, index, vote) },
        vote.secret || index % 2 === 0 ? 'chat' : 'tab',
      );
    }
  }

  /**
   * The chair names the tellers in the tab; the trustees' tabs (the director's and the tellers')
   * run the key ceremony, and stay open to count each secret ballot box from their shares.
   */
  async nameTellers(tellers: readonly Person[]): Promise<void> {
    await this.do(this.chair, { type: 'NameTellers', tellers: tellers.map((p) => p.id) });
    this.tellers = await startTellers(this.api, this.meetingId, [this.director, ...tellers]);
    await this.tellers.ready();
  }

  /** The director publishes the result the service counted (a secret ballot: once the trustees have). */
  async publish(vote: Vote): Promise<void> {
    if (vote.secret) {
      if (!this.tellers) throw new Error('a secret ballot box needs tellers to count it');
      await this.tellers.counted(vote.id);
    }
    this.pause(1);
    await this.do(this.director, { type: 'PublishResult', voteId: vote.id });
    this.pause(1);
  }

  /** A vote from its opening to its published result, closed when every member entitled has voted. */
  async vote(open: OpenVote, choose: Choose): Promise<Vote> {
    const vote = await this.openVote(open);
    await this.cast(vote, choose);
    await this.publish(vote);
    return vote;
  }

  /** The chair presses "second round" on the published result of a tied appointment, in the chat. */
  async secondRound(tied: Vote, choose: Choose): Promise<Vote> {
    this.pause(2);
    const runoff = await this.openVote({ type: 'OpenVote', runoffOf: tied.id }, 'chat');
    await this.cast(runoff, choose);
    await this.publish(runoff);
    return runoff;
  }

  /** The chair closes the sitting; the trustees close their tabs. */
  async close(): Promise<void> {
    await this.do(this.chair, { type: 'CloseMeeting' });
    await this.tellers?.stop();
  }

  /** The chair closes an open vote on its card in the chat: a real chair's "close the vote". */
  async closeVote(vote: Vote): Promise<void> {
    await this.do(this.chair, { type: 'CloseVote', voteId: vote.id }, 'chat');
  }

  /** Members ask for the floor and the chair gives it in the queue's order; a reply answers a speech. */
  async debate(
    requests: readonly [Person, 'contribution' | 'pointOfOrder'][],
    reply?: { readonly by: Person; readonly duringSpeech: number },
  ) {
    for (const [person, kind] of requests) {
      await this.do(person, { type: 'RequestFloor', kind });
    }
    const speeches = requests.length + (reply ? 1 : 0);
    for (let speech = 1; speech <= speeches; speech++) {
      await this.do(this.chair, { type: 'GiveFloor' });
      if (reply?.duringSpeech === speech) {
        await this.do(reply.by, { type: 'RequestFloor', kind: 'reply' });
      }
      this.pause(3);
      await this.do(this.chair, { type: 'EndSpeech' });
    }
  }
}
