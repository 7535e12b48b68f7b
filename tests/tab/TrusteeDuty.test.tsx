/** @jest-environment jsdom */
import type { SealedBallot } from '@council/shared/sealed';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  currentCeremony,
  fold,
  type Event,
  type Meeting,
  type TellersCeremony,
  type WireCommand,
} from '../../shared/src';
import type { Api, VoteBoard } from '../../tab/src/api/client';
import { slotOf } from '../../tab/src/sealed/ceremony';
import type { Keeper } from '../../tab/src/sealed/keeper';
import { CHAIR, DIRECTOR, councillor } from '../shared/support/council';
import { command } from '../shared/support/spec';
import type { Network } from './support/harness';
import { keyed, memoryKeeper, playByHand, TELLERS } from './support/tellers';
import { aggregated, atAppointment, boardOf, trusteePanel } from './support/trustee';

const [TELLER] = TELLERS as [string, string];
const ceremonyOf = (history: readonly Event[]) =>
  currentCeremony(fold(history) as Meeting) as TellersCeremony;
const sentTypes = (sent: readonly WireCommand[]) => sent.map((c) => c.type);
/** The trustee's part loads in a chunk of its own, as in the browser. */
const duty = async () =>
  within(
    await screen.findByRole(
      'region',
      { name: 'Your key for the secret ballots' },
      { timeout: 10_000 },
    ),
  );
const MISMATCH =
  'The ballots on the board do not add up to the sum you are asked to decrypt: your share is not released. Tell the chair and the general director.';

/** The closed vote added up, by the service, from `ballots` rather than from its box. */
function addedUpFrom(
  closed: readonly Event[],
  box: Awaited<ReturnType<typeof aggregated>>['box'],
  ballots: readonly SealedBallot[],
): Event[] {
  const choices = (fold(closed) as Meeting).votes['vote-1']?.choices.length ?? 0;
  const sum = box.sealed.aggregate(ballots, choices);
  return playByHand(
    [...closed],
    command('system', {
      type: 'AggregateBallots',
      voteId: 'vote-1',
      aggregate: { ...sum, ciphertexts: [...sum.ciphertexts] },
    }),
  );
}

const boardOfBallots = (
  box: Awaited<ReturnType<typeof aggregated>>['box'],
  ballots: SealedBallot[],
) =>
  ({
    board: (): Promise<VoteBoard> =>
      Promise.resolve({
        voteId: 'vote-1',
        ballots: ballots.map((ballot) => ({ tracker: box.sealed.tracker(ballot), ballot })),
      }),
  }) as unknown as Api;

async function clickRelease() {
  await userEvent
    .setup()
    .click((await duty()).getByRole('button', { name: 'Release my share of the count' }));
}

test('a sum the service added from a board of its own making is not decrypted: the trustee is told, and their share stays here', async () => {
  const { closed, box, keepers } = await aggregated();
  // The service adds one member's ballot to one it made itself, to learn that member's choice.
  const [target] = box.board('vote-1').ballots.map((entry) => entry.ballot) as [SealedBallot];
  const ceremony = ceremonyOf(closed);
  const key = box.sealed.sittingKey(ceremony.trustees, ceremony.committed, ceremony.threshold);
  const choices = (fold(closed) as Meeting).votes['vote-1']?.choices.length ?? 0;
  const made = box.sealed.encryptBallot(
    key.publicKey,
    { meetingId: 'meeting-1', voteId: 'vote-1' },
    0,
    choices,
  );
  const history = addedUpFrom(closed, box, [target, made]);
  const { record } = trusteePanel(DIRECTOR, history, keepers[DIRECTOR] as Keeper, {
    api: boardOf(box),
  });
  await clickRelease();
  expect(await screen.findByText(MISMATCH)).toBeTruthy();
  expect(record.sent).toEqual([]);
  expect(
    (await duty()).getByRole('button', { name: 'Release my share of the count' }),
  ).toBeTruthy();
});

test.each([
  ['one member’s ballot twice', (ballots: SealedBallot[]) => [ballots[0], ballots[0]]],
  [
    'a ballot whose proofs are another’s',
    (ballots: SealedBallot[]) => {
      const [first, second] = ballots as [SealedBallot, SealedBallot];
      return [first, { ...second, sum: first.sum }];
    },
  ],
])(
  'a published board holding %s is refused, though the sum was added from it',
  async (_case, forge) => {
    const { closed, box, keepers } = await aggregated();
    const forged = forge(
      box.board('vote-1').ballots.map((entry) => entry.ballot),
    ) as SealedBallot[];
    const history = addedUpFrom(closed, box, forged);
    const { record } = trusteePanel(DIRECTOR, history, keepers[DIRECTOR] as Keeper, {
      api: boardOfBallots(box, forged),
    });
    await clickRelease();
    expect(await screen.findByText(MISMATCH)).toBeTruthy();
    expect(record.sent).toEqual([]);
  },
);

