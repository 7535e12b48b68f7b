/**
 * The service publishes how long each stage of a command took, for the bench to read
 * (bench/lib/stages-probe.mjs), and nothing that could link a secret choice to its voter.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { loadSealed, type Sealed } from '@council/shared/sealed';
import { STAGES_CHANNEL, type StageTiming } from '../../bot/src/meetings/stage-timing';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, startService, type RunningService } from './support/service';
import { openSecretQuestion, sealedBallots } from './support/secret-question';

const secretAnywhere = {
  ...demo,
  members: demo.members.slice(0, 9),
  rulesOverrides: { secretOtherwise: true },
};

describe('the stages of a command, as the service publishes them', () => {
  let sealed: Sealed;
  let running: RunningService;
  let sitting: DemoMeeting;
  let voteId: string;
  const heard: StageTiming[] = [];
  const hear = (message: unknown) => heard.push(message as StageTiming);

  beforeAll(async () => {
    sealed = await loadSealed();
    running = await startService();
    sitting = await openDemoMeeting(running, 9, secretAnywhere, { tellers: {} });
    voteId = await openSecretQuestion(sitting);
    subscribe(STAGES_CHANNEL, hear);
  });
  afterAll(async () => {
    unsubscribe(STAGES_CHANNEL, hear);
    await sitting.tellers?.stop();
    await running.close();
  });
  beforeEach(() => {
    heard.length = 0;
  });

  test('a sealed ballot’s proof check, its wait for the meeting’s turn, the turn and the whole are each published once, within the whole, and the whole within its HTTP request', async () => {
    const [ballot] = await sealedBallots(sealed, sitting, voteId, [1]);
    const before = performance.timeOrigin + performance.now();
    const reply = await sitting.members[3]?.command(sitting.meetingId, {
      type: 'CastBallot',
      voteId,
      ballot,
    });
    expect(reply?.status).toBe(200);

    const stages = heard.filter((timing) => timing.command === 'CastBallot');
    expect(stages.map((timing) => timing.stage).sort()).toEqual([
      'check',
      'request',
      'total',
      'turn',
      'wait',
    ]);
    const total = stages.find((timing) => timing.stage === 'total') as StageTiming;
    const request = stages.find((timing) => timing.stage === 'request') as StageTiming;
    expect(request.start).toBeGreaterThanOrEqual(before);
    expect(request.start).toBeLessThanOrEqual(total.start);
    expect(request.start + request.ms).toBeGreaterThanOrEqual(total.start + total.ms);
    for (const timing of stages) {
      expect(Object.keys(timing).sort()).toEqual(['command', 'ms', 'stage', 'start']);
      expect(timing.ms).toBeGreaterThanOrEqual(0);
      if (timing === request) continue;
      expect(timing.start).toBeGreaterThanOrEqual(total.start);
      expect(timing.start + timing.ms).toBeLessThanOrEqual(total.start + total.ms);
    }
  });

  test('no stage names the voter, the meeting, the vote or the command, nor carries the choice or the ballot', async () => {
    const [ballot] = await sealedBallots(sealed, sitting, voteId, [2]);
    const tab = sitting.members[5];
    const card = sitting.members[6];
    const sent = await tab?.command(
      sitting.meetingId,
      { type: 'CastBallot', voteId, ballot },
      'tab-ballot-command',
    );
    const pressed = await card?.command(
      sitting.meetingId,
      { type: 'CastBallot', voteId, choice: 'abstain' },
      'card-press-command',
    );
    expect([sent?.status, pressed?.status]).toEqual([200, 200]);

    const published = JSON.stringify(heard);
    expect(heard.filter((timing) => timing.stage === 'check')).toHaveLength(2);
    for (const secret of [
      tab?.id,
      card?.id,
      sitting.meetingId,
      voteId,
      'tab-ballot-command',
      'card-press-command',
      'abstain',
      sent?.body.tracker,
      pressed?.body.tracker,
      ballot?.choices[0]?.ciphertext.a,
    ]) {
      expect(typeof secret).toBe('string');
      expect(published).not.toContain(secret);
    }
  });
});
