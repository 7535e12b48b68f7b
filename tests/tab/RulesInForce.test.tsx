/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Details from '../../tab/src/ui/details/Details';
import { DIRECTOR, council, created } from '../shared/support/council';
import { renderFor } from './support/harness';

test('the rules view states each rule in the reader’s language, with its article and how sure its reading is', async () => {
  renderFor(DIRECTOR, [created(council({ members: 5 }))], <Details />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Rules and language' }));
  // The tab's view loads when first opened: on a busy machine that takes more than a second.
  const rules = within(
    await screen.findByRole('region', { name: 'Rules in force' }, { timeout: 10_000 }),
  );
  const majority = rules.getByText(/absolute majority of the votes cast/);
  expect(majority.textContent).toBe(
    'absolute majority of the votes cast — CDLD L1122-26 (usual reading, unconfirmed)',
  );
  expect(rules.getByText(/a tie rejects the proposal/).textContent).toContain(
    'CDLD L1122-26 and L1122-28',
  );
  expect(rules.getByText(/qualified majorities/).textContent).toBe(
    'qualified majorities the house rules provide for — the council’s house rules',
  );
});
