import type { Event } from '../../../shared/src';
import type { Api } from '../../../tab/src/api/client';
import type { Keeper } from '../../../tab/src/sealed/keeper';
import { KeeperProvider } from '../../../tab/src/ui/keeping';
import Panel from '../../../tab/src/ui/panel/Panel';
import { CHAIR, councillor, sitting } from '../../shared/support/council';
import { command, play } from '../../shared/support/spec';
import { renderFor } from './harness';
import { playByHand, secretVoteOpened, type sealedBox } from './tellers';

/** At the appointment to the water company, no tellers named yet. */
export const atAppointment = () => sitting({ present: 25, item: 'water', tellers: false });

/** The panel of a trustee whose browser keeps what `keeper` holds. */
export const trusteePanel = (
  member: string,
  history: readonly Event[],
  keeper: Keeper,
  options?: Parameters<typeof renderFor>[3],
) =>
  renderFor(
    member,
    history,
    <KeeperProvider value={keeper}>
      <Panel />
    </KeeperProvider>,
    options,
  );

/** The service's board route, answering the box's board of each vote. */
export const boardOf = (box: Awaited<ReturnType<typeof sealedBox>>) =>
  ({
    board: (_meetingId: string, voteId: string) => Promise.resolve(box.board(voteId)),
  }) as unknown as Api;

/** The appointment voted by two members, closed and its ballots added up. */
export async function aggregated() {
  const { history, box, keepers } = await secretVoteOpened(atAppointment());
  const one = play(history, box.ballot(history, councillor(1), 'vote-1', 'cand-young'));
  const two = play(one, box.ballot(one, councillor(2), 'vote-1', 'cand-old'));
  const closed = playByHand(two, command(CHAIR, { type: 'CloseVote', voteId: 'vote-1' }));
  return { history: box.aggregated(closed, 'vote-1'), box, keepers, closed };
}
