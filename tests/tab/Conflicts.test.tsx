/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Panel from '../../tab/src/ui/panel/Panel';
import { CHAIR, DIRECTOR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const conflicts = () => screen.getByRole('region', { name: 'Conflicts of interest' });
/** A member's panel keeps conflicts in its Agenda tab, whose code loads when it opens. */
async function openAgenda(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('tab', { name: 'Agenda' }));
  await screen.findByRole('region', { name: 'Conflicts of interest' });
}

test('a councillor declares a conflict of interest on an item, and the panel shows who is in conflict', async () => {
  const { record } = renderFor(councillor(1), sitting({ members: 9, present: 9 }), <Panel />);
  const user = userEvent.setup();
  await openAgenda(user);
  await user.selectOptions(
    within(conflicts()).getByRole('combobox', { name: 'Item' }),
    '2. Budget amendment',
  );
  await user.click(screen.getByRole('button', { name: 'Declare my conflict of interest' }));
  expect(record.sent).toEqual([{ type: 'DeclareConflict', itemId: 'budget' }]);
  expect(within(conflicts()).getByRole('listitem').textContent.trim()).toBe(
    '2. Budget amendment: Councillor 1',
  );
  // A councillor names no other member.
  expect(within(conflicts()).queryByRole('combobox', { name: 'Member' })).toBeNull();
});

test('the chair records a conflict for a member and lifts it before its item is taken up', async () => {
  const { record } = renderFor(CHAIR, sitting({ members: 9, present: 9 }), <Panel />);
  const user = userEvent.setup();
  await openAgenda(user);
  await user.selectOptions(
    within(conflicts()).getByRole('combobox', { name: 'Item' }),
    '2. Budget amendment',
  );
  await user.selectOptions(
    within(conflicts()).getByRole('combobox', { name: 'Member' }),
    'Councillor 3',
  );
  await user.click(screen.getByRole('button', { name: 'Record the conflict of interest' }));
  expect(record.sent).toEqual([
    { type: 'DeclareConflict', itemId: 'budget', member: councillor(3) },
  ]);
  expect(within(conflicts()).getByRole('listitem').textContent).toContain('Councillor 3');
  await user.click(within(conflicts()).getByRole('button', { name: 'Lift' }));
  expect(record.sent.at(-1)).toEqual({
    type: 'LiftConflict',
    itemId: 'budget',
    member: councillor(3),
  });
  expect(within(conflicts()).queryByRole('listitem')).toBeNull();
});

test('the director sees who left the room for the item under debate, and offers nothing to declare', async () => {
  const log = play(
    sitting({ members: 9, present: 9 }),
    command(councillor(2), { type: 'DeclareConflict', itemId: 'budget' }),
    command(CHAIR, { type: 'NextItem' }),
  );
  renderFor(DIRECTOR, log, <Panel />);
  await screen.findByRole('region', { name: 'Conflicts of interest' });
  expect(within(conflicts()).getByRole('listitem').textContent.trim()).toBe(
    '2. Budget amendment: Councillor 2 (out of the room for this item)',
  );
  expect(within(conflicts()).queryByRole('button')).toBeNull();
  expect(within(conflicts()).queryByRole('combobox')).toBeNull();
});

test('an item already dealt with is not offered, and a passed item’s conflict cannot be lifted', async () => {
  const log = play(
    sitting({ members: 9, present: 9 }),
    command(CHAIR, { type: 'DeclareConflict', itemId: 'budget', member: councillor(4) }),
    command(CHAIR, { type: 'NextItem' }),
    command(CHAIR, { type: 'NextItem' }),
  );
  renderFor(CHAIR, log, <Panel />);
  await openAgenda(userEvent.setup());
  const options = within(within(conflicts()).getByRole('combobox', { name: 'Item' }))
    .getAllByRole('option')
    .map((option) => option.textContent);
  expect(options).toEqual(['3. Representative to the water company', '4. Staff appointment']);
  expect(within(conflicts()).queryByRole('button', { name: 'Lift' })).toBeNull();
});
