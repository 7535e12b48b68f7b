import { createServerClock } from '../../tab/src/live/clock';

test("the service's time is the largest lower bound that events give, whatever the local clock says", () => {
  let local = 1_000_000;
  const clock = createServerClock(() => local);
  // The service runs 5 s ahead; events arrive 40 ms and 10 ms after they were stamped.
  clock.observe(new Date(local + 5_000 - 40).toISOString());
  local += 1_000;
  clock.observe(new Date(local + 5_000 - 10).toISOString());
  // An old event (replayed after a reconnection) says nothing new.
  clock.observe(new Date(local - 60_000).toISOString());
  expect(clock.now() - local).toBe(4_990);
});

test('before any event, the Date header of an answer gives the time to within a second', () => {
  const local = Date.parse('2026-11-23T18:30:00.250Z');
  const clock = createServerClock(() => local);
  clock.observeHeader('Mon, 23 Nov 2026 18:30:03 GMT');
  expect(Math.abs(clock.now() - Date.parse('2026-11-23T18:30:03.500Z'))).toBeLessThanOrEqual(500);
});
