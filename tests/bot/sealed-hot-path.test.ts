/**
 * The service's hot path for sealed ballots (issue 15, review): what a turn asks of the ballot
 * box, a copied ballot refused alone, the proof checker's bounded queue, the tally record made once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadSealed, type Sealed } from '@council/shared/sealed';
import type { Meeting, WireCommand } from '../../shared/src';
import { createSealing } from '../../bot/src/meetings/sealing';
import type * as ServiceTrusteeModule from '../../bot/src/meetings/service-trustee';
import { openMeetingStore, type MeetingStore } from '../../bot/src/store';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, personOf, startService, type RunningService } from './support/service';
import { trusteeTabs, type Tellers } from './support/tellers';
import { testDatabases, type TestDatabase } from './store/databases';
import {
  eventually,
  openSecretQuestion,
  readMeeting,
  sealedBallots,
} from './support/secret-question';

/** Each meeting the service asked its trustee for a step of, in order. */
const mockTrusteeAsked: string[] = [];
jest.mock('../../bot/src/meetings/service-trustee', () => {
  const actual = jest.requireActual<typeof ServiceTrusteeModule>(
    '../../bot/src/meetings/service-trustee',
  );
  return {
    ...actual,
    createServiceTrustee: (
      deps: Parameters<(typeof ServiceTrusteeModule)['createServiceTrustee']>[0],
    ) => {
      const trustee = actual.createServiceTrustee(deps);
      return {
        ...trustee,
        next: (meetingId: string, meeting: Meeting) => {
          mockTrusteeAsked.push(meetingId);
          return trustee.next(meetingId, meeting);
        },
      };
    },
  };
});

/** Nine members present; house rules that allow a secret question on item 1. */
const secretAnywhere = {
  ...demo,
  members: demo.members.slice(0, 9),
  rulesOverrides: { secretOtherwise: true },
};
const tellerIds = demo.members.slice(1, 3).map((m) => m.aadObjectId);

