/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { Event } from '../../shared/src';
import Details from '../../tab/src/ui/details/Details';
import { CHAIR, DIRECTOR, council, created, convened } from '../shared/support/council';
import { renderFor } from './support/harness';

/** The convocation, and with it the agenda, went out on 20 November, three days before the sitting. */
const convenedLate: Event = {
  type: 'MeetingConvened',
  convocation: { mode: 'remote', tool: 'Microsoft Teams', reason: 'crisis' },
  at: '2026-11-20T09:00:00Z',
  by: DIRECTOR,
};

/** A supplementary agenda sent the next day. */
const supplemented: Event = {
  type: 'AgendaSupplemented',
  sending: 2,
  added: [],
  withdrawn: [],
  withdrawnTitles: [],
  at: '2026-11-21T09:00:00Z',
  by: DIRECTOR,
};

async function publicationPart(): Promise<HTMLElement> {
  // The part is loaded lazily: its first import in a test run takes a while.
  const heading = await screen.findByRole(
    'heading',
    { name: 'Publication online (linked publication)' },
    { timeout: 10_000 },
  );
  return heading.closest('section') ?? document.body;
}

const rowsOf = (part: HTMLElement) =>
  within(part)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent);

test('DLB arts 285–286: the director sees each document of the linked publication, whether online, its deadline, the late ones flagged, and the rule', async () => {
  renderFor(
    DIRECTOR,
    [created(council({ members: 5, profile: 'flanders' })), convenedLate, supplemented],
    <Details />,
  );
  const part = await publicationPart();
  expect(rowsOf(part)).toEqual([
    expect.stringMatching(/^Agenda11\/20\/26.*Late$/),
    expect.stringMatching(/^Supplementary agenda 111\/21\/26.*No deadline$/),
    'Decision listNot online10 days after the sitting',
    'MinutesNot onlineOnce approved',
  ]);
  const rule = part.querySelector('[data-rule="publication"]');
  expect(rule?.textContent).toContain('the agenda is online at least 8 days before the sitting');
  expect(rule?.textContent).toContain('(DLB art. 285 and art. 286)');
});

test('where the profile sets no linked publication (Wallonia), no deadline is invented and nothing is late', async () => {
  renderFor(DIRECTOR, [created(council({ members: 5 })), convenedLate], <Details />);
  const part = await publicationPart();
  expect(rowsOf(part)).toEqual([
    expect.stringMatching(/^Agenda11\/20\/26.*Not required by the rules profile$/),
    'Decision listNot onlineNot required by the rules profile',
    'MinutesNot onlineOnce approved',
  ]);
  expect(part.querySelector('[data-rule="publication"]')?.textContent).toContain(
    'no deadline for publishing the agenda and the decision list online (the council’s house rules)',
  );
});

test('only the director sees the publication deadlines', async () => {
  renderFor(CHAIR, [created(council({ members: 5 })), convened()], <Details />);
  await screen.findByRole('tab', { name: 'Agenda' });
  expect(screen.queryByText('Publication online (linked publication)')).toBeNull();
});
