/** @jest-environment jsdom */
import { loadSealed } from '@council/shared/sealed';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  currentCeremony,
  decide,
  fold,
  type Event,
  type Meeting,
  type TellersCeremony,
  type WireCommand,
} from '../../shared/src';
import { slotOf, stepCommand } from '../../tab/src/sealed/ceremony';
import type { Keeper } from '../../tab/src/sealed/keeper';
import Panel from '../../tab/src/ui/panel/Panel';
import { StatusHeader } from '../../tab/src/ui/parts/StatusHeader';
import { CHAIR, DIRECTOR, councillor, sitting } from '../shared/support/council';
import { command, play } from '../shared/support/spec';
import { renderFor } from './support/harness';
import { keyed, memoryKeeper, TELLERS } from './support/tellers';
import { aggregated, atAppointment, boardOf, trusteePanel } from './support/trustee';

const [TELLER, OTHER_TELLER] = TELLERS as [string, string];
const ceremonyOf = (history: readonly Event[]) =>
  currentCeremony(fold(history) as Meeting) as TellersCeremony;
const status = () => within(screen.getByRole('group', { name: 'State of the sitting' }));

const sentOf = <T extends WireCommand['type']>(sent: readonly WireCommand[], type: T) =>
  sent.find((c) => c.type === type) as Extract<WireCommand, { type: T }> | undefined;

test('the chair names as many tellers as the rules ask, among the voting members', async () => {
  const { record } = renderFor(CHAIR, atAppointment(), <Panel />);
  const user = userEvent.setup();
  const tellers = screen.getByRole('region', { name: 'Tellers' });
  expect(within(tellers).getByText(/No tellers named yet/)).toBeTruthy();
  // The picker loads in a chunk of its own, as in the browser.
  const picker = await within(tellers).findByRole(
    'combobox',
    { name: 'Name 2 tellers' },
    { timeout: 10_000 },
  );
  const name = within(tellers).getByRole('button', { name: 'Name these tellers' });
  expect(name).toHaveProperty('disabled', true);
  await user.click(picker);
  // A multiple choice: Fluent's combobox lists its options as menu items with a check box.
  const option = (name: string) => screen.queryByRole('menuitemcheckbox', { name });
  expect(option('Councillor 5')).toBeTruthy();
  expect(option('The Director')).toBeNull();
  await user.click(option('Councillor 5') as HTMLElement);
  expect(name).toHaveProperty('disabled', true);
  await user.click(option('Councillor 6') as HTMLElement);
  await user.click(within(tellers).getByRole('button', { name: 'Name these tellers' }));
  expect(record.sent).toEqual([{ type: 'NameTellers', tellers: ['c5', 'c6'] }]);
  expect(within(tellers).getByText('Tellers ready 0/3')).toBeTruthy();
  expect(
    within(tellers).getByText('The count needs 2 of: The Director, Councillor 5, and Councillor 6'),
  ).toBeTruthy();
});

test('until the tellers are ready, a secret ballot cannot open, and the chair reads why', async () => {
  const { history } = await keyed(atAppointment(), { until: 'deal' });
  const { record } = renderFor(CHAIR, history, <Panel />);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Open the vote' }));
  expect(record.sent).toMatchObject([{ type: 'OpenVote', secret: true }]);
  const refused = screen.getByText('SEALED_BOX_NOT_READY');
  expect(refused.closest('[data-feedback]')?.getAttribute('data-feedback')).toBe('refused');
});

test('the status line says how many tellers are ready until a secret ballot can open', async () => {
  const none = renderFor(councillor(9), atAppointment(), <StatusHeader />);
  expect(status().getByText('Tellers ready 0/3')).toBeTruthy();
  none.unmount();
  const dealing = await keyed(atAppointment(), { until: 'deal' });
  const halfway = renderFor(CHAIR, dealing.history, <StatusHeader />);
  expect(status().getByText('Tellers ready 0/3')).toBeTruthy();
  halfway.unmount();
  const ready = await keyed(atAppointment());
  const done = renderFor(CHAIR, ready.history, <StatusHeader />);
  expect(status().queryByText(/Tellers ready/)).toBeNull();
  done.unmount();
  renderFor(CHAIR, sitting({ present: 25, item: 'minutes' }), <StatusHeader />);
  expect(status().queryByText(/Tellers ready/)).toBeNull();
});

