/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { Event } from '../../shared/src';
import Details from '../../tab/src/ui/details/Details';
import { CHAIR, DIRECTOR, council, created, convened } from '../shared/support/council';
import { renderFor } from './support/harness';

/** The agenda went online on 20 November, three days before the sitting: five days late. */
const agendaOnline: Event = {
  type: 'DocumentPublished',
  kind: 'agenda',
  path: '/public/testville/meeting-1/agenda',
  sha256: 'a'.repeat(64),
  asOf: 2,
  at: '2026-11-20T09:00:00Z',
  by: 'system',
};
const history = () => [created(council({ members: 5 })), convened(), agendaOnline];

test('DLB art. 285: the director sees each document of the linked publication, whether online, its deadline, and the late ones flagged', async () => {
  renderFor(DIRECTOR, history(), <Details />);
  // The part is loaded lazily: its first import in a test run takes a while.
  const heading = await screen.findByRole(
    'heading',
    { name: 'Publication online (linked publication)' },
    { timeout: 10_000 },
  );
  const part = heading.closest('section') ?? document.body;
  const rows = within(part).getAllByRole('row').slice(1);
  expect(rows.map((row) => row.textContent)).toEqual([
    expect.stringMatching(/^Agenda11\/20\/26.*Late$/),
    'Decision listNot online10 days after the sitting',
    'MinutesNot onlineOnce approved',
  ]);
});

test('only the director sees the publication deadlines', async () => {
  renderFor(CHAIR, history(), <Details />);
  await screen.findByRole('tab', { name: 'Agenda' });
  expect(screen.queryByText('Publication online (linked publication)')).toBeNull();
});
