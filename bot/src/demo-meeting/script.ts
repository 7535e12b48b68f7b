import { randomUUID } from 'node:crypto';
import {
  SECRETARIAT_ROLE,
  type CouncilFile,
  type Meeting,
  type Vote,
  type WireCommand,
} from '@council/shared';
import type { Channels, CouncilApi, Person } from './client';

/** The service's clock during the demo: a few seconds per step, minutes where the council debates. */
export interface ScriptClock {
  advance(minutes: number): void;
  /** Moves on to this time, if it is still to come. */
  advanceTo(iso: string): void;
}

type Seat = CouncilFile['members'][number];

/**
 * Who is where in the sample sitting of the demo council (seats of `bot/fixtures/council-demo.json`):
 * seat 12 arrives during item 2, seat 30 leaves before item 4, two are excused and four absent.
 */
export const sampleCast = {
  lateArrival: 12,
  earlyDeparture: 30,
  excused: [46, 47],
  absent: [44, 45, 48, 49],
} as const;

/** How each political group votes on each question of the sample sitting. */
const groupVotes = {
  minutes: { 'Groupe Violet': 'abstain' },
  amendment: { 'Groupe Rouge': 'no', 'Groupe Bleu': 'no' },
  budget: { 'Groupe Bleu': 'no', 'Groupe Violet': 'abstain' },
  tax: { 'Groupe Orange': 'no', 'Groupe Violet': 'abstain' },
  postOffice: { 'Groupe Bleu': 'abstain' },
} as const satisfies Record<string, Record<string, string>>;

function byGroup(votes: Readonly<Record<string, string>>) {
  return (seat: Seat) => votes[seat.group ?? ''] ?? 'yes';
}

class Sitting {
  meetingId = '';
  private readonly seats: readonly Seat[];

  constructor(
    private readonly api: CouncilApi,
    private readonly council: CouncilFile,
    private readonly channels: Channels,
    private readonly clock: ScriptClock,
  ) {
    this.seats = [...council.members].sort((a, b) => (a.seat ?? 0) - (b.seat ?? 0));
  }

  get director(): Person {
    const { aadObjectId, name } = this.council.director;
    return { id: aadObjectId, name, roles: [SECRETARIAT_ROLE] };
  }

  seat(n: number): Person {
    const seat = this.seats.find((s) => s.seat === n);
    if (!seat) throw new Error(`no seat ${n} in the council file`);
    return { id: seat.aadObjectId, name: seat.name };
  }

  get chair(): Person {
    const chair = this.seats.find((s) => s.role === 'chair');
    if (!chair) throw new Error('the council file has no chair');
    return { id: chair.aadObjectId, name: chair.name };
  }

