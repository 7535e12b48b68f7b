/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Event } from '../../shared/src';
import { createApi } from '../../tab/src/api/client';
import { MinutesSigning } from '../../tab/src/ui/parts/MinutesSigning';
import { CHAIR, DIRECTOR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const PDF = 'a'.repeat(64);
const LAST = 'b'.repeat(64);

function closed(): Event[] {
  return play(
    sitting({ members: 9, present: 5, tellers: false }),
    command(CHAIR, { type: 'CloseMeeting' }),
  );
}

function submitted(): Event[] {
  return play(
    closed(),
    command(DIRECTOR, { type: 'SubmitMinutes', seq: 9, pdf: PDF, lastEvent: LAST }),
  );
}

/** The tab's API with the minutes' routes answered here. */
function fakeApi() {
  const api = createApi({ token: () => Promise.resolve('token'), language: 'en' });
  const signedMinutesPdf = jest.fn(() =>
    Promise.resolve({ pdf: new Blob(['%PDF']), fileName: 'minutes.pdf' }),
  );
  const minutesSigning = jest.fn(() =>
    Promise.resolve({ final: { seq: 9, pdf: PDF, lastEvent: LAST } }),
  );
  return { ...api, signedMinutesPdf, minutesSigning };
}

beforeEach(() => {
  URL.createObjectURL = jest.fn(() => 'blob:minutes');
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
});

test('the director submits the final minutes the service names, with their hashes', async () => {
  const api = fakeApi();
  const { record } = renderFor(DIRECTOR, closed(), <MinutesSigning />, { api });
  await userEvent.setup().click(screen.getByRole('button', { name: 'Submit for signature' }));
  await waitFor(() => {
    expect(record.sent).toEqual([{ type: 'SubmitMinutes', seq: 9, pdf: PDF, lastEvent: LAST }]);
  });
  expect(await screen.findByText('The Chair: waiting')).toBeTruthy();
});

test('a signatory approves only after reading the submitted minutes, and approves their hashes', async () => {
  const api = fakeApi();
  const { record } = renderFor(CHAIR, submitted(), <MinutesSigning />, { api });
  const user = userEvent.setup();
  const approve = screen.getByRole('button', { name: 'I approve these minutes' });
  expect(approve.hasAttribute('disabled')).toBe(true);
  expect(screen.getByText('Read the submitted minutes before you approve them.')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Read the submitted minutes' }));
  await waitFor(() => {
    expect(api.signedMinutesPdf).toHaveBeenCalledWith('meeting-1', 'submitted');
  });
  await waitFor(() => {
    expect(approve.hasAttribute('disabled')).toBe(false);
  });
  await user.click(approve);
  await waitFor(() => {
    expect(record.sent).toEqual([{ type: 'ApproveMinutes', pdf: PDF, lastEvent: LAST }]);
  });
  expect(await screen.findByText('You have approved these minutes.')).toBeTruthy();
});

test('a councillor who does not sign sees who signs, and no button to approve', () => {
  renderFor(councillor(1), submitted(), <MinutesSigning />, { api: fakeApi() });
  expect(screen.getByText('The Chair: waiting')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'I approve these minutes' })).toBeNull();
});