test('the board of the vote is fetched and recounted; a board out of reach says so, and the next click releases', async () => {
  const { history, box, keepers } = await aggregated();
  const board = jest
    .fn<Promise<VoteBoard>, [string, string]>()
    .mockRejectedValueOnce(new TypeError('Failed to fetch'))
    .mockResolvedValue(box.board('vote-1'));
  const { record } = trusteePanel(DIRECTOR, history, keepers[DIRECTOR] as Keeper, {
    api: { board } as unknown as Api,
  });
  await clickRelease();
  expect(
    await screen.findByText(
      'The board of ballots could not be fetched: check the connection and try again.',
    ),
  ).toBeTruthy();
  expect(record.sent).toEqual([]);
  await clickRelease();
  await waitFor(() => {
    expect(sentTypes(record.sent)).toEqual(['DecryptTally']);
  });
  expect(board.mock.calls).toEqual([
    ['meeting-1', 'vote-1'],
    ['meeting-1', 'vote-1'],
  ]);
  expect(screen.queryByText(/could not be fetched/)).toBeNull();
});

test('the trustee’s tab reads its keeper once per ceremony, not at each live event, and anew for a new ceremony', async () => {
  const { history, keepers } = await keyed(atAppointment());
  const keeper = keepers[TELLER] as Keeper;
  const recall = jest.spyOn(keeper, 'recall');
  const { record, elsewhere } = trusteePanel(TELLER, history, keeper);
  expect(
    await (await duty()).findByText('Your share of the key is ready, kept sealed in this browser.'),
  ).toBeTruthy();
  expect(recall).toHaveBeenCalledTimes(1);

  for (const late of [26, 27, 28]) elsewhere(councillor(late), { type: 'CheckIn' });
  expect(
    screen.getByText('Your share of the key is ready, kept sealed in this browser.'),
  ).toBeTruthy();
  expect(recall).toHaveBeenCalledTimes(1);

  // The chair names the tellers anew: the new ceremony is read for, and committed to.
  elsewhere(CHAIR, { type: 'NameTellers', tellers: TELLERS });
  await waitFor(() => {
    expect(sentTypes(record.sent)).toEqual(['CommitTrusteeKey']);
  });
  const read = recall.mock.calls.map(([slot]) => slot.ceremony);
  expect(read.filter((ceremony) => ceremony === 1)).toHaveLength(1);
  expect(read.slice(1)).toContain(2);
  // The replaced ceremony, with no vote under it, is deleted from this browser.
  expect(await keeper.recall(slotOf('meeting-1', ceremonyOf(history), TELLER))).toBeNull();
});

test('a ceremony step the service refuses shows why, with a Retry that takes the step again', async () => {
  const { history } = await keyed(atAppointment(), { until: 'named' });
  const network: Network = { failing: 'busy' };
  const { record } = trusteePanel(TELLER, history, memoryKeeper(), { network });
  const part = await duty();
  expect(await part.findByText('RATE_LIMITED')).toBeTruthy();
  expect(part.getByText('Not applied')).toBeTruthy();

  network.failing = 'no';
  await userEvent.setup().click(part.getByRole('button', { name: 'Try again' }));
  expect(await part.findByText('Waiting for The Director and Councillor 4.')).toBeTruthy();
  expect(sentTypes(record.sent)).toEqual(['CommitTrusteeKey', 'CommitTrusteeKey']);
  expect(part.queryByText('Not applied')).toBeNull();
});

test('a ceremony step that cannot be prepared in this browser says so, with a Retry', async () => {
  const { history } = await keyed(atAppointment(), { until: 'named' });
  const keeper = memoryKeeper();
  jest.spyOn(keeper, 'keepFirst').mockRejectedValueOnce(new Error('IndexedDB refused'));
  const { record } = trusteePanel(TELLER, history, keeper);
  const part = await duty();
  expect(
    await part.findByText(
      'The sealing code could not be loaded: check the connection and try again.',
    ),
  ).toBeTruthy();
  expect(record.sent).toEqual([]);

  await userEvent.setup().click(part.getByRole('button', { name: 'Try again' }));
  expect(await part.findByText('Waiting for The Director and Councillor 4.')).toBeTruthy();
  expect(sentTypes(record.sent)).toEqual(['CommitTrusteeKey']);
});

test('once the meeting is closed and its sealed votes counted, the trustee’s browser forgets the ceremony', async () => {
  const { history, box, keepers } = await aggregated();
  const counted = await box.counted(history, 'vote-1');
  const keeper = keepers[TELLER] as Keeper;
  const slot = slotOf('meeting-1', ceremonyOf(counted), TELLER);
  const forget = jest.spyOn(keeper, 'forget');
  const { elsewhere } = trusteePanel(TELLER, counted, keeper);
  // While the meeting runs, another secret vote may need the key.
  expect(await (await duty()).findByText(/Your share of the key is ready/)).toBeTruthy();
  expect(forget).not.toHaveBeenCalled();
  expect(await keeper.recall(slot)).not.toBeNull();

  // Counted, not yet published: the teller sees the vote closed, with the count's evidence.
  elsewhere(CHAIR, { type: 'CloseMeeting' });
  await waitFor(() => {
    expect(forget).toHaveBeenCalledWith(slot);
  });
  expect(await keeper.recall(slot)).toBeNull();
  // Nothing is left to do: no duty, and no alarm about a share no longer here.
  expect(screen.queryByRole('region', { name: 'Your key for the secret ballots' })).toBeNull();
  expect(screen.queryByText(/not in this browser/)).toBeNull();
});
