/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import Panel from '../../tab/src/ui/panel/Panel';
import { CHAIR, firstMembers, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const nine = firstMembers(9);

/** 9 in office, all present, a named vote open, 4 have voted and the 5 others have left. */
const fourVotedFiveLeft = () =>
  play(
    sitting({ members: 9, present: 9, item: 'minutes' }),
    command(CHAIR, { type: 'OpenVote', secret: false }, 'vote-1'),
    ...nine
      .slice(0, 4)
      .map((member) => command(member, { type: 'CastBallot', voteId: 'vote-1', choice: 'yes' })),
    ...nine.slice(4).map((member) => command(member, { type: 'CheckOut' })),
  );

test('the chair’s panel says quorum is lost the moment a departure loses it during a vote', () => {
  renderFor(CHAIR, fourVotedFiveLeft(), <Panel />);
  expect(screen.getByRole('alert').textContent).toBe(
    'Quorum lost: 4 present, 5 needed. Closed now, this vote would be void.',
  );
});

test('a councillor who voted and stayed reads the same warning on the vote card, with its numbers', () => {
  renderFor(nine[0] ?? '', fourVotedFiveLeft(), <Panel />);
  expect(screen.getByRole('alert').textContent).toBe(
    'Quorum lost: 4 present, 5 needed. Closed now, this vote would be void.',
  );
});

test('with quorum regained, the chair’s panel no longer says it is lost', () => {
  const back = play(fourVotedFiveLeft(), command(nine[4] ?? '', { type: 'CheckIn' }));
  renderFor(CHAIR, back, <Panel />);
  expect(screen.queryByText(/Quorum lost/)).toBeNull();
});

test('a void result is published as void for want of quorum, not as adopted', () => {
  const published = play(
    fourVotedFiveLeft(),
    command(CHAIR, { type: 'CloseVote', voteId: 'vote-1' }),
    command('system', { type: 'CountVote', voteId: 'vote-1' }),
    command('director', { type: 'PublishResult', voteId: 'vote-1' }),
  );
  renderFor(CHAIR, published, <Panel />);
  expect(
    screen.getByText('Void for want of quorum (4 present, 5 needed): nothing is decided'),
  ).toBeTruthy();
  expect(screen.queryByText('Adopted')).toBeNull();
});

test('a councillor who left during the vote is told to check in, and gets no ballot', () => {
  renderFor(nine[5] ?? '', fourVotedFiveLeft(), <Panel />);
  expect(screen.getByText('You are not present: check in to vote.')).toBeTruthy();
  expect(screen.queryByRole('group', { name: 'Your ballot' })).toBeNull();
});

test('a councillor who returns gets the ballot back', () => {
  const back = play(fourVotedFiveLeft(), command(nine[5] ?? '', { type: 'CheckIn' }));
  renderFor(nine[5] ?? '', back, <Panel />);
  expect(screen.getByRole('group', { name: 'Your ballot' })).toBeTruthy();
});
