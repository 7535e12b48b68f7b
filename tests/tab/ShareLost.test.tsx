/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Event } from '../../shared/src';
import type { Keeper } from '../../tab/src/sealed/keeper';
import { KeeperProvider } from '../../tab/src/ui/keeping';
import Panel from '../../tab/src/ui/panel/Panel';
import { sitting } from '../shared/support/council';
import { command } from '../shared/support/spec';
import { renderFor } from './support/harness';
import { keyed, memoryKeeper, playByHand, TELLERS } from './support/tellers';

const [TELLER, OTHER_TELLER] = TELLERS as [string, string];
const atAppointment = () => sitting({ present: 25, item: 'water', tellers: false });

const trusteePanel = (member: string, history: readonly Event[], keeper: Keeper) =>
  renderFor(
    member,
    history,
    <KeeperProvider value={keeper}>
      <Panel />
    </KeeperProvider>,
  );

const SHARE_LOST = 'I no longer have my share of the key';

test('a trustee whose browser lost their share declares it, after confirming, for the current ceremony', async () => {
  const { history } = await keyed(atAppointment());
  const { record } = trusteePanel(TELLER, history, memoryKeeper());
  const user = userEvent.setup();
  // The trustee's part is loaded lazily, on first use: the first test waits for it to load.
  const button = await screen.findByRole('button', { name: SHARE_LOST }, { timeout: 20_000 });
  expect(screen.getByText(/Your share of the key is not in this browser/)).toBeTruthy();
  await user.click(button);
  expect(await screen.findByText('Declare your share of the key lost?')).toBeTruthy();
  expect(record.sent).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Declare my share lost' }));
  await waitFor(() => {
    expect(record.sent).toEqual([{ type: 'DeclareShareLost', ceremony: 1 }]);
  });
});

test('a trustee who keeps their share is not offered to declare it lost', async () => {
  const { history, keepers } = await keyed(atAppointment());
  trusteePanel(TELLER, history, keepers[TELLER] as Keeper);
  expect(
    await screen.findByText('Your share of the key is ready, kept sealed in this browser.'),
  ).toBeTruthy();
  expect(screen.queryByRole('button', { name: SHARE_LOST })).toBeNull();
});

test('once too many shares are declared lost, the trustee reads that the key is lost, by whom', async () => {
  const { history } = await keyed(atAppointment());
  const lost = playByHand(
    history,
    command(TELLER, { type: 'DeclareShareLost', ceremony: 1 }),
    command(OTHER_TELLER, { type: 'DeclareShareLost', ceremony: 1 }),
  );
  trusteePanel(TELLER, lost, memoryKeeper());
  expect(
    await screen.findByText(
      'The key is lost: Councillor 3 and Councillor 4 no longer hold their share, too few remain to count; the chair names the tellers again.',
    ),
  ).toBeTruthy();
  expect(screen.queryByRole('button', { name: SHARE_LOST })).toBeNull();
});
