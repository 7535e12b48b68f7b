/**
 * A card's clear choice is sealed by the service's proof workers, off the event loop (issue 18,
 * goal 2): what they seal is counted as chosen, and a worker that falls over while it holds a
 * choice refuses that ballot with a code, loses none acknowledged before, and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { Meeting } from '../../shared/src';
import { startWorker } from '../../bot/src/meetings/proof-checker';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, startService, type RunningService } from './support/service';
import { testDatabases, type TestDatabase } from './store/databases';
import { openSecretQuestion, readMeeting } from './support/secret-question';

const secretAnywhere = {
  ...demo,
  members: demo.members.slice(0, 9),
  rulesOverrides: { secretOtherwise: true },
};

describe.each(testDatabases())(
  'a card’s choice sealed by a proof worker on %s',
  (_engine, fresh) => {
    let database: TestDatabase;
    let running: RunningService;
    let sitting: DemoMeeting;
    /** The workers the service started, and whether the next one falls over at its first job. */
    const started: Worker[] = [];
    let fallsOver = false;

    beforeAll(async () => {
      database = await fresh();
      running = await startService(undefined, {
        db: await database.connect(),
        env: { PROOF_WORKERS: '1' },
        proofWorker: () => {
          const worker = fallsOver
            ? new Worker(
                "require('node:worker_threads').parentPort.on('message', () => { throw new Error('fell over'); });",
                { eval: true },
              )
            : startWorker();
          started.push(worker);
          return worker;
        },
      });
      sitting = await openDemoMeeting(running, 9, secretAnywhere, { tellers: {} });
    });
    afterAll(async () => {
      await sitting.tellers?.stop();
      await running.close();
      await database.drop();
    });

    test('a worker falls over holding a choice: that ballot is refused with 503 BALLOT_NOT_SEALED and nothing changes; those acknowledged before are counted as chosen, and the voter votes again', async () => {
      const voteId = await openSecretQuestion(sitting);
      const cast = (member: number, choice: string) =>
        sitting.members[member]?.command(sitting.meetingId, { type: 'CastBallot', voteId, choice });
      const chosen = ['yes', 'no', 'yes', 'abstain'];
      for (const [i, choice] of chosen.entries()) expect((await cast(i, choice))?.status).toBe(200);

      fallsOver = true;
      await Promise.all(started.splice(0).map((worker) => worker.terminate()));
      const before = await sitting.director.get(`/api/meetings/${sitting.meetingId}`);
      const refused = await cast(4, 'no');
      expect(refused?.status).toBe(503);
      expect(refused?.body.code).toBe('BALLOT_NOT_SEALED');
      expect(JSON.stringify(refused?.body)).not.toMatch(/"no"/);
      const after = await sitting.director.get(`/api/meetings/${sitting.meetingId}`);
      expect(after.body.version).toBe(before.body.version);
      expect((after.body.meeting as Meeting).votes[voteId]?.participants).toHaveLength(4);

      fallsOver = false;
      expect((await cast(4, 'no'))?.status).toBe(200);
      const closed = await sitting.chair.command(sitting.meetingId, { type: 'CloseVote', voteId });
      expect(closed.status).toBe(200);
      await sitting.tellers?.counted(voteId);
      const vote = (await readMeeting(sitting)).votes[voteId];
      expect(vote?.participants).toHaveLength(5);
      expect(vote?.result?.tally).toEqual({ yes: 2, no: 2, abstain: 1 });
    });

    test('a press sent again while the first is still in the workers gets the first one’s answer, not 429, and counts once', async () => {
      const voteId = await openSecretQuestion(sitting);
      const member = sitting.members[5];
      const press = () =>
        member?.command(
          sitting.meetingId,
          { type: 'CastBallot', voteId, choice: 'yes' },
          'press-1',
        );
      const [first, again] = await Promise.all([press(), press()]);
      expect([first?.status, again?.status]).toEqual([200, 200]);
      expect(again?.body.version).toBe(first?.body.version);
      expect((await readMeeting(sitting)).votes[voteId]?.participants).toHaveLength(1);
    });
  },
);
