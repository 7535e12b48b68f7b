/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Event } from '../../shared/src';
import Panel from '../../tab/src/ui/panel/Panel';
import { CHAIR, councillor, firstMembers, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

/** An open sitting on the first item: Councillor 1 has the floor, Councillor 2 waits. */
function speaking(): Event[] {
  return play(
    sitting({ present: 25 }),
    command(councillor(1), { type: 'RequestFloor', kind: 'contribution' }),
    command(councillor(2), { type: 'RequestFloor', kind: 'contribution' }),
    command(CHAIR, { type: 'GiveFloor' }),
  );
}

/** A named vote open on the first item: of the 25 members present, all but `missing` voted. */
function voted(missing: number): Event[] {
  return play(
    sitting({ present: 25 }),
    command(CHAIR, { type: 'OpenVote', secret: false }, 'vote-1'),
    ...firstMembers(25 - missing).map((member) =>
      command(member, { type: 'CastBallot', voteId: 'vote-1', choice: 'yes' }),
    ),
  );
}

/**
 * The dialog asked, once its code has loaded (it is loaded on first use) and, when it opens again,
 * once the previous closing has let go of it.
 */
async function asked(name: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('dialog', { name }, { timeout: 10_000 });
  await waitFor(() => {
    expect(dialog.closest('[aria-hidden="true"]')).toBeNull();
  });
  return dialog;
}

const dialogGone = () =>
  waitFor(() => {
    expect(screen.queryByRole('dialog')).toBeNull();
  });

test('closing the sitting asks first; Cancel changes nothing and gives the focus back', async () => {
  const { record } = renderFor(CHAIR, sitting(), <Panel />);
  const user = userEvent.setup();
  const close = screen.getByRole('button', { name: 'Close the sitting' });
  await user.click(close);
  const dialog = await asked('Close the sitting?');
  expect(dialog.textContent).toContain('cannot be reopened');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await dialogGone();
  expect(record.sent).toEqual([]);
  expect(document.activeElement).toBe(close);

  await user.click(close);
  const again = await asked('Close the sitting?');
  await user.click(within(again).getByRole('button', { name: 'Close the sitting' }));
  expect(record.sent).toEqual([{ type: 'CloseMeeting' }]);
});

test('checking out asks first, and Escape cancels it', async () => {
  const { record } = renderFor(councillor(3), sitting(), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Check out' }));
  await asked('Check out of the sitting?');
  await user.keyboard('{Escape}');
  await dialogGone();
  expect(record.sent).toEqual([]);
  expect(screen.getByText('You are checked in.')).toBeTruthy();
});

test('closing a vote says how many members have not voted; Cancel leaves it open', async () => {
  const { record } = renderFor(CHAIR, voted(1), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Close the vote' }));
  const dialog = await asked('Close the vote?');
  expect(dialog.textContent).toContain('1 member has not voted yet.');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await dialogGone();
  expect(record.sent).toEqual([]);
  expect(screen.getByRole('heading', { name: 'Named vote open' })).toBeTruthy();
});

test('a vote that every member present has voted in closes without a question', async () => {
  // Councillor 24 left after the vote opened: closing takes nothing from anyone in the room.
  const history = play(
    sitting({ present: 25 }),
    command(CHAIR, { type: 'OpenVote', secret: false }, 'vote-1'),
    command(councillor(24), { type: 'CheckOut' }),
    ...firstMembers(24).map((member) =>
      command(member, { type: 'CastBallot', voteId: 'vote-1', choice: 'yes' }),
    ),
  );
  const { record } = renderFor(CHAIR, history, <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Close the vote' }));
  expect(record.sent).toEqual([{ type: 'CloseVote', voteId: 'vote-1' }]);
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('moving on while a member speaks and another waits says so, and Cancel keeps the item', async () => {
  const { record } = renderFor(CHAIR, speaking(), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Next item' }));
  const dialog = await asked('Move to the next item?');
  expect(dialog.textContent).toContain('Councillor 1 has the floor');
  expect(dialog.textContent).toContain('1 request to speak is waiting on this item');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await dialogGone();

  // The order of business is on the chair's Agenda tab, loaded when first opened.
  await user.click(screen.getByRole('tab', { name: 'Agenda' }));
  const controls = within(await screen.findByRole('region', { name: 'Order of business' }));
  await user.selectOptions(controls.getByRole('combobox', { name: 'Item' }), 'water');
  await user.click(controls.getByRole('button', { name: 'Take up' }));
  const jump = await asked('Take up another item?');
  await user.click(within(jump).getByRole('button', { name: 'Cancel' }));
  await dialogGone();
  expect(record.sent).toEqual([]);
  await user.click(screen.getByRole('tab', { name: 'Now' }));
  expect(screen.getByText('Councillor 1 has the floor')).toBeTruthy();
});

test('with nobody speaking or waiting, the next item is taken up without a question', async () => {
  const { record } = renderFor(CHAIR, sitting(), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Next item' }));
  expect(record.sent).toEqual([{ type: 'NextItem' }]);
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('removing a member from the queue names them, and acts only once confirmed', async () => {
  const { record } = renderFor(CHAIR, speaking(), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Remove Councillor 2 from the queue' }));
  const dialog = await asked('Remove Councillor 2 from the queue?');
  expect(record.sent).toEqual([]);
  await user.click(within(dialog).getByRole('button', { name: 'Remove from the queue' }));
  expect(record.sent.map((sent) => sent.type)).toEqual(['WithdrawRequest']);
  expect(screen.getByText('Nobody is waiting for the floor.')).toBeTruthy();
});
