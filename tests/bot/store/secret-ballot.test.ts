import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SealedBallot } from '@council/shared/sealed';
import fc from 'fast-check';
import {
  BallotAlreadyCast,
  BallotBoxAlreadyExists,
  BallotBoxClosed,
  BallotBoxNotFound,
  BallotBoxStillOpen,
  TrackerAlreadyOnBoard,
  VersionConflict,
  canonicalJson,
  openMeetingStore,
  type Db,
  type MeetingStore,
  type SecretBallot,
} from '../../../bot/src/store';
import { testDatabases, type TestDatabase } from './databases';

const at = '2025-03-17T20:00:00.000Z';

/**
 * The store neither opens nor checks a ballot (the service verifies its proofs before deciding):
 * random points of the right shape are ballots enough here.
 */
function sealedBallot(choices = 3): SealedBallot {
  const point = () => randomBytes(32).toString('base64url');
  return {
    choices: Array.from({ length: choices }, () => ({
      ciphertext: { a: point(), b: point() },
      proof: { c0: point(), c1: point(), z0: point(), z1: point() },
    })),
    sum: { c: point(), z: point() },
  };
}

function trackerOf(ballot: SealedBallot): string {
  return createHash('sha256').update(canonicalJson(ballot)).digest('hex');
}

function ballotOf(voteId: string, memberId: string, ballot = sealedBallot()): SecretBallot {
  return { voteId, memberId, ballot, tracker: trackerOf(ballot) };
}

