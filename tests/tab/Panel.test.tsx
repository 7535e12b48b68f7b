/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Event } from '../../shared/src';
import Panel from '../../tab/src/ui/panel/Panel';
import { CHAIR, DIRECTOR, OBSERVER, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const C1 = councillor(1);
const C2 = councillor(2);

/** An open sitting on the first item; two councillors ask for the floor. */
function withQueue(): Event[] {
  return play(
    sitting({ present: 25 }),
    command(C1, { type: 'RequestFloor', kind: 'contribution' }),
    command(C2, { type: 'RequestFloor', kind: 'contribution' }),
  );
}

test('the chair gives the floor, moves through the agenda and opens votes', async () => {
  const { record } = renderFor(CHAIR, withQueue(), <Panel />);
  const user = userEvent.setup();
  expect(screen.getByRole('button', { name: 'Next item' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Open the vote' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Open the roll call' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Give the floor to the next' }));
  expect(record.sent).toContainEqual({ type: 'GiveFloor' });
  expect(screen.getByText('Councillor 1 has the floor')).toBeTruthy();
  expect(screen.getByRole('timer')).toBeTruthy();
});

test('a councillor asks for the floor, sees their place, and may withdraw', async () => {
  const { record } = renderFor(councillor(3), withQueue(), <Panel />);
  const user = userEvent.setup();
  expect(screen.queryByRole('button', { name: 'Give the floor to the next' })).toBeNull();
  expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Ask for the floor' }));
  expect(record.sent).toEqual([{ type: 'RequestFloor', kind: 'contribution' }]);
  expect(screen.getByText('You are 3rd in the queue (Contribution).')).toBeTruthy();
  const withdraw = screen.getByRole('button', { name: 'Withdraw' });
  await user.click(withdraw);
  expect(record.sent.at(-1)).toMatchObject({ type: 'WithdrawRequest' });
  expect(screen.queryByText(/in the queue/)).toBeNull();
});

test('a councillor not checked in is asked to check in before asking for the floor', async () => {
  const { record } = renderFor(councillor(40), withQueue(), <Panel />);
  const user = userEvent.setup();
  expect(screen.getByText('Check in to ask for the floor.')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Check in' }));
  expect(record.sent).toEqual([{ type: 'CheckIn' }]);
  expect(screen.getByRole('button', { name: 'Ask for the floor' })).toBeTruthy();
});

test('a refusal from the rules is shown next to the button that was refused, as not applied', async () => {
  const { record } = renderFor(CHAIR, sitting({ present: 25 }), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Previous' }));
  const item = within(screen.getByRole('region', { name: 'Current item' }));
  expect(item.getByText('Not applied')).toBeTruthy();
  expect(item.getByText('START_OF_AGENDA')).toBeTruthy();
  expect(record.reported).toEqual([]);
});

test('the director sees the results to publish and the attendance register, and no floor controls', () => {
  renderFor(DIRECTOR, withQueue(), <Panel />);
  expect(screen.getByRole('heading', { name: /Results to publish/ })).toBeTruthy();
  const register = screen.getByRole('heading', { name: 'Attendance register' }).closest('section');
  expect(within(register as HTMLElement).getAllByText('Present')).toHaveLength(25);
  expect(screen.queryByRole('button', { name: 'Ask for the floor' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Give the floor to the next' })).toBeNull();
});

test('an observer follows the sitting without a single button to act', () => {
  renderFor(OBSERVER, withQueue(), <Panel />);
  expect(screen.getByText('You follow this meeting as an observer.')).toBeTruthy();
  expect(screen.queryAllByRole('button')).toHaveLength(0);
});
