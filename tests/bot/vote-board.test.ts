import { loadSealed, type Aggregate, type SealedBallot, type Sealed } from '@council/shared/sealed';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { databases, overHttp } from './support/over-http';
import { demo, personOf, startService, type Person, type RunningService } from './support/service';

interface Board {
  readonly voteId: string;
  readonly ballots: readonly { readonly tracker: string; readonly ballot: SealedBallot }[];
}

describe.each(databases)('a closed secret vote’s board over HTTP on %s', (_name, databaseUrl) => {
  let sealed: Sealed;
  let running: RunningService;
  let sitting: DemoMeeting;
  let voteId: string;
  /** The trackers the voters were given, one each. */
  const given: string[] = [];

  beforeAll(async () => {
    sealed = await loadSealed();
    running = await startService(databaseUrl);
    sitting = await openDemoMeeting(running, 30, demo, { tellers: {} });
  });
  afterAll(async () => {
    await sitting.tellers?.stop();
    await running.close();
  });

  const { ok, meeting } = overHttp(() => sitting.meetingId);
  const path = (vote = voteId) => `/api/meetings/${sitting.meetingId}/votes/${vote}/board`;
  const voters = () => sitting.members.slice(3, 9);

  test('while the vote is open its board is not shown, even to a trustee', async () => {
    for (let item = 1; item < 5; item++) await ok(sitting.chair, { type: 'NextItem' });
    await ok(sitting.chair, { type: 'OpenVote' });
    voteId = (await meeting(sitting.chair)).openVoteId ?? '';
    const { choices } = (await meeting(sitting.chair)).votes[voteId] ?? { choices: [] };
    for (const [i, voter] of voters().entries()) {
      const reply = await voter.command(sitting.meetingId, {
        type: 'CastBallot',
        voteId,
        choice: choices[i % 2],
      });
      expect(reply.status).toBe(200);
      given.push(String(reply.body.tracker));
    }

    const open = await sitting.director.get(path());
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('VOTE_NOT_CLOSED');
  });

  test('once closed, each member reads every ballot with its tracker, by tracker, and no one’s name', async () => {
    await ok(sitting.chair, { type: 'CloseVote', voteId });
    const [, teller] = sitting.members.slice(1, 3);
    const outsider = sitting.members[20];
    const readers = [sitting.director, sitting.chair, teller, voters()[0], outsider] as Person[];
    const replies = await Promise.all(readers.map((reader) => reader.get(path())));
    for (const reply of replies) expect(reply.status).toBe(200);
    const board = replies[0]?.body as unknown as Board;
    for (const reply of replies) expect(reply.body).toEqual(board);

    expect(board.voteId).toBe(voteId);
    const trackers = board.ballots.map((entry) => entry.tracker);
    expect(trackers).toEqual([...given].sort());
    for (const { tracker, ballot } of board.ballots) expect(sealed.tracker(ballot)).toBe(tracker);
    const text = JSON.stringify(board);
    for (const member of [...sitting.members, sitting.director]) {
      expect(text).not.toContain(member.id);
    }
  });

  test('the board adds up to the sum the log records, as a trustee’s tab recomputes it', async () => {
    const board = (await sitting.director.get(path())).body as unknown as Board;
    const vote = (await meeting(sitting.director)).votes[voteId];
    const recorded = vote?.sealed?.aggregate as Aggregate;
    const recomputed = sealed.aggregate(
      board.ballots.map((entry) => entry.ballot),
      vote?.choices.length ?? 0,
    );
    expect(recorded.ballots).toBe(voters().length);
    expect(recomputed).toEqual(recorded);
  });

  test('an observer, a person of the council’s tenant not on the roll and another tenant read nothing', async () => {
    const observer = await sitting.observer.get(path());
    expect(observer.status).toBe(403);
    expect(observer.body.code).toBe('NOT_AUTHORIZED');
    const stranger = await personOf(running, 'not-on-the-roll').get(path());
    expect(stranger.status).toBe(403);
    const elsewhere = await personOf(running, sitting.director.id, 'another-tenant').get(path());
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('MEETING_NOT_FOUND');
    for (const reply of [observer, stranger, elsewhere])
      expect(reply.body).not.toHaveProperty('ballots');
  });

  test('a vote that is not there, or not secret, has no board', async () => {
    const unknown = await sitting.director.get(path('no-such-vote'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('VOTE_NOT_FOUND');
    await ok(sitting.chair, { type: 'NextItem' });
    await ok(sitting.chair, { type: 'OpenVote', secret: false });
    const named = (await meeting(sitting.chair)).openVoteId ?? '';
    await ok(sitting.chair, { type: 'CloseVote', voteId: named });
    const reply = await sitting.director.get(path(named));
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('VOTE_NOT_FOUND');
  });
});
