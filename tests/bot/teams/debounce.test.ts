import { debouncer } from '../../../bot/src/teams/debounce';

describe('shared card updates', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test('forty-seven ballots within one interval make one update, drawn from the latest state', async () => {
    const runs: number[] = [];
    const updates = debouncer(2_000, () => undefined);
    for (let ballot = 1; ballot <= 47; ballot++) {
      updates.schedule('vote-card', () => {
        runs.push(ballot);
        return Promise.resolve();
      });
      await jest.advanceTimersByTimeAsync(30);
    }
    await jest.advanceTimersByTimeAsync(2_000);
    expect(runs).toEqual([47]);
  });

  test('a card is updated at most once per interval, however long the ballots keep coming', async () => {
    const at: number[] = [];
    const updates = debouncer(2_000, () => undefined);
    const start = Date.now();
    for (let tick = 0; tick < 100; tick++) {
      updates.schedule('vote-card', () => {
        at.push(Date.now() - start);
        return Promise.resolve();
      });
      await jest.advanceTimersByTimeAsync(100);
    }
    await jest.advanceTimersByTimeAsync(2_000);
    expect(at.length).toBe(5);
    for (let i = 1; i < at.length; i++) {
      expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(2_000);
    }
  });

  test('two cards do not wait for each other', async () => {
    const runs: string[] = [];
    const updates = debouncer(2_000, () => undefined);
    updates.schedule('roll-call', () => Promise.resolve(void runs.push('roll-call')));
    updates.schedule('vote', () => Promise.resolve(void runs.push('vote')));
    await jest.advanceTimersByTimeAsync(2_000);
    expect(runs.sort()).toEqual(['roll-call', 'vote']);
  });

  test('a failed update is reported and the next one still runs', async () => {
    const errors: unknown[] = [];
    const runs: string[] = [];
    const updates = debouncer(2_000, (error) => errors.push(error));
    updates.schedule('card', () => Promise.reject(new Error('connector down')));
    await jest.advanceTimersByTimeAsync(2_000);
    updates.schedule('card', () => Promise.resolve(void runs.push('second')));
    await jest.advanceTimersByTimeAsync(2_000);
    expect(errors).toHaveLength(1);
    expect(runs).toEqual(['second']);
  });

  test('stopping drops the updates still waiting', async () => {
    const runs: string[] = [];
    const updates = debouncer(2_000, () => undefined);
    updates.schedule('card', () => Promise.resolve(void runs.push('late')));
    await updates.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toEqual([]);
  });
});