  seatOf(id: string): Seat {
    const seat = this.seats.find((s) => s.aadObjectId === id);
    if (!seat) throw new Error(`${id} has no seat`);
    return seat;
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

  /**
   * The chair opens a vote, each member entitled votes, the vote closes when all have voted, and the
   * director publishes the result. Every secret ballot is cast on the vote's card in the meeting
   * chat; in a named vote, every other member votes there and the others in the tab.
   */
  async vote(
    open: Extract<WireCommand, { type: 'OpenVote' }>,
    choose: (seat: Seat, index: number, vote: Vote) => string,
  ): Promise<void> {
    await this.do(this.chair, open);
    const opened = await this.meeting();
    const vote = opened.openVoteId ? opened.votes[opened.openVoteId] : undefined;
    if (!vote) throw new Error('the vote did not open');
    for (const [index, member] of vote.eligible.entries()) {
      const seat = this.seatOf(member);
      await this.do(
        { id: member, name: seat.name },
        { type: 'CastBallot', voteId: vote.id, choice: choose(seat, index, vote) },
        vote.secret || index % 2 === 0 ? 'chat' : 'tab',
      );
    }
    this.pause(1);
    await this.do(this.director, { type: 'PublishResult', voteId: vote.id });
    this.pause(1);
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

/**
 * A whole sitting of the demo council, through the service as the tab and the meeting chat drive
 * it (the roll call answered and ballots cast on the bot's cards): convocation, arrivals, opening
 * and roll call, debate with the speaking queue, a motion and its amendment, named votes (one
 * tied), a secret appointment, a closed-session item, the director publishing every result, and
 * the closing. Returns the meeting's id.
 */
export async function runSampleMeeting(
  api: CouncilApi,
  council: CouncilFile,
  channels: Channels,
  clock: ScriptClock,
): Promise<string> {
  const s = new Sitting(api, council, channels, clock);
  const absent = new Set<number>([...sampleCast.absent, ...sampleCast.excused]);
  await s.create();
  await channels.linkChat?.(s.director, s.meetingId);
  await s.do(s.director, { type: 'ConveneMeeting' });

  for (const member of council.members) {
    const seat = member.seat ?? 0;
    if (absent.has(seat) || seat === sampleCast.lateArrival) continue;
    await s.do(s.seat(seat), { type: 'CheckIn' });
  }
  for (const seat of sampleCast.excused) {
    await s.do(s.director, { type: 'ExcuseMember', member: s.seat(seat).id });
  }
  clock.advanceTo(council.meeting.scheduledStart);
  await s.do(s.chair, { type: 'OpenMeeting' });
  await s.do(s.chair, { type: 'OpenRollCall' });
  const gathered = await s.meeting();
  for (const member of gathered.setup.roster) {
    if (gathered.attendance[member.id]?.status !== 'present') continue;
    await s.do({ id: member.id, name: member.name }, { type: 'AnswerRollCall' }, 'chat');
  }
  await s.do(s.chair, { type: 'CloseRollCall' });
  s.pause(2);

  // 1. Approval of the minutes of the previous meeting: a named vote on the item itself.
  await s.do(s.chair, { type: 'NextItem' });
  s.pause(2);
  await s.vote({ type: 'OpenVote' }, byGroup(groupVotes.minutes));

  // 2. Budget amendment: a late arrival, a debate (a point of order goes first), a motion and an amendment.
  await s.do(s.chair, { type: 'NextItem' });
  await s.do(s.seat(sampleCast.lateArrival), { type: 'CheckIn' });
  await s.debate(
    [
      [s.seat(2), 'contribution'],
      [s.seat(3), 'contribution'],
      [s.seat(4), 'pointOfOrder'],
    ],
    { by: s.seat(6), duringSpeech: 2 },
  );
  const budget = await s.motionBy(
    s.seat(6),
    'Le conseil approuve la modification budgétaire n°2 de l’exercice 2026 telle que présentée par le collège.',
  );
  await s.do(s.seat(11), { type: 'SecondMotion', motionId: budget });
  const amendment = await s.motionBy(
    s.seat(3),
    'Le conseil approuve la modification budgétaire n°2 de l’exercice 2026, en affectant 50 000 € supplémentaires à l’isolation des écoles.',
    budget,
  );
  s.pause(4);
  await s.vote({ type: 'OpenVote', motionId: amendment }, byGroup(groupVotes.amendment));
  await s.vote({ type: 'OpenVote', motionId: budget }, byGroup(groupVotes.budget));

  // 3. Public works: a tie. The chair abstains; the others alternate for and against in seat order.
  await s.do(s.chair, { type: 'NextItem' });
  s.pause(6);
  await s.vote({ type: 'OpenVote' }, (seat, index) =>
    seat.role === 'chair' ? 'abstain' : index % 2 === 1 ? 'yes' : 'no',
  );

  // 4. Tax regulation: a member leaves before the vote.
  await s.do(s.chair, { type: 'NextItem' });
  await s.do(s.seat(sampleCast.earlyDeparture), { type: 'CheckOut' });
  s.pause(5);
  await s.vote({ type: 'OpenVote' }, byGroup(groupVotes.tax));

  // 5. A representative to the water company: a secret ballot between two councillors.
  await s.do(s.chair, { type: 'NextItem' });
  s.pause(3);
  await s.vote({ type: 'OpenVote' }, (seat, _index, vote) => {
    const [collard, maes, blank] = vote.choices;
    if (seat.group === 'Groupe Vert') return maes ?? '';
    if (seat.group === 'Groupe Bleu')
      return [2, 7].includes(seat.seat ?? 0) ? (blank ?? '') : (maes ?? '');
    return collard ?? '';
  });

  // 6. A motion tabled by the Green group.
  await s.do(s.chair, { type: 'NextItem' });
  const postOffice = await s.motionBy(
    s.seat(8),
    'Le conseil communal demande à bpost de maintenir le bureau de poste du quartier Nord.',
  );
  await s.do(s.seat(18), { type: 'SecondMotion', motionId: postOffice });
  s.pause(4);
  await s.vote({ type: 'OpenVote', motionId: postOffice }, byGroup(groupVotes.postOffice));

  // 7. Oral questions: the floor, no vote.
  await s.do(s.chair, { type: 'NextItem' });
  await s.debate([
    [s.seat(13), 'contribution'],
    [s.seat(9), 'contribution'],
  ]);

  // 8. Closed session: a permanent staff appointment, by secret ballot.
  await s.do(s.chair, { type: 'NextItem' });
  s.pause(2);
  await s.vote({ type: 'OpenVote' }, (_seat, index, vote) => {
    const [first, second, blank] = vote.choices;
    return (index < 30 ? first : index < 40 ? second : blank) ?? '';
  });

  s.pause(2);
  await s.do(s.chair, { type: 'CloseMeeting' });
  return s.meetingId;
}