test('a teller’s tab commits on its own, keeping the secret it drew and sending only its commitment', async () => {
  const { history } = await keyed(atAppointment(), { until: 'named' });
  const keeper = memoryKeeper();
  const { record } = trusteePanel(TELLER, history, keeper);
  await waitFor(() => {
    expect(sentOf(record.sent, 'CommitTrusteeKey')).toBeDefined();
  });
  const kept = await keeper.recall(slotOf('meeting-1', ceremonyOf(history), TELLER));
  const sent = sentOf(record.sent, 'CommitTrusteeKey');
  expect(sent?.boxKey).toBe(kept?.secret.boxPublic);
  expect(sent?.commitments).toHaveLength(2);
  const wire = JSON.stringify(record.sent);
  expect(wire).not.toContain(kept?.secret.boxSecret);
  for (const coefficient of kept?.secret.coefficients ?? [])
    expect(wire).not.toContain(coefficient);
  expect(await screen.findByText('Waiting for The Director and Councillor 4.')).toBeTruthy();
});

test('once all have committed, a trustee’s tab deals its shares, sealed to each other trustee', async () => {
  const { history, keepers } = await keyed(atAppointment(), { until: 'commit' });
  const keeper = keepers[TELLER] as Keeper;
  const { record } = trusteePanel(TELLER, history, keeper);
  await waitFor(() => {
    expect(sentOf(record.sent, 'DealTrusteeShares')).toBeDefined();
  });
  expect(Object.keys(sentOf(record.sent, 'DealTrusteeShares')?.shares ?? {}).sort()).toEqual([
    OTHER_TELLER,
    DIRECTOR,
  ]);
  expect(record.sent.map((c) => c.type)).toEqual(['DealTrusteeShares']);
});

test('once all have dealt, the tab checks its shares, keeps its share of the key and confirms', async () => {
  const { history, keepers } = await keyed(atAppointment(), { until: 'deal' });
  const keeper = keepers[TELLER] as Keeper;
  const { record } = trusteePanel(TELLER, history, keeper);
  await waitFor(() => {
    expect(record.sent).toEqual([{ type: 'ConfirmTrusteeShares' }]);
  });
  const kept = await keeper.recall(slotOf('meeting-1', ceremonyOf(history), TELLER));
  expect(kept?.share).toMatch(/^[\w-]{43}$/);
  expect(JSON.stringify(record.sent)).not.toContain(kept?.share);
});

test('a share that does not match its dealer’s commitments is complained of, and the ceremony fails', async () => {
  const sealed = await loadSealed();
  const { history, keepers } = await keyed(atAppointment(), { until: 'commit' });
  const ceremony = ceremonyOf(history);
  const deal = async (member: string) => {
    const slot = slotOf('meeting-1', ceremony, member);
    return (await stepCommand(sealed, keepers[member] as Keeper, slot, ceremony, 'deal')) as {
      type: 'DealTrusteeShares';
      shares: Record<string, string>;
    };
  };
  const [byDirector, byOther] = [await deal(DIRECTOR), await deal(OTHER_TELLER)];
  // The other teller hands on what the director dealt: sealed to the teller, but not its own.
  const forged = {
    ...byOther,
    shares: { ...byOther.shares, [TELLER]: byDirector.shares[TELLER] ?? '' },
  };
  const dealt = play(
    history,
    command(DIRECTOR, byDirector),
    command(OTHER_TELLER, forged),
    command(TELLER, await deal(TELLER)),
  );
  const { record } = trusteePanel(TELLER, dealt, keepers[TELLER] as Keeper);
  await waitFor(() => {
    expect(record.sent).toEqual([{ type: 'ComplainTrusteeShares', against: OTHER_TELLER }]);
  });
  expect(
    await screen.findByText(
      'The key ceremony failed: the shares from Councillor 4 did not check out; the chair names the tellers again.',
    ),
  ).toBeTruthy();
});

