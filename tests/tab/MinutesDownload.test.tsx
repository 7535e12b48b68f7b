/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createApi } from '../../tab/src/api/client';
import Panel from '../../tab/src/ui/panel/Panel';
import { DIRECTOR, councillor, sitting } from '../shared/support/council';
import { renderFor } from './support/harness';

const PDF = '%PDF-1.7 minutes';
const FILE_NAME = 'proces-verbal-ville-de-meuse-sur-ourthe-2026-11-23-draft.pdf';

/** The service as `fetch` sees it: the minutes for a bearer token, a 401 without one. */
function fakeService(token: string) {
  const calls: { url: string; authorization: string | undefined }[] = [];
  const pdf = new Blob([PDF], { type: 'application/pdf' });
  const fetch = jest.fn((url: string, init: RequestInit = {}) => {
    const authorization = (init.headers as Record<string, string> | undefined)?.authorization;
    calls.push({ url, authorization });
    const ok = authorization === `Bearer ${token}`;
    return Promise.resolve({
      ok,
      status: ok ? 200 : 401,
      headers: {
        get: (name: string) =>
          ok && name.toLowerCase() === 'content-disposition'
            ? `attachment; filename="${FILE_NAME}"`
            : null,
      },
      blob: () => Promise.resolve(pdf),
      json: () => Promise.resolve({ code: 'UNAUTHENTICATED', message: 'Sign-in required.' }),
    });
  });
  return { fetch, calls, pdf };
}

/** What the page saved: each link clicked to download, with the blob behind it. */
function downloads() {
  const blobs = new Map<string, Blob>();
  let next = 0;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    const url = `blob:minutes-${String(++next)}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = jest.fn();
  const saved: { fileName: string; blob: Blob | undefined }[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(
    this: HTMLAnchorElement,
  ) {
    saved.push({ fileName: this.download, blob: blobs.get(this.href) });
  });
  return saved;
}

afterEach(() => {
  jest.restoreAllMocks();
});

/** The director's side panel, signed in with `token`, talking to a service that accepts `valid`. */
function directorPanel(token: string, valid: string) {
  const service = fakeService(valid);
  global.fetch = service.fetch as unknown as typeof fetch;
  const saved = downloads();
  const api = createApi({ token: () => Promise.resolve(token), language: 'en' });
  const { record } = renderFor(DIRECTOR, sitting({ members: 9, present: 5 }), <Panel />, { api });
  const download = () =>
    userEvent.setup().click(screen.getByRole('button', { name: 'Download the minutes (PDF)' }));
  return { service, saved, record, download };
}

test('the director downloads the minutes from the side panel, fetched with their bearer token', async () => {
  const { service, saved, record, download } = directorPanel('director-token', 'director-token');
  expect(screen.getByText('A draft until the meeting closes.')).toBeTruthy();
  await download();
  await waitFor(() => {
    expect(saved).toHaveLength(1);
  });
  expect(service.calls).toEqual([
    { url: '/api/meetings/meeting-1/minutes.pdf', authorization: 'Bearer director-token' },
  ]);
  // The name the service gives the file, as the bot's file card does.
  expect(saved[0]?.fileName).toBe(FILE_NAME);
  expect(saved[0]?.blob).toBe(service.pdf);
  expect(record.reported).toEqual([null]);
});

test('a refused download is reported to the director and saves nothing', async () => {
  const { saved, record, download } = directorPanel('expired', 'director-token');
  await download();
  await waitFor(() => {
    expect(record.reported).toEqual(['Sign-in required.']);
  });
  expect(saved).toEqual([]);
});

test('councillors have no minutes button in their side panel', () => {
  renderFor(councillor(1), sitting({ members: 9, present: 5 }), <Panel />);
  expect(screen.queryByRole('button', { name: 'Download the minutes (PDF)' })).toBeNull();
});
