/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SealedBallot } from '@council/shared/sealed';
import {
  currentCeremony,
  fold,
  type Meeting,
  type TellersCeremony,
  type WireCommand,
} from '../../shared/src';
import Panel from '../../tab/src/ui/panel/Panel';
import { CHAIR, DIRECTOR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';
import { playByHand, secretVoteOpened } from './support/tellers';

/** The appointment to the water company (secret, three candidates), tellers keyed, its vote open. */
const secretVote = () => secretVoteOpened(sitting({ present: 25, item: 'water', tellers: false }));

const namedVote = () =>
  play(
    sitting({ present: 25, item: 'minutes' }),
    command(CHAIR, { type: 'OpenVote', secret: false }, 'vote-1'),
  );

test('a secret ballot is sealed in the browser: the command carries a proved ciphertext, never the choice', async () => {
  const { history, box } = await secretVote();
  const { record, container } = renderFor(councillor(2), history, <Panel />, {
    answer: (sent) =>
      sent.type === 'CastBallot' && sent.ballot ? { tracker: box.sealed.tracker(sent.ballot) } : {},
  });
  const user = userEvent.setup();
  expect(screen.getByRole('heading', { name: 'Secret ballot open' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Younger candidate' }));
  const receipt = await screen.findByText(
    'Your secret ballot is in the box — it cannot be changed or shown.',
  );
  await waitFor(() => {
    expect(document.activeElement).toBe(receipt);
  });
  const [cast] = record.sent as [Extract<WireCommand, { type: 'CastBallot' }>];
  expect(cast).not.toHaveProperty('choice');
  expect(JSON.stringify(cast)).not.toContain('cand-');
  const ballot = cast.ballot as SealedBallot;
  const ceremony = currentCeremony(fold(history) as Meeting) as TellersCeremony;
  const key = box.sealed.sittingKey(ceremony.trustees, ceremony.committed, ceremony.threshold);
  const context = { meetingId: 'meeting-1', voteId: 'vote-1' };
  // Three candidates and the blank ballot.
  expect(box.sealed.verifyBallot(key.publicKey, context, ballot, 4)).toBe(true);
  const tracker = box.sealed.tracker(ballot);
  expect(
    screen.getByText(`Your ballot's tracker: ${tracker}; it does not reveal your choice.`),
  ).toBeTruthy();
  // Shown to the member as text, once, and in no attribute a script or an extension would read.
  expect(container.innerHTML.split(tracker)).toHaveLength(2);
  expect(screen.queryByRole('group', { name: 'Your ballot' })).toBeNull();
  expect(container.textContent).not.toContain('Younger candidate');
  expect(container.innerHTML).not.toContain('cand-young');
});

test('the ballot sealed in the browser counts for the choice made, once two trustees give their shares', async () => {
  const { history, box } = await secretVote();
  const { record } = renderFor(councillor(2), history, <Panel />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Younger candidate' }));
  await screen.findByText('Your secret ballot is in the box — it cannot be changed or shown.');
  const [cast] = record.sent as [Extract<WireCommand, { type: 'CastBallot' }>];
  box.received('vote-1', cast.ballot as SealedBallot);
  const closed = playByHand(
    history,
    command(councillor(2), cast),
    command(CHAIR, { type: 'CloseVote', voteId: 'vote-1' }),
  );
  const counted = fold(await box.counted(closed, 'vote-1')) as Meeting;
  expect(counted.votes['vote-1']?.result?.tally).toEqual({
    'cand-old': 0,
    'cand-young': 1,
    'cand-third': 0,
    abstain: 0,
  });
});

test('after a reload, a member who cast a secret ballot sees only that it was received', async () => {
  const { history: opened, box } = await secretVote();
  const history = play(opened, box.ballot(opened, councillor(2), 'vote-1', 'cand-old'));
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
