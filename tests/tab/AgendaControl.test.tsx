/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Panel from '../../tab/src/ui/panel/Panel';
import Stage from '../../tab/src/ui/stage/Stage';
import { CHAIR, councillor, DIRECTOR, OBSERVER, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const onMinutes = () => sitting({ members: 9, present: 9, item: 'minutes' });
const controls = () => within(screen.getByRole('region', { name: 'Order of business' }));
/** The chair's rarer controls live in the panel's Agenda tab, whose code loads when it opens. */
const agendaTab = () => screen.getByRole('tab', { name: 'Agenda' });
async function openAgenda(user: ReturnType<typeof userEvent.setup>) {
  await user.click(agendaTab());
  await screen.findByRole('region', { name: 'Order of business' });
}

test('the chair withdraws a chosen item, which can then no longer be chosen', async () => {
  const { record } = renderFor(CHAIR, onMinutes(), <Panel />);
  const user = userEvent.setup();
  await openAgenda(user);
  await user.selectOptions(controls().getByRole('combobox', { name: 'Item' }), 'budget');
  await user.click(controls().getByRole('button', { name: 'Withdraw' }));
  expect(record.sent).toEqual([{ type: 'WithdrawItem', itemId: 'budget' }]);
  expect(controls().queryByRole('option', { name: /Budget amendment/ })).toBeNull();
});

test('the chair takes up a chosen item and postpones another', async () => {
  const { record } = renderFor(CHAIR, onMinutes(), <Panel />);
  const user = userEvent.setup();
  await openAgenda(user);
  const item = controls().getByRole('combobox', { name: 'Item' });
  await user.selectOptions(item, 'water');
  await user.click(controls().getByRole('button', { name: 'Take up' }));
  await user.selectOptions(item, 'staff');
  await user.click(controls().getByRole('button', { name: 'Postpone' }));
  expect(record.sent).toEqual([
    { type: 'TakeUpItem', itemId: 'water' },
    { type: 'PostponeItem', itemId: 'staff' },
  ]);
  expect(controls().queryByText('Not applied')).toBeNull();
});

test('the chair puts closed session to the vote, shown as a vote on closed session', async () => {
  const { record } = renderFor(CHAIR, onMinutes(), <Panel />);
  const user = userEvent.setup();
  await openAgenda(user);
  await user.click(controls().getByRole('button', { name: 'Closed session for this item' }));
  expect(record.sent).toEqual([{ type: 'MoveToClosedSession' }]);
  // The vote it opens calls the chair back to the current step.
  expect(screen.getByRole('tab', { name: 'Now' }).getAttribute('aria-selected')).toBe('true');
  expect(screen.getAllByText('Vote on closed session').length).toBeGreaterThan(0);
  await openAgenda(user);
  expect(controls().getByRole('button', { name: 'Take up' })).toHaveProperty('disabled', true);
});

test('an urgent item is proposed with the title the chair typed', async () => {
  const { record } = renderFor(CHAIR, onMinutes(), <Panel />);
  const user = userEvent.setup();
  await openAgenda(user);
  await user.type(controls().getByRole('textbox', { name: 'Urgent item (title)' }), 'Storm damage');
  await user.click(controls().getByRole('button', { name: 'Propose as urgent' }));
  expect(record.sent).toEqual([
    { type: 'ProposeUrgentItem', title: 'Storm damage', subject: 'general' },
  ]);
  expect(screen.getAllByText('Vote on urgency: Storm damage').length).toBeGreaterThan(0);
});

test('only the chair has the order of business', () => {
  for (const reader of [councillor(1), DIRECTOR, OBSERVER]) {
    const { unmount } = renderFor(reader, onMinutes(), <Panel />);
    expect(screen.queryByRole('region', { name: 'Order of business' })).toBeNull();
    unmount();
  }
});

test('once the item is behind closed doors, the observer’s panel and the stage say "Closed session"', () => {
  const closed = play(
    onMinutes(),
    command(CHAIR, { type: 'MoveToClosedSession', because: 'person' }),
  );
  const panel = renderFor(OBSERVER, closed, <Panel />);
  expect(screen.getByText('Closed session')).toBeTruthy();
  expect(screen.queryByText(/Approval of the minutes/)).toBeNull();
  panel.unmount();
  for (const reader of [OBSERVER, councillor(1)]) {
    const { container, unmount } = renderFor(reader, closed, <Stage />);
    expect(container.querySelector('h2')?.textContent).toBe('Closed session');
    expect(container.textContent).not.toContain('Approval of the minutes');
    unmount();
  }
});

test('the agenda marks the items withdrawn and postponed', () => {
  const log = play(
    onMinutes(),
    command(CHAIR, { type: 'WithdrawItem', itemId: 'budget' }),
    command(CHAIR, { type: 'PostponeItem', itemId: 'water' }),
  );
  const agenda = () => within(screen.getByRole('region', { name: 'Agenda' }));
  renderFor(OBSERVER, log, <Panel />);
  expect(agenda().getByText('2. Budget amendment (withdrawn)')).toBeTruthy();
  expect(agenda().getByText('3. Representative to the water company (postponed)')).toBeTruthy();
});