describe.each(testDatabases())('the sealed box’s hot path on %s', (_engine, fresh) => {
  let sealed: Sealed;
  let database: TestDatabase;
  let running: RunningService;
  let sitting: DemoMeeting;
  /** Every read of a board the service makes, by vote. */
  const boardReads: string[] = [];
  let boardFails = false;
  /** While set, a read of a board waits for it. */
  let boardHeld: Promise<void> | undefined;

  function counting(store: MeetingStore): MeetingStore {
    return {
      ...store,
      board: async (voteId) => {
        boardReads.push(voteId);
        await boardHeld;
        return boardFails
          ? Promise.reject(new Error('the database went away'))
          : store.board(voteId);
      },
    };
  }

  beforeAll(async () => {
    sealed = await loadSealed();
    database = await fresh();
    const db = await database.connect();
    running = await startService(undefined, { db, store: counting(await openMeetingStore(db)) });
    sitting = await openDemoMeeting(running, 9, secretAnywhere, { tellers: {} });
  });
  afterAll(async () => {
    await sitting.tellers?.stop();
    await running.close();
    await database.drop();
  });

  test('a secret vote is added up and counted from one read of its board; a turn that touches no vote reads none', async () => {
    const voteId = await openSecretQuestion(sitting);
    for (const [i, member] of sitting.members.slice(0, 8).entries()) {
      const cast = { type: 'CastBallot', voteId, choice: i < 5 ? 'yes' : 'no' };
      expect((await member.command(sitting.meetingId, cast)).status).toBe(200);
    }
    expect(boardReads).toEqual([]);
    const last = { type: 'CastBallot', voteId, choice: 'abstain' };
    expect((await sitting.members[8]?.command(sitting.meetingId, last))?.status).toBe(200);
    await sitting.tellers?.counted(voteId);
    expect((await readMeeting(sitting)).votes[voteId]?.result?.tally).toEqual({
      yes: 5,
      no: 3,
      abstain: 1,
    });
    expect(boardReads).toEqual([voteId]);

    const floor = await sitting.members[3]?.command(sitting.meetingId, {
      type: 'RequestFloor',
      kind: 'contribution',
    });
    expect(floor?.status).toBe(200);
    expect(boardReads).toEqual([voteId]);
  });

  test('the ballot that closes a vote is answered before the votes are added up, and a read made after its answer waits for them', async () => {
    const voteId = await openSecretQuestion(sitting);
    for (const member of sitting.members.slice(0, 8)) {
      const cast = { type: 'CastBallot', voteId, choice: 'yes' };
      expect((await member.command(sitting.meetingId, cast)).status).toBe(200);
    }
    let release = () => {};
    boardHeld = new Promise((resolve) => {
      release = resolve;
    });
    let reading: Promise<Meeting> | undefined;
    try {
      const last = { type: 'CastBallot', voteId, choice: 'no' };
      const answered = await Promise.race([
        sitting.members[8]?.command(sitting.meetingId, last),
        new Promise<'none'>((resolve) => {
          setTimeout(() => {
            resolve('none');
          }, 10_000).unref();
        }),
      ]);
      expect(answered === 'none' ? answered : answered?.status).toBe(200);
      reading = readMeeting(sitting);
      // While the count the closing ballot left owed cannot read its board, the read waits.
      const early = await Promise.race([
        reading.then(() => 'answered'),
        sleep(300).then(() => 'waiting'),
      ]);
      expect(early).toBe('waiting');
    } finally {
      boardHeld = undefined;
      release();
    }
    expect((await reading).votes[voteId]?.sealed?.aggregate?.ballots).toBe(9);
    await sitting.tellers?.counted(voteId);
    expect((await readMeeting(sitting)).votes[voteId]?.result?.tally).toEqual({
      yes: 8,
      no: 1,
      abstain: 0,
    });
  });

  test('a turn that touches neither the ceremony nor a sealed vote asks nothing of the service as trustee; the sum of a sealed vote does', async () => {
    mockTrusteeAsked.length = 0;
    const floor = await sitting.members[4]?.command(sitting.meetingId, {
      type: 'RequestFloor',
      kind: 'contribution',
    });
    expect(floor?.status).toBe(200);
    const voteId = await openSecretQuestion(sitting);
    for (const member of sitting.members.slice(0, 8)) {
      const cast = { type: 'CastBallot', voteId, choice: 'yes' };
      expect((await member.command(sitting.meetingId, cast)).status).toBe(200);
    }
    expect(mockTrusteeAsked).toEqual([]);
    const last = { type: 'CastBallot', voteId, choice: 'no' };
    expect((await sitting.members[8]?.command(sitting.meetingId, last))?.status).toBe(200);
    await sitting.tellers?.counted(voteId);
    expect(mockTrusteeAsked).toContain(sitting.meetingId);
  });

  test('the tally record is made once: two readers get the same bytes, and the board is not read again', async () => {
    const voteId = Object.keys((await readMeeting(sitting)).votes)[0] ?? '';
    const published = await sitting.director.command(sitting.meetingId, {
      type: 'PublishResult',
      voteId,
    });
    expect(published.status).toBe(200);
    const path = `/api/meetings/${sitting.meetingId}/votes/${voteId}/tally-record`;
    const bytes = async (member: string) => {
      const response = await fetch(`${running.url}${path}`, {
        headers: { authorization: `Bearer ${await running.tokenFor(member)}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      return response.text();
    };
    const first = await bytes(demo.members[4]?.aadObjectId ?? '');
    const second = await bytes(demo.members[5]?.aadObjectId ?? '');
    expect(second).toBe(first);
    expect(sealed.verifyTally(JSON.parse(first) as never).ok).toBe(true);
    expect(boardReads.filter((read) => read === voteId)).toHaveLength(1);
  });

  test('two members send the same sealed ballot in one burst: one counts, the copy is refused with BALLOT_COPIED, every other ballot is acknowledged and counted', async () => {
    const voteId = await openSecretQuestion(sitting);
    const choices = [0, 1, 0, 0, 1, 2, 0, 1];
    const ballots = await sealedBallots(sealed, sitting, voteId, choices);
    // The second member sends the first one's ballot as their own.
    const sent = [ballots[0], ballots[0], ...ballots.slice(1, 7)];
    const replies = await Promise.all(
      sitting.members
        .slice(0, 8)
        .map((member, i) =>
          member.command(sitting.meetingId, { type: 'CastBallot', voteId, ballot: sent[i] }),
        ),
    );
    const statuses = replies.map((reply) => reply.status);
    const pair = statuses.slice(0, 2).sort();
    expect(pair).toEqual([200, 409]);
    const copy = replies.slice(0, 2).find((reply) => reply.status === 409);
    expect(copy?.body.code).toBe('BALLOT_COPIED');
    expect(statuses.slice(2)).toEqual([200, 200, 200, 200, 200, 200]);

    // A copy of a ballot stored in an earlier turn is refused the same way.
    const later = await sitting.members[8]?.command(sitting.meetingId, {
      type: 'CastBallot',
      voteId,
      ballot: ballots[3],
    });
    expect(later?.status).toBe(409);
    expect(later?.body.code).toBe('BALLOT_COPIED');

    const closed = await sitting.chair.command(sitting.meetingId, { type: 'CloseVote', voteId });
    expect(closed.status).toBe(200);
    await sitting.tellers?.counted(voteId);
    const vote = (await readMeeting(sitting)).votes[voteId];
    expect(vote?.participants).toHaveLength(7);
    // The first ballot (yes) once, then the six others: no, yes, yes, no, abstain, yes.
    expect(vote?.result?.tally).toEqual({ yes: 4, no: 2, abstain: 1 });
  });

  test('a count owed when the service stopped is made once it is back: the vote is added up and counted', async () => {
    const voteId = await openSecretQuestion(sitting);
    boardFails = true;
    for (const member of sitting.members.slice(0, 9)) {
      const cast = { type: 'CastBallot', voteId, choice: 'no' };
      expect((await member.command(sitting.meetingId, cast)).status).toBe(200);
    }
    const owed = await eventually(sitting, (meeting) => meeting.votes[voteId]?.status === 'closed');
    expect(owed.votes[voteId]?.sealed?.aggregate).toBeFalsy();
    const kept = sitting.tellers?.kept;
    await sitting.tellers?.stop();
    await running.close();
    boardFails = false;

    running = await startService(undefined, { db: await database.connect() });
    const tellers: Tellers = await trusteeTabs(running, sitting.meetingId, tellerIds, {
      ...(kept ? { kept } : {}),
    });
    try {
      const director = personOf(running, demo.director.aadObjectId);
      const again = { ...sitting, director };
      const counted = await eventually(
        again,
        (meeting) => meeting.votes[voteId]?.status === 'counted',
      );
      expect(counted.votes[voteId]?.result?.tally).toEqual({ yes: 0, no: 9, abstain: 0 });
    } finally {
      await tellers.stop();
    }
  });
});

describe('the proof checker’s queue', () => {
  let sealed: Sealed;
  let running: RunningService;
  let sitting: DemoMeeting;

  beforeAll(async () => {
    sealed = await loadSealed();
    running = await startService(undefined, { env: { PROOF_QUEUE: '0' } });
    sitting = await openDemoMeeting(running, 9, secretAnywhere, { tellers: {} });
  });
  afterAll(async () => {
    await sitting.tellers?.stop();
    await running.close();
  });

  test('past its bound a tab’s ballot is refused at once with 429 RATE_LIMITED and Retry-After, and nothing changes', async () => {
    const voteId = await openSecretQuestion(sitting);
    const before = await sitting.director.get(`/api/meetings/${sitting.meetingId}`);
    const [ballot] = await sealedBallots(sealed, sitting, voteId, [1]);
    const member = demo.members[2]?.aadObjectId ?? '';
    const response = await fetch(`${running.url}/api/meetings/${sitting.meetingId}/commands`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await running.tokenFor(member)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        commandId: 'over-the-bound',
        command: { type: 'CastBallot', voteId, ballot },
      }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(((await response.json()) as { code: string }).code).toBe('RATE_LIMITED');
    const after = await sitting.director.get(`/api/meetings/${sitting.meetingId}`);
    expect(after.body.version).toBe(before.body.version);
    expect((after.body.meeting as Meeting).votes[voteId]?.participants).toEqual([]);

    // A card's choice, sealed by the service, needs no proof check: it is taken.
    const card = await sitting.members[3]?.command(sitting.meetingId, {
      type: 'CastBallot',
      voteId,
      choice: 'yes',
    });
    expect(card?.status).toBe(200);
  });

  test('one ballot per member and vote is in the proof checker at a time: a second sent meanwhile is refused at once with RATE_LIMITED, another member’s is checked beside it', async () => {
    const sealing = createSealing({ workers: 1, queue: 100 });
    try {
      await sealing.ready();
      const voteId = (await readMeeting(sitting)).openVoteId ?? (await openSecretQuestion(sitting));
      const meeting = await readMeeting(sitting);
      const [ballot] = await sealedBallots(sealed, sitting, voteId, [0]);
      if (!ballot) throw new Error('no ballot');
      const cast = {
        type: 'CastBallot',
        voteId,
        ballot: { ...ballot, choices: [...ballot.choices] },
      } as WireCommand;
      const [member, other] = demo.members.slice(5, 7).map((m) => m.aadObjectId);
      const check = (by = member ?? '') =>
        sealing.prepareAhead(sitting.meetingId, meeting, by, cast);
      const first = check();
      expect(await check()).toEqual({
        ok: false,
        error: { code: 'RATE_LIMITED', params: { seconds: 2 } },
      });
      expect((await check(other)).ok).toBe(true);
      expect((await first).ok).toBe(true);
      // Once the first is checked, the member may send again (the domain then says what it says).
      expect((await check()).ok).toBe(true);
    } finally {
      await sealing.close();
    }
  });
});
