import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  BallotAlreadyCast,
  BallotBoxAlreadyExists,
  BallotBoxClosed,
  BallotBoxNotFound,
  BallotBoxStillOpen,
  UnknownChoice,
  VersionConflict,
  openMeetingStore,
  type Db,
  type MeetingStore,
  type SecretBallot,
} from '../../../bot/src/store';
import { testDatabases, type TestDatabase } from './databases';

const at = '2025-03-17T20:00:00.000Z';
const choices = ['yes', 'no', 'abstain'] as const;

describe.each(testDatabases())('the secret ballot on %s', (_engine, fresh) => {
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
  async function openSecretVote(
    offered: readonly string[] = choices,
  ): Promise<{ meetingId: string; voteId: string }> {
    const meetingId = (await store.createMeeting({ id: randomUUID(), tenantId: 'tenant-a' })).id;
    const voteId = randomUUID();
    await store.commit({
      meetingId,
      issuedBy: 'chair',
      commandId: `open-${voteId}`,
      expectedVersion: 0,
      events: [{ type: 'VoteOpened', data: { voteId, secret: true, choices: offered }, at }],
      ballotBoxes: { open: [{ voteId, choices: offered }] },
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
          // The event says that the member took part, never what was chosen.
          events: [
            { type: 'BallotRecorded', data: { voteId: ballot.voteId, by: ballot.memberId }, at },
          ],
          secretBallots: [ballot],
          result: { recorded: true },
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

  test('200 concurrent secret ballots are all counted once', async () => {
    const { meetingId, voteId } = await openSecretVote();
    const ballots = Array.from({ length: 200 }, (_, i) => ({
      voteId,
      memberId: `member-${i}`,
      choice: choices[i % 3] ?? 'yes',
    }));

    await Promise.all(ballots.map((ballot) => castBallot(meetingId, ballot)));
    await closeVote(meetingId, voteId);

    expect(await store.tally(voteId)).toEqual({ yes: 67, no: 67, abstain: 66 });
    expect(await store.participation(voteId)).toBe(200);
    expect(await store.readEvents(meetingId)).toHaveLength(1 + 200 + 1);
  });

  test('a member cannot cast a second secret ballot, and the refused commit leaves no trace', async () => {
    const { meetingId, voteId } = await openSecretVote();
    await castBallot(meetingId, { voteId, memberId: 'ana', choice: 'yes' });
    const before = await version(meetingId);

    const second = store.commit({
      meetingId,
      issuedBy: 'ana',
      commandId: 'ana-again',
      expectedVersion: before,
      events: [{ type: 'BallotRecorded', data: { voteId, by: 'ana' }, at }],
      secretBallots: [{ voteId, memberId: 'ana', choice: 'no' }],
      result: { recorded: true },
    });

    await expect(second).rejects.toThrow(BallotAlreadyCast);
    await expect(second).rejects.toMatchObject({ voteId, memberId: 'ana' });
    expect(await version(meetingId)).toBe(before);
    expect(await store.participation(voteId)).toBe(1);
    const [handled] = await db.query('SELECT 1 FROM commands WHERE command_id = $1', ['ana-again']);
    expect(handled).toBeUndefined();
    await closeVote(meetingId, voteId);
    expect(await store.tally(voteId)).toEqual({ yes: 1, no: 0, abstain: 0 });
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
        secretBallots: [
          { voteId, memberId: 'bram', choice: 'yes' },
          { voteId, memberId: 'bram', choice: 'no' },
        ],
        result: null,
      }),
    ).rejects.toThrow(BallotAlreadyCast);
    expect(await store.participation(voteId)).toBe(0);
  });

  test('participation equals the sum of the counters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ member: fc.nat(9), choice: fc.constantFrom(...choices) }), {
          maxLength: 25,
        }),
        async (attempts) => {
          const { meetingId, voteId } = await openSecretVote();
          for (const { member, choice } of attempts) {
            await castBallot(meetingId, { voteId, memberId: `m${member}`, choice }).catch(
              (error: unknown) => {
                if (!(error instanceof BallotAlreadyCast)) throw error;
              },
            );
          }
          await closeVote(meetingId, voteId);

          const counted = Object.values(await store.tally(voteId)).reduce((a, b) => a + b, 0);
          const voters = new Set(attempts.map((attempt) => attempt.member)).size;
          expect(await store.participation(voteId)).toBe(voters);
          expect(counted).toBe(voters);
        },
      ),
      { numRuns: 15 },
    );
  });

  test('counts stay hidden until the ballot box closes; participation does not', async () => {
    const { meetingId, voteId } = await openSecretVote();
    await castBallot(meetingId, { voteId, memberId: 'ana', choice: 'no' });

    await expect(store.tally(voteId)).rejects.toThrow(BallotBoxStillOpen);
    expect(await store.participation(voteId)).toBe(1);
    await closeVote(meetingId, voteId);
    expect(await store.tally(voteId)).toEqual({ yes: 0, no: 1, abstain: 0 });
  });

  test('a closed ballot box takes no more ballots', async () => {
    const { meetingId, voteId } = await openSecretVote();
    await closeVote(meetingId, voteId);

    await expect(
      castBallot(meetingId, { voteId, memberId: 'late', choice: 'yes' }),
    ).rejects.toThrow(BallotBoxClosed);
    await expect(closeVote(meetingId, voteId)).rejects.toThrow(BallotBoxClosed);
    expect(await store.participation(voteId)).toBe(0);
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
        ballotBoxes: { open: [{ voteId, choices }] },
        result: null,
      }),
    ).rejects.toThrow(BallotBoxAlreadyExists);
  });

  test('a ballot for a choice the vote does not offer is refused', async () => {
    const { meetingId, voteId } = await openSecretVote(['for', 'against']);
    await expect(castBallot(meetingId, { voteId, memberId: 'ana', choice: 'yes' })).rejects.toThrow(
      UnknownChoice,
    );
    expect(await store.participation(voteId)).toBe(0);
  });

  test("a ballot box opens within its meeting only and takes no other meeting's ballots", async () => {
    const { voteId } = await openSecretVote();
    const { meetingId: otherMeeting } = await openSecretVote();

    await expect(
      castBallot(otherMeeting, { voteId, memberId: 'ana', choice: 'yes' }),
    ).rejects.toThrow(BallotBoxNotFound);
    await expect(store.tally(randomUUID())).rejects.toThrow(BallotBoxNotFound);
    await expect(store.participation(randomUUID())).rejects.toThrow(BallotBoxNotFound);
  });

  test('no error of the ballot box carries the choice', async () => {
    const secret = 'secret-choice-7f3a91';
    const { meetingId, voteId } = await openSecretVote([secret, 'other']);
    await castBallot(meetingId, { voteId, memberId: 'ana', choice: secret });
    const refusals = [
      () => castBallot(meetingId, { voteId, memberId: 'ana', choice: secret }),
      () => castBallot(meetingId, { voteId, memberId: 'bram', choice: `${secret}-not-offered` }),
      () =>
        store.commit({
          meetingId,
          issuedBy: 'chloe',
          commandId: 'stale',
          expectedVersion: 0,
          events: [{ type: 'BallotRecorded', data: { voteId, by: 'chloe' }, at }],
          secretBallots: [{ voteId, memberId: 'chloe', choice: secret }],
          result: null,
        }),
      async () => {
        await closeVote(meetingId, voteId);
        await castBallot(meetingId, { voteId, memberId: 'dirk', choice: secret });
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
      expect(everything).not.toContain(secret);
    }
  });

  test('the participation register holds only vote and member; the box holds no member', async () => {
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
    expect(await columns('ballot_counters')).toEqual([
      ['vote_id', null],
      ['choice', null],
      ['count', '0'],
    ]);
  });
});
