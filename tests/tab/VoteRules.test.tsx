/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Panel from '../../tab/src/ui/panel/Panel';
import { Votes } from '../../tab/src/ui/parts/Votes';
import { CHAIR, DIRECTOR, firstMembers, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';

const form = () =>
  screen.getByRole('button', { name: 'Open the vote' }).closest('form') as HTMLElement;

test('Wallonia CDLD L1122-27: on a general item the chair is offered no secret ballot, and the vote opens in public', async () => {
  const { record } = renderFor(CHAIR, sitting({ members: 9, present: 9 }), <Panel />);
  expect(within(form()).queryByRole('checkbox', { name: 'Secret ballot' })).toBeNull();
  expect(
    within(form()).getByText(
      'Public vote: the rules of procedure allow no secret ballot on this item.',
    ),
  ).toBeTruthy();
  await userEvent.setup().click(screen.getByRole('button', { name: 'Open the vote' }));
  expect(record.sent).toEqual([
    { type: 'OpenVote', secret: false, threshold: '1/2', base: 'votesCast' },
  ]);
});

test("Robert's Rules: the chair may order a ballot vote on a general item", () => {
  renderFor(CHAIR, sitting({ members: 9, present: 9, profile: 'roberts' }), <Panel />);
  const secret = within(form()).getByRole<HTMLInputElement>('checkbox', { name: 'Secret ballot' });
  expect(secret.disabled).toBe(false);
});

test('Wallonia: an appointment is secret, and the chair cannot make it public', () => {
  renderFor(CHAIR, sitting({ members: 9, present: 9, item: 'water' }), <Panel />);
  const secret = within(form()).getByRole<HTMLInputElement>('checkbox', {
    name: 'Secret ballot',
  });
  expect(secret.checked).toBe(true);
  expect(secret.disabled).toBe(true);
});

test('the chair picks a majority in words, threshold and base, and the vote opens with both', async () => {
  const { record } = renderFor(CHAIR, sitting({ members: 9, present: 9 }), <Panel />);
  const picker = within(form()).getByRole('combobox', { name: 'Majority' });
  const options = within(picker)
    .getAllByRole('option')
    .map((o) => o.textContent);
  expect(options).toContain('absolute majority of the votes cast');
  expect(options).toContain('two-thirds majority of the members present');
  expect(options).toContain('three-quarters majority of the members in office');
  expect(options).not.toContain('2/3');
  const user = userEvent.setup();
  await user.selectOptions(picker, 'two-thirds majority of the members present');
  await user.click(screen.getByRole('button', { name: 'Open the vote' }));
  expect(record.sent).toEqual([
    { type: 'OpenVote', secret: false, threshold: '2/3', base: 'membersPresent' },
  ]);
});

test('a published result of two thirds of the members present says its base and numbers', () => {
  const nine = firstMembers(9);
  const published = play(
    sitting({ members: 9, present: 9 }),
    command(CHAIR, { type: 'OpenVote', threshold: '2/3', base: 'membersPresent' }, 'v1'),
    ...nine.map((member, i) =>
      command(member, { type: 'CastBallot', voteId: 'v1', choice: i < 5 ? 'yes' : 'abstain' }),
    ),
    command('system', { type: 'CountVote', voteId: 'v1' }),
    command(DIRECTOR, { type: 'PublishResult', voteId: 'v1' }),
  );
  renderFor(CHAIR, published, <Panel />);
  expect(
    screen.getByText('two-thirds majority of the members present: 6 votes needed of 9 present'),
  ).toBeTruthy();
  expect(screen.getByText('Rejected')).toBeTruthy();
});

test.each([
  ['fr', 'Majorité', 'majorité des deux tiers des membres présents'],
  ['nl', 'Meerderheid', 'tweederdemeerderheid van de aanwezige leden'],
  ['de', 'Mehrheit', 'Zweidrittelmehrheit der anwesenden Mitglieder'],
] as const)(
  'in %s, the majority picker says each majority in words, never as a fraction',
  (language, label, twoThirds) => {
    renderFor(CHAIR, sitting({ members: 9, present: 9 }), <Votes />, { language });
    const options = within(screen.getByRole('combobox', { name: label }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain(twoThirds);
    expect(options.filter((text) => /\d/.test(text))).toEqual([]);
  },
);
