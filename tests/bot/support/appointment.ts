import type { Person } from './service';

export interface VoteSnapshot {
  readonly choices: string[];
  readonly runoffOf: string | null;
}

/** The votes of a meeting as the director sees them. */
export async function votesOf(
  director: Person,
  meetingId: string,
): Promise<Record<string, VoteSnapshot>> {
  const snapshot = await director.get(`/api/meetings/${meetingId}`);
  return (snapshot.body.meeting as { votes: Record<string, VoteSnapshot> }).votes;
}

/**
 * The first thirty members split their ballots between the vote's first two choices, which closes
 * it; once the service has counted it, the director publishes the tie.
 */
export async function tieAndPublish(
  meetingId: string,
  director: Person,
  members: readonly Person[],
  voteId: string,
): Promise<void> {
  const [first, second] = (await votesOf(director, meetingId))[voteId]?.choices ?? [];
  await Promise.all(
    members.slice(0, 30).map(async (m, i) => {
      const choice = i % 2 ? first : second;
      const reply = await m.command(meetingId, { type: 'CastBallot', voteId, choice });
      if (reply.status !== 200) throw new Error(`ballot refused: ${JSON.stringify(reply.body)}`);
    }),
  );
  for (;;) {
    const reply = await director.command(meetingId, { type: 'PublishResult', voteId });
    if (reply.status === 200) return;
    if (reply.body.code !== 'RESULT_NOT_READY') {
      throw new Error(`not published: ${JSON.stringify(reply.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
