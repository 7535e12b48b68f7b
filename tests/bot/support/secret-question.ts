import type { Sealed, SealedBallot } from '@council/shared/sealed';
import { sealingCeremony, type Meeting } from '../../../shared/src';
import type { DemoMeeting } from './meeting';
import type { Person } from './service';

/** The meeting as `person` (the director by default) reads it. */
export const readMeeting = async (sitting: DemoMeeting, person: Person = sitting.director) =>
  (await person.get(`/api/meetings/${sitting.meetingId}`)).body.meeting as Meeting;

/** The meeting once `done` holds of it, read again every 25 ms for at most 15 s. */
export async function eventually(sitting: DemoMeeting, done: (meeting: Meeting) => boolean) {
  const until = Date.now() + 15_000;
  for (;;) {
    const meeting = await readMeeting(sitting);
    if (done(meeting)) return meeting;
    if (Date.now() > until) throw new Error('the meeting never got there');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The chair opens a secret vote on the current item; its id. */
export async function openSecretQuestion(sitting: DemoMeeting): Promise<string> {
  const opened = await sitting.chair.command(sitting.meetingId, { type: 'OpenVote', secret: true });
  expect(opened.status).toBe(200);
  return (await readMeeting(sitting)).openVoteId ?? '';
}

/** The nine members present vote on a secret question, six for and three against: it closes. */
export async function secretQuestion(sitting: DemoMeeting): Promise<string> {
  const voteId = await openSecretQuestion(sitting);
  for (const [i, member] of sitting.members.slice(0, 9).entries()) {
    const cast = { type: 'CastBallot', voteId, choice: i < 6 ? 'yes' : 'no' };
    expect((await member.command(sitting.meetingId, cast)).status).toBe(200);
  }
  return voteId;
}

/** A ballot for each of `choices` (an index among the vote's three), sealed as a member's tab seals it. */
export async function sealedBallots(
  sealed: Sealed,
  sitting: DemoMeeting,
  voteId: string,
  choices: readonly number[],
): Promise<SealedBallot[]> {
  const meeting = await readMeeting(sitting);
  const vote = meeting.votes[voteId];
  const ceremony = vote && sealingCeremony(meeting, vote);
  if (!ceremony) throw new Error('the vote has no sealed box');
  const key = sealed.sittingKey(
    ceremony.trustees,
    ceremony.committed,
    ceremony.threshold,
  ).publicKey;
  const context = { meetingId: sitting.meetingId, voteId };
  return choices.map((choice) => sealed.encryptBallot(key, context, choice, 3));
}