describe.each(testDatabases())('the sealed ballot box on %s', (_engine, fresh) => {
  let database: TestDatabase;
  let db: Db;
  let store: MeetingStore;

  beforeAll(async () => {
    database = await fresh();
    db = await database.connect();
    store = await openMeetingStore(db);
  });
  afterAll(() => database.drop());

  /** A meeting with a secret vote open, as the command pipeline would commit it. */
  async function openSecretVote(): Promise<{ meetingId: string; voteId: string }> {
    const meetingId = (await store.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' })).id;
    const voteId = randomUUID();
    await store.commit({
      meetingId,
      issuedBy: 'chair',
      commandId: `open-${voteId}`,
      expectedVersion: 0,
      events: [{ type: 'VoteOpened', data: { voteId, secret: true, ceremony: 1 }, at }],
      ballotBoxes: { open: [voteId] },
      result: null,
    });
    return { meetingId, voteId };
  }

  async function version(meetingId: string): Promise<number> {
    return (await store.findMeeting(meetingId))?.version ?? 0;
  }

  /**
   * One member's ballot, committed as its own command and retried, after a random pause, when
   * another command got in first: what instances of the service without a common queue would do.
   */
  async function castBallot(meetingId: string, ballot: SecretBallot): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await store.commit({
          meetingId,
          issuedBy: ballot.memberId,
          commandId: `ballot-${ballot.voteId}-${ballot.memberId}-${randomUUID()}`,
          expectedVersion: await version(meetingId),
          // The event says that the member took part, never what was cast.
          events: [
            { type: 'BallotRecorded', data: { voteId: ballot.voteId, by: ballot.memberId }, at },
          ],
          secretBallots: [ballot],
          result: { ok: true },
        });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        const pause = Math.random() * Math.min(2 ** attempt, 250);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  async function closeVote(meetingId: string, voteId: string): Promise<void> {
    await store.commit({
      meetingId,
      issuedBy: 'chair',
      commandId: `close-${voteId}-${randomUUID()}`,
      expectedVersion: await version(meetingId),
      events: [{ type: 'VoteClosed', data: { voteId }, at }],
      ballotBoxes: { close: [voteId] },
      result: null,
    });
  }

  const trackers = (board: readonly SealedBallot[]) => board.map(trackerOf).sort();

  test('200 concurrent secret ballots are all on the board once, as they were cast', async () => {
    const { meetingId, voteId } = await openSecretVote();
    const ballots = Array.from({ length: 200 }, (_, i) => ballotOf(voteId, `member-${i}`));

    await Promise.all(ballots.map((ballot) => castBallot(meetingId, ballot)));
    await closeVote(meetingId, voteId);

    const board = await store.board(voteId);
    expect(trackers(board)).toEqual(ballots.map((ballot) => ballot.tracker).sort());
    expect(board).toContainEqual(ballots[17]?.ballot);
    expect(await store.participation(voteId)).toBe(200);
    expect(await store.readEvents(meetingId)).toHaveLength(1 + 200 + 1);
  });

  test('a member cannot cast a second secret ballot, and the refused commit leaves no trace', async () => {
    const { meetingId, voteId } = await openSecretVote();
    const first = ballotOf(voteId, 'ana');
    await castBallot(meetingId, first);
    const before = await version(meetingId);

    const second = store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'ana-again',
      expectedVersion: before,
      events: [{ type: 'BallotRecorded', data: { voteId, by: 'ana' }, at }],
      secretBallots: [ballotOf(voteId, 'ana')],
      result: { ok: true },
    });

    await expect(second).rejects.toThrow(BallotAlreadyCast);
    await expect(second).rejects.toMatchObject({ voteId, memberId: 'ana' });
    expect(await version(meetingId)).toBe(before);
    expect(await store.participation(voteId)).toBe(1);
    const [handled] = await db.query('SELECT 1 FROM commands WHERE command_id = $1', ['ana-again']);
    expect(handled).toBeUndefined();
    await closeVote(meetingId, voteId);
    expect(trackers(await store.board(voteId))).toEqual([first.tracker]);
  });

  test('a member cannot cast two ballots in one commit', async () => {
    const { meetingId, voteId } = await openSecretVote();
    await expect(
      store.commit({
        meetingId,
        issuedBy: 'bram',
        commandId: 'group-commit',
        expectedVersion: 1,
        events: [],
        secretBallots: [ballotOf(voteId, 'bram'), ballotOf(voteId, 'bram')],
        result: null,
      }),
    ).rejects.toThrow(BallotAlreadyCast);
    expect(await store.participation(voteId)).toBe(0);
  });

  test("a copy of a ballot on the board is refused, and the copier's participation with it", async () => {
    const { meetingId, voteId } = await openSecretVote();
    const original = ballotOf(voteId, 'ana');
    await castBallot(meetingId, original);
    const before = await version(meetingId);

    const copied = castBallot(meetingId, { ...original, memberId: 'bram' });
    await expect(copied).rejects.toThrow(TrackerAlreadyOnBoard);
    await expect(copied).rejects.toMatchObject({ voteId });
    const inOneCommit = store.commit({
      meetingId,
      issuedBy: 'chloe',
      commandId: 'two-alike',
      expectedVersion: before,
      events: [],
      secretBallots: [
        { ...ballotOf(voteId, 'chloe'), ballot: original.ballot, tracker: 'same' },
        { ...ballotOf(voteId, 'dirk'), ballot: original.ballot, tracker: 'same' },
      ],
      result: null,
    });
    await expect(inOneCommit).rejects.toThrow(TrackerAlreadyOnBoard);

    expect(await version(meetingId)).toBe(before);
    expect(await store.participation(voteId)).toBe(1);
    await closeVote(meetingId, voteId);
    expect(trackers(await store.board(voteId))).toEqual([original.tracker]);
  });

  test("one vote's ballot may be cast in another vote: the tracker is unique per vote", async () => {
    const first = await openSecretVote();
    const second = await openSecretVote();
    const ballot = sealedBallot();

    await castBallot(first.meetingId, ballotOf(first.voteId, 'ana', ballot));
    await castBallot(second.meetingId, ballotOf(second.voteId, 'ana', ballot));

    expect(await store.participation(first.voteId)).toBe(1);
    expect(await store.participation(second.voteId)).toBe(1);
  });

  test('participation equals the number of ballots on the board', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(9), { maxLength: 25 }), async (members) => {
        const { meetingId, voteId } = await openSecretVote();
        for (const member of members) {
          await castBallot(meetingId, ballotOf(voteId, `m${member}`)).catch((error: unknown) => {
            if (!(error instanceof BallotAlreadyCast)) throw error;
          });
        }
        await closeVote(meetingId, voteId);

        const voters = new Set(members).size;
        expect(await store.participation(voteId)).toBe(voters);
        expect(await store.board(voteId)).toHaveLength(voters);
      }),
      { numRuns: 15 },
    );
  });

  test('the board stays hidden until the ballot box closes; participation does not', async () => {
    const { meetingId, voteId } = await openSecretVote();
    const ballot = ballotOf(voteId, 'ana');
    await castBallot(meetingId, ballot);

    await expect(store.board(voteId)).rejects.toThrow(BallotBoxStillOpen);
    expect(await store.participation(voteId)).toBe(1);
    await closeVote(meetingId, voteId);
    expect(await store.board(voteId)).toEqual([ballot.ballot]);
  });

  test('a closed ballot box takes no more ballots', async () => {
    const { meetingId, voteId } = await openSecretVote();
    await closeVote(meetingId, voteId);

    await expect(castBallot(meetingId, ballotOf(voteId, 'late'))).rejects.toThrow(BallotBoxClosed);
    await expect(closeVote(meetingId, voteId)).rejects.toThrow(BallotBoxClosed);
    expect(await store.participation(voteId)).toBe(0);
    expect(await store.board(voteId)).toEqual([]);
  });

  test("a vote's ballot box is opened once", async () => {
    const { meetingId, voteId } = await openSecretVote();
    await expect(
      store.commit({
        meetingId,
        issuedBy: 'chair',
        commandId: 'open-again',
        expectedVersion: 1,
        events: [],
        ballotBoxes: { open: [voteId] },
        result: null,
      }),
    ).rejects.toThrow(BallotBoxAlreadyExists);
  });

  test("a ballot box opens within its meeting only and takes no other meeting's ballots", async () => {
    const { voteId } = await openSecretVote();
    const { meetingId: otherMeeting } = await openSecretVote();

    await expect(castBallot(otherMeeting, ballotOf(voteId, 'ana'))).rejects.toThrow(
      BallotBoxNotFound,
    );
    await expect(store.board(randomUUID())).rejects.toThrow(BallotBoxNotFound);
    await expect(store.participation(randomUUID())).rejects.toThrow(BallotBoxNotFound);
  });

  test('no error of the ballot box carries a ballot or its tracker, which would link it to its voter', async () => {
    const { meetingId, voteId } = await openSecretVote();
    const cast = ballotOf(voteId, 'ana');
    await castBallot(meetingId, cast);
    const secrets = [cast.tracker, ...cast.ballot.choices.map((choice) => choice.ciphertext.b)];
    const refusals = [
      () => castBallot(meetingId, { ...ballotOf(voteId, 'ana'), ballot: cast.ballot }),
      () => castBallot(meetingId, { ...cast, memberId: 'bram' }),
      () =>
        store.commit({
          meetingId,
          issuedBy: 'chloe',
          commandId: 'stale',
          expectedVersion: 0,
          events: [{ type: 'BallotRecorded', data: { voteId, by: 'chloe' }, at }],
          secretBallots: [{ ...cast, memberId: 'chloe' }],
          result: null,
        }),
      async () => {
        await closeVote(meetingId, voteId);
        await castBallot(meetingId, { ...cast, memberId: 'dirk' });
      },
    ];

    for (const refusal of refusals) {
      const error = await refusal().then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(Error);
      const everything = JSON.stringify({
        ...(error as object),
        message: (error as Error).message,
        stack: (error as Error).stack,
        cause: String((error as Error).cause),
      });
      for (const secret of secrets) expect(everything).not.toContain(secret);
    }
  });

  test('no member column anywhere near a ballot: the register holds vote and member, the box no member, time or order', async () => {
    const columns = async (table: string) =>
      (
        await db.query(
          `SELECT column_name, column_default FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        )
      ).map((row) => [row.column_name, row.column_default]);

    expect(await columns('ballot_participation')).toEqual([
      ['vote_id', null],
      ['member_id', null],
    ]);
    expect(await columns('sealed_ballots')).toEqual([
      ['vote_id', null],
      ['meeting_id', null],
      ['tracker', null],
      ['ballot', null],
    ]);
    expect(await columns('ballot_boxes')).toEqual([
      ['vote_id', null],
      ['meeting_id', null],
      ['closed', 'false'],
    ]);
    expect(await columns('ballot_counters')).toEqual([]);
  });
});
