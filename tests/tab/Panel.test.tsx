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

test('during the roll call the chair sees by name who has not answered', async () => {
  const { record } = renderFor(CHAIR, sitting({ members: 5, present: 5 }), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Open the roll call' }));
  expect(record.sent).toEqual([{ type: 'OpenRollCall' }]);
  const awaited = screen.getByRole('region', { name: 'Not yet answered (5)' });
  expect(awaited.textContent).toContain('Councillor 1, Councillor 2');
  // The roll call is the step at hand: it comes before the floor.
  const regions = within(screen.getByRole('tabpanel')).getAllByRole('region');
  expect(regions.indexOf(awaited)).toBeLessThan(
    regions.indexOf(screen.getByRole('region', { name: 'The floor' })),
  );
});

test('during a vote the chair sees who has not yet voted, never what anyone chose', () => {
  const log = play(
    sitting({ members: 5, present: 5, item: 'water' }),
    command(CHAIR, { type: 'OpenVote' }, 'vote-1'),
    command(C1, { type: 'CastBallot', voteId: 'vote-1', choice: 'cand-young' }),
  );
  const { container } = renderFor(CHAIR, log, <Panel />);
  const awaited = screen.getByRole('region', { name: 'Not yet voted (4)' });
  expect(awaited.textContent).not.toContain('Councillor 1');
  expect(awaited.textContent).toContain('Councillor 2');
  expect(container.textContent).not.toContain('Younger candidate: ');
});

test('the chair takes up any item from the agenda in one click', async () => {
  const { record } = renderFor(CHAIR, sitting({ members: 9, present: 9 }), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('tab', { name: 'Agenda' }));
  await screen.findByRole('region', { name: 'Agenda' });
  expect(screen.queryByRole('button', { name: 'Take up 1. Approval of the minutes' })).toBeNull();
  await user.click(
    screen.getByRole('button', { name: 'Take up 3. Representative to the water company' }),
  );
  expect(record.sent).toEqual([{ type: 'TakeUpItem', itemId: 'water' }]);
  expect(screen.getByRole('listitem', { current: 'step' }).textContent).toContain(
    '3. Representative to the water company',
  );
});

test('the panel’s tabs follow the tab pattern: one in the tab order, arrows move between them', async () => {
  renderFor(councillor(3), withQueue(), <Panel />);
  const user = userEvent.setup();
  const now = screen.getByRole('tab', { name: 'Now' });
  const agenda = screen.getByRole('tab', { name: 'Agenda' });
  expect([now.tabIndex, agenda.tabIndex]).toEqual([0, -1]);
  now.focus();
  await user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(agenda);
  expect(agenda.getAttribute('aria-selected')).toBe('true');
  expect(screen.getByRole('tabpanel', { name: 'Agenda' })).toBeTruthy();
  expect(await screen.findByRole('region', { name: 'Agenda' })).toBeTruthy();
  await user.keyboard('{ArrowLeft}');
  expect(document.activeElement).toBe(now);
  expect(screen.getByRole('button', { name: 'Ask for the floor' })).toBeTruthy();
});
