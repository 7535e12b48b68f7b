/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Panel from '../../tab/src/ui/panel/Panel';
import { CHAIR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

test('the chair suspends the sitting and resumes it from the panel', async () => {
  const { record } = renderFor(CHAIR, sitting({ present: 25 }), <Panel />);
  const user = userEvent.setup();
  expect(screen.getByRole('heading', { name: 'Sitting open' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Suspend the sitting' }));
  expect(record.sent).toEqual([{ type: 'SuspendSitting' }]);
  expect(screen.getByRole('heading', { name: 'Sitting suspended' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Suspend the sitting' })).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Resume the sitting' }));
  expect(record.sent.at(-1)).toEqual({ type: 'ResumeSitting' });
  expect(screen.getByRole('heading', { name: 'Sitting open' })).toBeTruthy();
});

test('a councillor has no button to suspend or resume the sitting', () => {
  const suspended = play(sitting({ present: 25 }), command(CHAIR, { type: 'SuspendSitting' }));
  renderFor(councillor(3), suspended, <Panel />);
  expect(screen.queryByRole('button', { name: /the sitting$/ })).toBeNull();
});
