/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { meetingFor, type Event, type Meeting } from '../../shared/src';
import type { Api, Outcome, Snapshot } from '../../tab/src/api/client';
import { currentQueue } from '../../tab/src/meeting';
import { useMeeting } from '../../tab/src/live/useMeeting';
import { CHAIR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { meetingAfter } from '../shared/support/payloads';

const queued = (): Event[] =>
  play(
    sitting({ present: 25 }),
    ...[1, 2, 3].map((n) =>
      command(councillor(n), { type: 'RequestFloor', kind: 'contribution' }, `r${String(n)}`),
    ),
  );

const snapshotOf = (events: Event[]): Snapshot => ({
  version: events.length,
  you: { memberId: CHAIR, role: 'chair' },
  meeting: meetingFor(meetingAfter(events), 'chair'),
});

const order = (meeting: Meeting | null) =>
  meeting ? currentQueue(meeting).requests.map((r) => r.id) : [];

/** A service whose answers the test releases one by one. */
function fakeService(first: Snapshot) {
  let snapshot = first;
  let answer: (outcome: Outcome) => void = () => undefined;
  const api = {
    meeting: () => Promise.resolve(snapshot),
    command: () =>
      new Promise<Outcome>((resolve) => {
        answer = resolve;
      }),
    streamUrl: () => 'stream',
    token: () => Promise.resolve('token'),
  } as unknown as Api;
  return {
    api,
    answer: (outcome: Outcome) => {
      answer(outcome);
    },
    setSnapshot: (next: Snapshot) => {
      snapshot = next;
    },
  };
}

beforeEach(() => {
  // The live stream never opens here: the service's answers drive the test.
  globalThis.fetch = jest.fn(() => new Promise<Response>(() => undefined));
});

test('a reorder shows at once, then settles on the order the service answers with', async () => {
  const events = queued();
  const service = fakeService(snapshotOf(events));
  const { result } = renderHook(() => useMeeting(service.api, 'meeting-1'));
  await waitFor(() => {
    expect(order(result.current.meeting)).toEqual(['r1', 'r2', 'r3']);
  });
  let moved: Promise<Outcome> = Promise.resolve({ ok: true, version: 0 });
  act(() => {
    moved = result.current.move('minutes', 'r3', 0);
  });
  expect(order(result.current.meeting)).toEqual(['r3', 'r1', 'r2']);

  // Meanwhile another request moved too: the service's order is the one that stays.
  const after = play(
    events,
    command(CHAIR, { type: 'MoveRequest', requestId: 'r3', position: 0 }),
    command(CHAIR, { type: 'MoveRequest', requestId: 'r2', position: 0 }),
  );
  service.setSnapshot(snapshotOf(after));
  await act(async () => {
    service.answer({ ok: true, version: after.length - 1 });
    await moved;
  });
  await waitFor(() => {
    expect(order(result.current.meeting)).toEqual(['r2', 'r3', 'r1']);
  });
});

test('a reorder the service refuses goes back to where it was', async () => {
  const service = fakeService(snapshotOf(queued()));
  const { result } = renderHook(() => useMeeting(service.api, 'meeting-1'));
  await waitFor(() => {
    expect(order(result.current.meeting)).toHaveLength(3);
  });
  let moved: Promise<Outcome> = Promise.resolve({ ok: true, version: 0 });
  act(() => {
    moved = result.current.move('minutes', 'r2', 2);
  });
  expect(order(result.current.meeting)).toEqual(['r1', 'r3', 'r2']);
  await act(async () => {
    service.answer({ ok: false, code: 'NOT_AUTHORIZED', message: 'no' });
    expect(await moved).toMatchObject({ ok: false });
  });
  expect(order(result.current.meeting)).toEqual(['r1', 'r2', 'r3']);
});

test('a meeting the service cannot be reached for is said in the reader’s words, not the browser’s error', async () => {
  const api = {
    meeting: () => Promise.reject(new TypeError('Failed to fetch')),
    streamUrl: () => 'stream',
    token: () => Promise.resolve('token'),
  } as unknown as Api;
  const { result } = renderHook(() =>
    useMeeting(api, 'meeting-1', undefined, 'Le service est injoignable.'),
  );
  await waitFor(() => {
    expect(result.current.failure).toBe('Le service est injoignable.');
  });
});
