import type { Meeting } from '../../../shared/src';
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
