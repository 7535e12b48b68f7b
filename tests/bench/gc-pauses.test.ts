import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pausesMet, readPauses, type Pause } from '../../bench/lib/gc-pauses';
import { casting } from './support/casting';

describe('the paced vote’s ballots set against the garbage collection pauses', () => {
  test('a slow ballot in flight during a main-thread pause counts as meeting it; one that is not, does not', () => {
    const pauses: Pause[] = [
      // during ballot 10 (sent at 1,100, answered at 1,125)
      { start: 1_110, ms: 12, thread: 0 },
      // in no ballot's flight (ballot 30 is answered at 1,305, ballot 31 sent at 1,310)
      { start: 1_306, ms: 3, thread: 0 },
      // the client's, during ballot 50
      { start: 1_502, ms: 2, thread: -1 },
      // before the vote: not counted
      { start: 500, ms: 40, thread: 0 },
    ];
    const met = pausesMet(casting({ 10: 25, 20: 25 }), pauses);
    expect(met.mainPauses).toBe(2);
    expect(met.mainPauseMaxMs).toBe(12);
    expect(met.clientPauses).toBe(1);
    expect(met.clientPauseMaxMs).toBe(2);
    // The two slow ballots are the tail: one met the pause, the other (ballot 20) did not.
    expect(met.tailBallots).toBe(2);
    expect(met.tailMeetingPause).toBe(1);
    // The 12 ms pause from 1,110 met ballots 10, 11 (sent at 1,110) and 12 (at 1,120); the
    // client's met ballot 50: 4 of 100.
    expect(met.ballotsMeetingPausePct).toBe(4);
  });

  test('the probe’s lines are read back; a missing file is no pause', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gc-pauses-'));
    try {
      const file = join(dir, 'gc.jsonl');
      await writeFile(file, `${JSON.stringify([1_110, 12.5])}\n${JSON.stringify([1_200, 1])}\n`);
      expect(await readPauses(file)).toEqual([
        { start: 1_110, ms: 12.5, thread: 0 },
        { start: 1_200, ms: 1, thread: 0 },
      ]);
      expect(await readPauses(join(dir, 'none.jsonl'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
