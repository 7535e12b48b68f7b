import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAGES_CHANNEL, type Stage, type StageTiming } from '../../bot/src/meetings/stage-timing';
import { readStages, stagesMet } from '../../bench/lib/ballot-stages';
import { casting } from './support/casting';

type Spans = Readonly<Partial<Record<Stage, readonly [number, number]>>>;

/** A quick ballot's stages in the service, in ms after it was cast. */
const quick: Spans = { total: [1, 4], check: [1.1, 1.6], wait: [1.6, 2], turn: [2, 3.5] };

/** Ballot `i`'s stages, as the service would publish them. */
function stagesOf(i: number, spans: Spans = quick): StageTiming[] {
  const sent = 1_000 + 10 * i;
  return Object.entries(spans).map(([stage, [from, to]]) => ({
    command: 'CastBallot',
    stage: stage as Stage,
    start: sent + from,
    ms: to - from,
  }));
}

describe('the paced vote’s ballots set against their stages in the service', () => {
  const slow = { 10: 25, 20: 25, 30: 25, 40: 25 };
  const timings = [
    ...Array.from({ length: 100 }, (_, i) => i)
      .filter((i) => !(i in slow))
      .flatMap((i) => stagesOf(i)),
    // Waited behind other meetings' work for 17 ms.
    ...stagesOf(10, { total: [1, 24], check: [1.1, 2], wait: [2, 19], turn: [19, 22.5] }),
    // A worker took 19 ms over its proofs; ballot 21 came and went meanwhile.
    ...stagesOf(20, { total: [1, 24], check: [1.1, 20], wait: [20, 21], turn: [21, 23.5] }),
    // Slow before it reached the service: 3 ms inside, 25 in all.
    ...stagesOf(30, { total: [18, 21], check: [18.1, 18.6], wait: [18.6, 19], turn: [19, 20.5] }),
    // Through the API, 18 ms in its HTTP request before its command reached the meetings.
    ...stagesOf(40, {
      request: [0.4, 24.5],
      total: [20, 23],
      check: [20.1, 20.6],
      wait: [20.6, 21],
      turn: [21, 22.5],
    }),
    // Another command during the vote, and a ballot of the vote before: neither counts.
    { command: 'CheckIn', stage: 'total', start: 1_500, ms: 80 },
    { command: 'CastBallot', stage: 'total', start: 500, ms: 80 },
  ] satisfies StageTiming[];

  test('each stage’s spread is taken from the vote’s ballots alone', () => {
    const met = stagesMet(casting(slow), timings);
    expect(met.ballots).toBe(100);
    expect(met.stages.total).toEqual({ p50Ms: 3, p99Ms: 23, maxMs: 23 });
    expect(met.stages.wait).toEqual({ p50Ms: 0.4, p99Ms: 1, maxMs: 17 });
    expect(met.stages.check?.maxMs).toBe(18.9);
    expect(met.stages.turn?.maxMs).toBe(3.5);
    expect(met.stages.request).toEqual({ p50Ms: 24.1, p99Ms: 24.1, maxMs: 24.1 });
  });

  test('each of the slowest ballots is told by where most of its time went: waiting for its turn, its check, its HTTP request, or outside the service', () => {
    const met = stagesMet(casting(slow), timings);
    expect(met.tailBallots).toBe(4);
    expect(met.tailSpentMostIn).toEqual({ wait: 1, check: 1, outside: 1, http: 1 });
  });

  test('a stage the service did not time (the request, on the bot’s channel) has no spread', () => {
    const met = stagesMet(
      casting(slow),
      timings.filter((t) => t.stage !== 'request'),
    );
    expect(met.stages.request).toBeUndefined();
    expect(met.tailSpentMostIn).toEqual({ wait: 1, check: 1, outside: 2 });
  });

  test('a slow ballot the service timed nothing of is left unmatched', () => {
    const met = stagesMet(
      casting(slow),
      timings.filter((t) => t.start < 1_200 || t.start > 1_230),
    );
    expect(met.tailSpentMostIn).toEqual({ wait: 1, outside: 1, http: 1 });
  });

  test('the probe listens on the channel the service publishes on', async () => {
    const probe = await readFile(join(__dirname, '../../bench/lib/stages-probe.mjs'), 'utf8');
    expect(probe).toContain(`subscribe('${STAGES_CHANNEL}',`);
  });

  test('the probe’s lines are read back; a missing file is no timing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballot-stages-'));
    try {
      const file = join(dir, 'stages.jsonl');
      await writeFile(file, `${JSON.stringify(['CastBallot', 'check', 1_101.5, 3.25])}\n`);
      expect(await readStages(file)).toEqual([
        { command: 'CastBallot', stage: 'check', start: 1_101.5, ms: 3.25 },
      ]);
      expect(await readStages(join(dir, 'none.jsonl'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
