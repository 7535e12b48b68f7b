/** @jest-environment jsdom */
import type { Snapshot } from '../../tab/src/api/client';
import { askEarly, takeEarly } from '../../tab/src/live/early';

const snapshot = { version: 7 } as Snapshot;

/** What fetch resolves to, as far as the tab's client reads it. */
const answer = (status: number, body: unknown) =>
  Promise.resolve({
    ok: status < 400,
    status,
    headers: { get: () => null },
    json: () => Promise.resolve(body),
  } as unknown as Response);

beforeEach(() => {
  globalThis.fetch = jest.fn(() => answer(200, snapshot));
});

test('the meeting asked for early is given once, to the same reader for the same meeting', async () => {
  const reader = () => Promise.resolve('token-a');
  const someoneElse = () => Promise.resolve('token-b');
  askEarly(reader, 'meeting-1', 'fr');
  expect(takeEarly(someoneElse, 'meeting-1')).toBeNull();
  expect(takeEarly(reader, 'meeting-2')).toBeNull();
  await expect(takeEarly(reader, 'meeting-1')).resolves.toEqual(snapshot);
  expect(takeEarly(reader, 'meeting-1')).toBeNull();
  expect(globalThis.fetch).toHaveBeenCalledTimes(1);
});

test('an early question the service refused leaves no unhandled rejection, and its taker sees the refusal', async () => {
  globalThis.fetch = jest.fn(() => answer(403, { code: 'NOT_A_MEMBER', message: 'Not a member' }));
  const reader = () => Promise.resolve('token-a');
  askEarly(reader, 'meeting-1', 'en');
  await expect(takeEarly(reader, 'meeting-1')).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
});
