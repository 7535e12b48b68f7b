/**
 * A meeting's turn waits for the proof checks already under way when it comes, and for no later
 * one (issue 18: a ballot cast alone is not held up by the ballots cast after it).
 */
import { checksInFlight } from '../../bot/src/meetings/checks-in-flight';

/** Whether `promise` has settled once the timers and promises due so far have run. */
async function settledYet(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await jest.advanceTimersByTimeAsync(2);
  return done;
}

describe('the checks a turn waits for', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('with no check under way, the turn goes at once', async () => {
    const checks = checksInFlight(1_000);
    expect(await settledYet(checks.settled('m1'))).toBe(true);
  });

  test('the turn waits for the checks begun before it, not for one begun meanwhile', async () => {
    const checks = checksInFlight(1_000);
    const first = checks.begin('m1');
    const second = checks.begin('m1');
    const turn = checks.settled('m1');
    const later = checks.begin('m1');
    checks.end('m1', first);
    expect(await settledYet(turn)).toBe(false);
    checks.end('m1', second);
    expect(await settledYet(turn)).toBe(true);
    // The later check still holds the next turn.
    expect(await settledYet(checks.settled('m1'))).toBe(false);
    checks.end('m1', later);
  });

  test('fewer checks than are worth waiting for do not hold the turn', async () => {
    const checks = checksInFlight(1_000, 3);
    const first = checks.begin('m1');
    checks.begin('m1');
    expect(await settledYet(checks.settled('m1'))).toBe(true);
    checks.begin('m1');
    const turn = checks.settled('m1');
    expect(await settledYet(turn)).toBe(false);
    // Once it waits, it waits for each check begun before it.
    checks.end('m1', first);
    expect(await settledYet(turn)).toBe(false);
  });

  test('another meeting’s checks do not hold the turn', async () => {
    const checks = checksInFlight(1_000);
    checks.begin('m2');
    expect(await settledYet(checks.settled('m1'))).toBe(true);
  });

  test('a check that never ends holds the turn no longer than the bound', async () => {
    const checks = checksInFlight(50);
    checks.begin('m1');
    const turn = checks.settled('m1');
    expect(await settledYet(turn)).toBe(false);
    let done = false;
    void turn.then(() => {
      done = true;
    });
    await jest.advanceTimersByTimeAsync(60);
    expect(done).toBe(true);
  });
});
