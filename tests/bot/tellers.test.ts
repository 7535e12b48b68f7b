/**
 * The trustees' tabs of the demo and the tests (bot/src/demo-meeting/tellers.ts): the director and
 * two tellers run the key ceremony over HTTP and count each sealed ballot box with their shares.
 */
import { waitingTrustees } from '../../shared/src';
import { openDemoMeeting } from './support/meeting';
import { databases } from './support/over-http';
import { demo, startService, type RunningService } from './support/service';
import { trusteeTabs } from './support/tellers';
import { eventually, readMeeting, secretQuestion } from './support/secret-question';

const director = demo.director.aadObjectId;
const [firstTeller, secondTeller] = demo.members.slice(1, 3).map((m) => m.aadObjectId) as [
  string,
  string,
];
/**
 * The demo council cut to 9 members in office, all present; a secret question on item 1 needs
 * house rules that allow one (CDLD L1122-27 does not).
 */
const secretAnywhere = {
  ...demo,
  members: demo.members.slice(0, 9),
  rulesOverrides: { secretOtherwise: true },
};

describe.each(databases)('the trustees’ tabs over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;

  beforeAll(async () => {
    running = await startService(databaseUrl);
  });
  afterAll(() => running.close());

  test('named by the chair, the director and two tellers each commit, deal and confirm once: the sealed box is ready', async () => {
    const sitting = await openDemoMeeting(running, 9, secretAnywhere, { tellers: {} });
    const [ceremony, ...more] = (await readMeeting(sitting)).tellers ?? [];
    expect(more).toEqual([]);
    expect(ceremony).toMatchObject({
      ceremony: 1,
      status: 'ready',
      threshold: 2,
      trustees: [
        { member: director, index: 1 },
        { member: firstTeller, index: 2 },
        { member: secondTeller, index: 3 },
      ],
    });
    const trustees = [director, firstTeller, secondTeller].sort();
    expect(Object.keys(ceremony?.committed ?? {}).sort()).toEqual(trustees);
    expect(Object.keys(ceremony?.dealt ?? {}).sort()).toEqual(trustees);
    expect([...(ceremony?.ready ?? [])].sort()).toEqual(trustees);
    expect(sitting.tellers?.refusals).toEqual([]);
  });

  test('with one of the three trustees absent, the count completes from the other two shares', async () => {
    const sitting = await openDemoMeeting(running, 9, secretAnywhere, {
      tellers: { absent: [secondTeller] },
    });
    const voteId = await secretQuestion(sitting);
    await sitting.tellers?.counted(voteId);
    const vote = (await readMeeting(sitting)).votes[voteId];
    expect(vote?.result?.tally).toEqual({ yes: 6, no: 3, abstain: 0 });
    expect(Object.keys(vote?.sealed?.decrypted ?? {}).sort()).toEqual(
      [director, firstTeller].sort(),
    );
    expect(sitting.tellers?.refusals).toEqual([]);
  });

  test('with two of the three absent, the count waits and says for whom; once one of them is back, it is counted', async () => {
    const sitting = await openDemoMeeting(running, 9, secretAnywhere, {
      tellers: { absent: [firstTeller, secondTeller] },
    });
    const voteId = await secretQuestion(sitting);
    const waiting = await eventually(
      sitting,
      (meeting) => meeting.votes[voteId]?.sealed?.decrypted[director] !== undefined,
    );
    const vote = waiting.votes[voteId];
    expect(vote?.status).toBe('closed');
    expect(vote && waitingTrustees(waiting, vote)).toEqual([firstTeller, secondTeller]);
    const early = await sitting.director.command(sitting.meetingId, {
      type: 'PublishResult',
      voteId,
    });
    expect(early.status).toBe(409);
    sitting.tellers?.arrive(secondTeller);
    await sitting.tellers?.counted(voteId);
    expect((await readMeeting(sitting)).votes[voteId]?.result?.tally).toEqual({
      yes: 6,
      no: 3,
      abstain: 0,
    });
  });

  test('the tabs closed after the ceremony and opened again keep their shares: they still count', async () => {
    const sitting = await openDemoMeeting(running, 9, secretAnywhere, { tellers: {} });
    const closed = sitting.tellers;
    await closed?.stop();
    const voteId = await secretQuestion(sitting);
    const reopened = await trusteeTabs(
      running,
      sitting.meetingId,
      [firstTeller, secondTeller],
      closed ? { kept: closed.kept } : {},
    );
    try {
      await reopened.counted(voteId);
      expect((await readMeeting(sitting)).votes[voteId]?.result?.tally).toEqual({
        yes: 6,
        no: 3,
        abstain: 0,
      });
    } finally {
      await reopened.stop();
    }
  });
});
