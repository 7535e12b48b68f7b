/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeetingSetup } from '../../shared/src';
import { AgendaEditor } from '../../tab/src/ui/details/AgendaEditor';
import { DIRECTOR, council, created } from '../shared/support/council';
import { renderFor, tooltipsLoaded } from './support/harness';

/** A French-speaking commune that writes its agenda in French only. */
function frenchOnly(): MeetingSetup {
  const setup = council({ members: 5 });
  return {
    ...setup,
    language: 'fr',
    agenda: setup.agenda.map((item) => ({ ...item, title: { fr: `${item.id} (fr)` } })),
  };
}

const titleField = (item: HTMLElement, language: string) =>
  within(item).getByRole<HTMLInputElement>('textbox', {
    name: new RegExp(`^Title in ${language}`),
  });

test('the agenda editor requires the title in the meeting\u2019s language only, and offers it first', async () => {
  renderFor(DIRECTOR, [created(frenchOnly())], <AgendaEditor editable />);
  await tooltipsLoaded();
  const item = screen.getByRole('listitem', { name: 'Item 1' });
  expect(titleField(item, 'French').required).toBe(true);
  for (const language of ['Dutch', 'German', 'English']) {
    expect(titleField(item, language).required).toBe(false);
  }
  expect(within(item).getAllByText('optional')).toHaveLength(3);
  const order = within(item)
    .getAllByRole('textbox')
    .slice(0, 4)
    .map((input) => input.getAttribute('lang'));
  expect(order).toEqual(['fr', 'nl', 'de', 'en']);
});

test('a French-only commune saves a new item with its French title alone', async () => {
  const { record } = renderFor(DIRECTOR, [created(frenchOnly())], <AgendaEditor editable />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Add an item' }));
  const item = screen.getByRole('listitem', { name: 'Item 5' });
  await user.type(titleField(item, 'French'), 'Nomination');
  await user.click(screen.getByRole('button', { name: 'Save the agenda' }));
  const sent = record.sent[0];
  expect(sent?.type === 'ReviseAgenda' && sent.agenda.at(-1)?.title).toEqual({ fr: 'Nomination' });
  await waitFor(() => {
    expect(screen.getByText('Saved.')).toBeTruthy();
  });
  expect(record.reported).toEqual([]);
});

test('in an English meeting, English is the required title and comes first', async () => {
  renderFor(DIRECTOR, [created(council({ members: 5 }))], <AgendaEditor editable />);
  await tooltipsLoaded();
  const item = screen.getByRole('listitem', { name: 'Item 1' });
  expect(titleField(item, 'English').required).toBe(true);
  expect(titleField(item, 'French').required).toBe(false);
  expect(within(item).getAllByRole('textbox')[0]?.getAttribute('lang')).toBe('en');
});

test('an item without its title in the meeting\u2019s language is not sent: the form asks for it', async () => {
  const { record } = renderFor(DIRECTOR, [created(frenchOnly())], <AgendaEditor editable />);
  const user = userEvent.setup();
  const item = screen.getByRole('listitem', { name: 'Item 2' });
  await user.clear(titleField(item, 'French'));
  await user.click(screen.getByRole('button', { name: 'Save the agenda' }));
  expect(titleField(item, 'French').validity.valueMissing).toBe(true);
  expect(record.sent).toEqual([]);
});
