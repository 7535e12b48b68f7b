/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Panel from '../../tab/src/ui/panel/Panel';
import { CHAIR, DIRECTOR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

/** The appointment to the water company (secret, three candidates), its vote open. */
const secretVote = () =>
  play(sitting({ present: 25, item: 'water' }), command(CHAIR, { type: 'OpenVote' }, 'vote-1'));

const namedVote = () =>
  play(
    sitting({ present: 25, item: 'minutes' }),
    command(CHAIR, { type: 'OpenVote', secret: false }, 'vote-1'),
  );

test('a secret ballot cast from the tab leaves a receipt on screen and never the choice', async () => {
  const { record, container } = renderFor(councillor(2), secretVote(), <Panel />);
  const user = userEvent.setup();
  expect(screen.getByRole('heading', { name: 'Secret ballot open' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Younger candidate' }));
  expect(record.sent).toEqual([{ type: 'CastBallot', voteId: 'vote-1', choice: 'cand-young' }]);
  const receipt = screen.getByText(
    'Your secret ballot is in the box — it cannot be changed or shown.',
  );
  expect(document.activeElement).toBe(receipt);
  expect(screen.queryByRole('group', { name: 'Your ballot' })).toBeNull();
  expect(container.textContent).not.toContain('Younger candidate');
  expect(container.innerHTML).not.toContain('cand-young');
});

test('after a reload, a member who cast a secret ballot sees only that it was received', () => {
  const history = play(
    secretVote(),
    command(councillor(2), { type: 'CastBallot', voteId: 'vote-1', choice: 'cand-old' }),
  );
  const { container } = renderFor(councillor(2), history, <Panel />);
  expect(
    screen.getByText('Your secret ballot is in the box — it cannot be changed or shown.'),
  ).toBeTruthy();
  expect(container.textContent).not.toContain('Older candidate');
});

test('a named vote shows the member their own choice', async () => {
  renderFor(councillor(2), namedVote(), <Panel />);
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Yes' }));
  expect(screen.getByText('Your vote: Yes')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).toBe('true');
});

test('the chair closes the vote and the director publishes the result', async () => {
  const voted = play(
    namedVote(),
    ...['chair', councillor(1), councillor(2)].map((member) =>
      command(member, { type: 'CastBallot', voteId: 'vote-1', choice: 'yes' }),
    ),
    command(CHAIR, { type: 'CloseVote', voteId: 'vote-1' }),
    command('system', { type: 'CountVote', voteId: 'vote-1' }),
  );
  const { record } = renderFor(DIRECTOR, voted, <Panel />);
  const user = userEvent.setup();
  expect(screen.getByText('Adopted')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Publish' }));
  expect(record.sent).toEqual([{ type: 'PublishResult', voteId: 'vote-1' }]);
  expect(screen.getByText('No result is waiting.')).toBeTruthy();
});

test('until the director publishes it, a councillor sees no result at all', () => {
  const counted = play(
    namedVote(),
    command(councillor(1), { type: 'CastBallot', voteId: 'vote-1', choice: 'no' }),
    command(CHAIR, { type: 'CloseVote', voteId: 'vote-1' }),
    command('system', { type: 'CountVote', voteId: 'vote-1' }),
  );
  renderFor(councillor(3), counted, <Panel />);
  expect(screen.queryByText('Rejected')).toBeNull();
  expect(screen.queryByRole('heading', { name: 'Results' })).toBeNull();
});
