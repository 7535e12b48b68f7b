/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Panel from '../../tab/src/ui/panel/Panel';
import { ConnectionNotice } from '../../tab/src/ui/parts/ConnectionNotice';
import { CHAIR, councillor, sitting } from '../shared/support/council';
import { renderFor, renderWithText, type Network } from './support/harness';

const region = (name: string) => within(screen.getByRole('region', { name }));
const currentItem = () =>
  document.querySelector('[data-current-item]')?.getAttribute('data-current-item');

test('a refused vote is shown next to the button that opened it, as not applied', async () => {
  renderFor(CHAIR, sitting({ members: 9, present: 3 }), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Open the vote' }));
  const votes = region('Votes');
  expect(votes.getByText('Not applied')).toBeTruthy();
  expect(votes.getByText('QUORUM_NOT_REACHED')).toBeTruthy();
  // Nowhere else: the other sections show nothing of it.
  expect(screen.getAllByText('Not applied')).toHaveLength(1);
});

test('a request lost on the way is said in French to be perhaps not applied; Retry sends the same command id', async () => {
  const network: Network = { failing: 'unsent' };
  const { record } = renderFor(CHAIR, sitting(), <Panel />, { network, language: 'fr' });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Point suivant' }));
  const item = region('Point en cours');
  expect(item.getByText('Non confirmé')).toBeTruthy();
  expect(item.getByText(/n’a peut-être pas été appliquée/)).toBeTruthy();
  expect(screen.queryByText(/Failed to fetch/)).toBeNull();
  expect(currentItem()).toBe('minutes');

  network.failing = 'no';
  await user.click(item.getByRole('button', { name: 'Réessayer' }));
  expect(record.sent).toEqual([{ type: 'NextItem' }, { type: 'NextItem' }]);
  expect(record.commandIds[1]).toBe(record.commandIds[0]);
  expect(currentItem()).toBe('budget');
  expect(item.getByText('Appliqué.')).toBeTruthy();
});

test('when the answer is lost after the service applied the command, Retry learns it was applied and applies nothing twice', async () => {
  const network: Network = { failing: 'unanswered' };
  const { record } = renderFor(councillor(30), sitting(), <Panel />, { network });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Check in' }));
  const attendance = region('Attendance');
  expect(attendance.getByText('Not confirmed')).toBeTruthy();

  network.failing = 'no';
  await user.click(attendance.getByRole('button', { name: 'Try again' }));
  expect(record.commandIds).toHaveLength(2);
  expect(record.commandIds[1]).toBe(record.commandIds[0]);
  expect(attendance.getByText('Applied.')).toBeTruthy();
  expect(attendance.getByText('You are checked in.')).toBeTruthy();
  expect(attendance.queryByText('Not applied')).toBeNull();
});

test('a refusal does not outlive a lost connection; a command with no answer keeps its Retry', async () => {
  const network: Network = { failing: 'no' };
  const { connect } = renderFor(CHAIR, sitting(), <Panel />, { network });
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Previous' }));
  expect(region('Current item').getByText('START_OF_AGENDA')).toBeTruthy();
  network.failing = 'unsent';
  await user.click(screen.getByRole('button', { name: 'Open the roll call' }));
  expect(region('Attendance').getByText('Not confirmed')).toBeTruthy();

  connect('reconnecting');
  expect(screen.getByText('START_OF_AGENDA')).toBeTruthy();
  connect('live');
  expect(screen.queryByText('START_OF_AGENDA')).toBeNull();
  expect(region('Attendance').getByRole('button', { name: 'Try again' })).toBeTruthy();
});

test('a lost connection is said in words, in the panel’s language, and goes once it is back', () => {
  const { rerender } = renderWithText(<ConnectionNotice state="reconnecting" />);
  expect(screen.getByText('Reconnecting — your actions may not be sent.')).toBeTruthy();
  rerender(<ConnectionNotice state="live" />);
  expect(screen.queryByText(/Reconnecting/)).toBeNull();
});

test('what follows an applied command follows a retried one too: the proposed motion’s text is cleared', async () => {
  const network: Network = { failing: 'unsent' };
  renderFor(councillor(3), sitting(), <Panel />, { network });
  const user = userEvent.setup();
  const motions = region('Motions');
  const text = await motions.findByRole('textbox', { name: 'Propose a motion' });
  await user.type(text, 'Adjourn the item.');
  await user.click(motions.getByRole('button', { name: 'Propose' }));
  expect(motions.getByText('Not confirmed')).toBeTruthy();
  expect(text).toHaveProperty('value', 'Adjourn the item.');

  network.failing = 'no';
  await user.click(motions.getByRole('button', { name: 'Try again' }));
  expect(motions.getByText('Applied.')).toBeTruthy();
  expect(motions.getAllByText('Adjourn the item.')).toHaveLength(1);
  expect(text).toHaveProperty('value', '');
});
