import {
  burstFigure,
  streamFigures,
  tenMeetingsRow,
  twoInstancesRow,
  type SingleFigure,
} from '../../bench/scale-goals';
import type { BurstResult } from '../../bench/scenarios/ballot-burst';
import type { MeetingFigures, TogetherResult } from '../../bench/scenarios/voting-together';

const meeting = (p99Ms: number, overrides: Partial<MeetingFigures> = {}): MeetingFigures => ({
  ballots: 100,
  p50Ms: p99Ms / 2,
  p99Ms,
  lost: 0,
  duplicated: 0,
  counted: true,
  ...overrides,
});

const together = (overrides: Partial<TogetherResult> = {}): TogetherResult => ({
  channel: 'api',
  db: 'postgres',
  instances: 1,
  meetings: 10,
  votersPerMeeting: 100,
  ballotsPerSec: 900,
  p50Ms: 500,
  p99Ms: 1_000,
  perMeeting: Array.from({ length: 10 }, () => meeting(1_000)),
  lost: 0,
  duplicated: 0,
  unacknowledged: 0,
  miscounted: 0,
  serviceCpuMsPerBallot: 1,
  streams: [],
  setupMs: 1,
  ...overrides,
});

const oneMeeting: SingleFigure = { ballotsPerSec: 1_000, from: 'measured' };

describe('ten meetings voting at once', () => {
  test('met at 0.9 of one meeting, every meeting within 2× of another', () => {
    const row = tenMeetingsRow(together(), oneMeeting);
    expect({ ratio: row.ratio, spread: row.p99Spread, met: row.met }).toEqual({
      ratio: 0.9,
      spread: 1,
      met: true,
    });
  });

  test("a meeting waiting more than 2× another's p99 misses the goal at full throughput", () => {
    const perMeeting = [meeting(400), ...Array.from({ length: 9 }, () => meeting(900))];
    const row = tenMeetingsRow(together({ perMeeting, ballotsPerSec: 1_000 }), oneMeeting);
    expect({ spread: row.p99Spread, met: row.met }).toEqual({ spread: 2.25, met: false });
  });

  test('missed below 0.8 of one meeting, and with a ballot lost or a meeting miscounted', () => {
    expect(tenMeetingsRow(together({ ballotsPerSec: 790 }), oneMeeting).met).toBe(false);
    expect(tenMeetingsRow(together({ lost: 1 }), oneMeeting).met).toBe(false);
    expect(tenMeetingsRow(together({ miscounted: 1 }), oneMeeting).met).toBe(false);
  });
});

describe('two instances on one PostgreSQL', () => {
  const everyEvent = [101, 102, 103, 104];
  const streams = [
    streamFigures(0, everyEvent, everyEvent),
    streamFigures(1, everyEvent, everyEvent),
  ];
  const split = (overrides: Partial<TogetherResult>) =>
    together({ instances: 2, meetings: 1, votersPerMeeting: 1_000, streams, ...overrides });

  test('a stream is checked against the log by sequence number', () => {
    expect(streamFigures(1, everyEvent, [101, 103, 103, 104])).toEqual({
      instance: 1,
      events: 4,
      missing: 1,
      duplicated: 1,
    });
  });

  test('met at 1.6× one instance with every stream complete', () => {
    const row = twoInstancesRow(split({ ballotsPerSec: 1_600 }), oneMeeting);
    expect({ voters: row.voters, ratio: row.ratio, met: row.met }).toEqual({
      voters: 1_000,
      ratio: 1.6,
      met: true,
    });
  });

  test('missed when a stream lost or repeated an event, or one instance had none', () => {
    const fast = { ballotsPerSec: 1_600 };
    const gap = [streams[0], streamFigures(1, everyEvent, [101, 102, 104])];
    const twice = [streams[0], streamFigures(1, everyEvent, [...everyEvent, 104])];
    for (const broken of [gap, twice, streams.slice(0, 1)]) {
      const row = twoInstancesRow(
        split({ ...fast, streams: broken as typeof streams }),
        oneMeeting,
      );
      expect(row.met).toBe(false);
    }
  });

  test('missed below 1.5× one instance, and with a ballot doubled', () => {
    expect(twoInstancesRow(split({ ballotsPerSec: 1_400 }), oneMeeting).met).toBe(false);
    expect(twoInstancesRow(split({ ballotsPerSec: 1_600, duplicated: 1 }), oneMeeting).met).toBe(
      false,
    );
  });
});

test("the single meeting is the same run's burst of as many voters, channel and database", () => {
  const burst = (channel: BurstResult['channel'], db: BurstResult['db'], voters: number) =>
    ({ channel, db, voters, ballotsPerSec: voters + (channel === 'bot' ? 1 : 0) }) as BurstResult;
  const bursts = [
    burst('api', 'pglite', 1_000),
    burst('bot', 'postgres', 1_000),
    burst('api', 'postgres', 49),
  ];
  expect(burstFigure(bursts, 'bot', 'postgres', 1_000)).toEqual({
    ballotsPerSec: 1_001,
    from: 'burst',
  });
  expect(burstFigure(bursts, 'api', 'postgres', 1_000)).toBeUndefined();
});
