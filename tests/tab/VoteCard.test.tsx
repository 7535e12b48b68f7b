/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Panel from '../../tab/src/ui/panel/Panel';
import { CHAIR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';
import { secretVoteOpened } from './support/tellers';

const C2 = councillor(2);
const card = () =>
  screen.getByRole('region', { name: /(vote|ballot) open|Vote closed|Result published/ });

/** A named vote on the approval of the minutes, under the profile given. */
const namedVote = (profile: 'wallonia' | 'flanders' = 'wallonia') =>
  play(
    sitting({ present: 25, item: 'minutes', profile }),
    command(C2, { type: 'ProposeMotion', text: 'Approve the minutes as read.' }),
    command(CHAIR, { type: 'OpenVote', secret: false }, 'vote-1'),
  );

const closedAndCounted = () =>
  play(
    namedVote(),
    command(C2, { type: 'CastBallot', voteId: 'vote-1', choice: 'yes' }),
    command(CHAIR, { type: 'CastBallot', voteId: 'vote-1', choice: 'yes' }),
    command(CHAIR, { type: 'CloseVote', voteId: 'vote-1' }),
    command('system', { type: 'CountVote', voteId: 'vote-1' }),
  );

test('an open vote is the first thing in a councillor’s panel, its choices as buttons', () => {
  renderFor(C2, namedVote(), <Panel />);
  const now = screen.getByRole('tabpanel');
  expect(within(now).getAllByRole('region')[0]).toBe(card());
  expect(within(card()).getByRole('heading', { name: 'Named vote open' })).toBeTruthy();
  expect(within(card()).getByText('Approval of the minutes')).toBeTruthy();
  const ballot = within(card()).getByRole('group', { name: 'Your ballot' });
  expect(
    within(ballot)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual(['Yes', 'No', 'Abstain']);
});

test('a named vote is recorded with its time, and may be changed until the vote closes', async () => {
  const { record } = renderFor(C2, namedVote('wallonia'), <Panel />);
  await userEvent.setup().click(within(card()).getByRole('button', { name: 'No' }));
  expect(record.sent).toEqual([{ type: 'CastBallot', voteId: 'vote-1', choice: 'no' }]);
  expect(within(card()).getByText('Your vote: No')).toBeTruthy();
  expect(within(card()).getByRole('status').textContent).toMatch(
    /^Recorded at \d{1,2}:\d{2}( [AP]M)? — you can change it until the vote closes\.$/,
  );
  expect(within(card()).getByRole('button', { name: 'Yes' })).toHaveProperty('disabled', false);
});

test('where the rules forbid a change, the recorded vote says it cannot be changed', async () => {
  renderFor(C2, namedVote('flanders'), <Panel />);
  await userEvent.setup().click(within(card()).getByRole('button', { name: 'Yes' }));
  expect(within(card()).getByRole('status').textContent).toMatch(
    /^Recorded at \d{1,2}:\d{2}( [AP]M)? — it cannot be changed\.$/,
  );
  expect(within(card()).getByRole('button', { name: 'No' })).toHaveProperty('disabled', true);
});

test('a secret ballot is in the box: no choice, no button left to press', async () => {
  const { history: secret } = await secretVoteOpened(
    sitting({ present: 25, item: 'water', tellers: false }),
  );
  const { container } = renderFor(C2, secret, <Panel />);
  await userEvent.setup().click(within(card()).getByRole('button', { name: 'Older candidate' }));
  expect((await within(card()).findByRole('status')).textContent).toBe(
    'Your secret ballot is in the box — it cannot be changed or shown.',
  );
  expect(within(card()).queryByRole('button')).toBeNull();
  expect(container.textContent).not.toContain('Older candidate');
});

test('once closed, the vote says its result is awaited, and no count before publication', () => {
  renderFor(councillor(3), closedAndCounted(), <Panel />);
  expect(
    within(card()).getByRole('heading', { name: 'Vote closed — result awaited.' }),
  ).toBeTruthy();
  expect(screen.queryByText('Adopted')).toBeNull();
  expect(screen.queryByRole('group', { name: 'Your ballot' })).toBeNull();
});

test('the published result takes the top of the panel, above the motions, once', () => {
  const published = play(
    closedAndCounted(),
    command('director', { type: 'PublishResult', voteId: 'vote-1' }),
  );
  renderFor(councillor(3), published, <Panel />);
  const regions = within(screen.getByRole('tabpanel')).getAllByRole('region');
  expect(regions[0]).toBe(card());
  expect(within(card()).getByRole('heading', { name: 'Result published' })).toBeTruthy();
  expect(within(card()).getByText('Adopted')).toBeTruthy();
  expect(screen.getAllByText('Adopted')).toHaveLength(1);
  const motions = screen.getByRole('region', { name: /Motions/ });
  expect(regions.indexOf(motions)).toBeGreaterThan(0);
});
