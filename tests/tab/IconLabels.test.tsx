/** @jest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AgendaEditor } from '../../tab/src/ui/details/AgendaEditor';
import { Floor } from '../../tab/src/ui/parts/Floor';
import { CHAIR, DIRECTOR, council, councillor, created, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor, tooltipsLoaded } from './support/harness';

/** Councillors 1 and 2 have asked for the floor, in that order. */
const twoWaiting = () =>
  play(
    sitting({ members: 9, present: 9 }),
    command(councillor(1), { type: 'RequestFloor', kind: 'contribution' }),
    command(councillor(2), { type: 'RequestFloor', kind: 'contribution' }),
  );

test('each icon button of the chair\u2019s queue is named for what it does and to whom', async () => {
  renderFor(CHAIR, twoWaiting(), <Floor />);
  await tooltipsLoaded();
  const queue = screen.getByRole('list', { name: 'Speaking queue' });
  for (const name of [
    'Move Councillor 2 up',
    'Move Councillor 1 down',
    'Give the floor to Councillor 1',
    'Remove Councillor 2 from the queue',
  ]) {
    expect(within(queue).getByRole('button', { name })).toBeTruthy();
  }
});

test('the queue\u2019s buttons are named in the panel\u2019s language', async () => {
  renderFor(CHAIR, twoWaiting(), <Floor />, { language: 'fr' });
  await tooltipsLoaded();
  const queue = screen.getByRole('list', { name: 'File des orateurs' });
  expect(within(queue).getByRole('button', { name: 'Monter Councillor 2' })).toBeTruthy();
  expect(
    within(queue).getByRole('button', { name: 'Donner la parole à Councillor 1' }),
  ).toBeTruthy();
  expect(
    within(queue).getByRole('button', { name: 'Retirer Councillor 2 de la file' }),
  ).toBeTruthy();
});

test('an icon button shows its label as a tooltip when the pointer rests on it', async () => {
  renderFor(CHAIR, twoWaiting(), <Floor />, { language: 'de' });
  const user = userEvent.setup();
  await user.hover(screen.getByRole('button', { name: 'Councillor 1 das Wort erteilen' }));
  expect((await screen.findByRole('tooltip')).textContent).toBe('Councillor 1 das Wort erteilen');
});

test('an icon button shows its tooltip on keyboard focus too', async () => {
  renderFor(DIRECTOR, [created(council({ members: 5 }))], <AgendaEditor editable />);
  await tooltipsLoaded();
  act(() => {
    screen.getByRole('button', { name: 'Move Item 1 down' }).focus();
  });
  await userEvent.setup().tab();
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove Item 1' }));
  expect((await screen.findByRole('tooltip')).textContent).toBe('Remove Item 1');
});