test('a trustee whose browser does not keep the secret it committed to is told so, and sends nothing', async () => {
  const { history } = await keyed(atAppointment(), { until: 'commit' });
  const { record } = trusteePanel(TELLER, history, memoryKeeper());
  expect(await screen.findByText(/Your share of the key is not in this browser/)).toBeTruthy();
  expect(record.sent).toEqual([]);
});

test('a trustee who reloads finds their share of the key ready', async () => {
  const { history, keepers } = await keyed(atAppointment());
  const { record } = trusteePanel(TELLER, history, keepers[TELLER] as Keeper);
  expect(
    await screen.findByText('Your share of the key is ready, kept sealed in this browser.'),
  ).toBeTruthy();
  expect(record.sent).toEqual([]);
});

test('a trustee releases their share of the count by a deliberate click, with its proof', async () => {
  const { history, box, keepers } = await aggregated();
  const api = boardOf(box);
  const { record } = trusteePanel(DIRECTOR, history, keepers[DIRECTOR] as Keeper, { api });
  const user = userEvent.setup();
  expect(
    screen.getByText('Counting: waiting for The Director, Councillor 3, and Councillor 4'),
  ).toBeTruthy();
  expect(record.sent).toEqual([]);
  // The trustee's part loads in a chunk of its own, as in the browser.
  const release = await screen.findByRole(
    'button',
    { name: 'Release my share of the count' },
    { timeout: 10_000 },
  );
  await user.click(release);
  await waitFor(() => {
    expect(sentOf(record.sent, 'DecryptTally')).toBeDefined();
  });
  const ceremony = ceremonyOf(history);
  const key = box.sealed.sittingKey(ceremony.trustees, ceremony.committed, ceremony.threshold);
  const vote = (fold(history) as Meeting).votes['vote-1'];
  const partial = sentOf(record.sent, 'DecryptTally')?.partial;
  const context = { meetingId: 'meeting-1', voteId: 'vote-1' };
  expect(
    partial &&
      vote?.sealed?.aggregate &&
      box.sealed.verifyPartial(key, DIRECTOR, vote.sealed.aggregate, partial, context),
  ).toBe(true);
  expect(
    await screen.findByText('Counting: waiting for Councillor 3 and Councillor 4'),
  ).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Release my share of the count' })).toBeNull();
});

test('every member sees whom the count waits for, until enough shares are in', async () => {
  const { history, box } = await aggregated();
  const waiting = renderFor(councillor(7), history, <Panel />);
  expect(
    screen.getByText('Counting: waiting for The Director, Councillor 3, and Councillor 4'),
  ).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Release my share of the count' })).toBeNull();
  waiting.unmount();
  const counted = await box.counted(history, 'vote-1');
  renderFor(councillor(7), counted, <Panel />);
  expect(screen.queryByText(/Counting: waiting for/)).toBeNull();
});

test('once a teller declared their share lost, the count says what it still needs, never waiting for them', async () => {
  const { history } = await aggregated();
  const lost = decide(fold(history), command(TELLER, { type: 'DeclareShareLost', ceremony: 1 }));
  if (!lost.ok) throw new Error(lost.error.code);
  renderFor(councillor(7), [...history, ...lost.events], <Panel />);
  expect(
    screen.getByText('Counting: 2 more shares are needed, from The Director and Councillor 4'),
  ).toBeTruthy();
  expect(screen.queryByText(/Councillor 3/)).toBeNull();
});

test('the service, where it is a trustee, is named in words among the tellers', () => {
  const withService = { sealedBox: { tellers: 1, threshold: 2, director: true, service: true } };
  renderFor(CHAIR, sitting({ members: 9, present: 6, overrides: withService }), <Panel />);
  const tellers = screen.getByRole('region', { name: 'Tellers' });
  expect(
    within(tellers).getByText(
      'The count needs 2 of: The Director, Councillor 1, and the meeting service (key outside the database)',
    ),
  ).toBeTruthy();
  expect(within(tellers).queryByText(/system/)).toBeNull();
});
