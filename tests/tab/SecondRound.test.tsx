/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Panel from '../../tab/src/ui/panel/Panel';
import { firstRound, published } from '../shared/support/appointment';
import { CHAIR, DIRECTOR, councillor } from '../shared/support/council';
import { renderFor } from './support/harness';

const SECOND_ROUND = 'Second round between Older candidate and Younger candidate';

test('on a tied appointment the chair opens the second round between the tied candidates', async () => {
  const { record } = renderFor(CHAIR, published(firstRound('wallonia')), <Panel />);
  const user = userEvent.setup();
  expect(
    screen.getByText(
      'No absolute majority: second round between Older candidate and Younger candidate',
    ),
  ).toBeTruthy();
  await user.click(screen.getByRole('button', { name: SECOND_ROUND }));
  expect(record.sent).toEqual([{ type: 'OpenVote', runoffOf: 'v1' }]);
  expect(screen.queryByRole('button', { name: SECOND_ROUND })).toBeNull();
  expect(screen.getByRole('group', { name: 'Your ballot' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Older candidate' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Third candidate' })).toBeNull();
});

test('only the chair is offered the second round', () => {
  for (const reader of [councillor(1), DIRECTOR]) {
    const { unmount } = renderFor(reader, published(firstRound('wallonia')), <Panel />);
    expect(screen.getByText(/second round between Older candidate/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: SECOND_ROUND })).toBeNull();
    unmount();
  }
});

test('an appointment that elected a candidate offers no second round', () => {
  const majority = ['cand-young', 'cand-young', 'cand-young', 'cand-old'];
  const log = firstRound('wallonia', majority, { 'cand-young': 3, 'cand-old': 1 });
  renderFor(CHAIR, published(log), <Panel />);
  expect(screen.getByText('Younger candidate is elected')).toBeTruthy();
  expect(screen.queryByRole('button', { name: /Second round/ })).toBeNull();
});
