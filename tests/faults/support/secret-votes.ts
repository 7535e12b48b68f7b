/**
 * Secret votes held through the service as a sitting holds them, for the tests that then read what
 * the service left behind: tellers named, members choosing at random, half sealing their ballot in
 * their tab and half sending their choice in clear as the bot's card does, the trustees' shares
 * counting each vote.
 */
import type { Meeting, WireCommand } from '@council/shared';
import { largeCouncil, secretItemNumber } from '../../../bench/lib/council';
import { httpClient, inPool, type HttpClient } from '../../../bench/lib/http';
import type { ServiceProcess } from '../../../bench/lib/processes';
import { command, must, openSession, type Session } from '../../../bench/lib/session';
import { nameTellers, sealingKey } from '../../../bench/lib/tellers';
import { loadBoth } from '../../shared/sealed/support';
import type { SecretVoteTruth } from './secrecy-scan';

/** The appointment whose candidates are not members: a choice id is never a member's id. */
const APPOINTMENT_ITEM = 8;

/** A small seeded generator (mulberry32), so that a failing run can be replayed with its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface Sitting {
  readonly meetingId: string;
  readonly truths: readonly SecretVoteTruth[];
  /** What the trustees' shares gave, by vote: the totals the log holds. */
  readonly totals: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

async function meetingAs(client: HttpClient, session: Session, who: 'chair' | 'director') {
  const reply = await must(
    client.get(`/api/meetings/${session.meetingId}`, session[who].headers),
    'read the meeting',
  );
  return (reply.body as { meeting: Meeting }).meeting;
}

/**
 * A sitting of 49 members with tellers; `votes` secret votes on the appointment, each member
 * choosing at random (a few not voting), half sealing their ballot in their tab and half sending
 * their choice in clear, as the bot's card does; the trustees release their shares and the service
 * counts.
 */
export async function holdSecretVotes(
  service: ServiceProcess,
  seed: number,
  votes: number,
): Promise<Sitting> {
  const { sealed } = await loadBoth();
  const random = generator(seed);
  const client = httpClient(service.url, 16);
  const session = await openSession(client, largeCouncil(49), { concurrency: 16 });
  const tellers = await nameTellers(client, session, service.url);
  const send = (member: (typeof session.members)[number], body: WireCommand) =>
    must(command(client, member, session.meetingId, body), body.type);
  try {
    for (let item = secretItemNumber; item < APPOINTMENT_ITEM; item++) {
      await send(session.chair, { type: 'NextItem' });
    }
    const truths: SecretVoteTruth[] = [];
    const totals = new Map<string, Record<string, number>>();
    for (let round = 0; round < votes; round++) {
      await send(session.chair, { type: 'OpenVote' });
      const opened = await meetingAs(client, session, 'chair');
      const vote = opened.votes[opened.openVoteId ?? ''];
      if (!vote?.secret) throw new Error('no secret vote is open');
      const key = sealingKey(sealed, opened, vote.id);
      const context = { meetingId: session.meetingId, voteId: vote.id };
      // Drawn before any is sent, so that a seed replays the same ballots whatever the timing.
      const planned = session.members
        .filter(() => random() > 0.1)
        .map((member) => ({
          member,
          index: Math.floor(random() * vote.choices.length),
          inTab: random() < 0.5,
        }));
      const ballots = new Map(planned.map((p) => [p.member.id, vote.choices[p.index] ?? '']));
      // The first vote's ballots arrive together (the service commits them in groups), the
      // second's one by one: each in a transaction of its own, the closest link a reader can get.
      await inPool(planned, round === 0 ? 16 : 1, ({ member, index, inTab }) =>
        send(member, {
          type: 'CastBallot',
          voteId: vote.id,
          ...(inTab
            ? { ballot: sealed.encryptBallot(key, context, index, vote.choices.length) }
            : { choice: vote.choices[index] ?? '' }),
        }),
      );
      truths.push({ voteId: vote.id, choices: vote.choices, ballots });
      // A vote closes by itself once every entitled member has voted.
      if ((await meetingAs(client, session, 'chair')).votes[vote.id]?.status === 'open') {
        await send(session.chair, { type: 'CloseVote', voteId: vote.id });
      }
      await tellers.counted(vote.id);
      const counted = (await meetingAs(client, session, 'director')).votes[vote.id];
      totals.set(vote.id, { ...counted?.result?.tally });
    }
    return { meetingId: session.meetingId, truths, totals };
  } finally {
    await tellers.stop();
    client.close();
  }
}
