/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { DIRECTOR, councillor, sitting } from '../shared/support/council';
import { KeeperProvider } from '../../tab/src/ui/keeping';
import { SessionProvider, useSession } from '../../tab/src/ui/session';
import TrusteeView from '../../tab/src/ui/trustee/TrusteeView';
import { renderFor } from './support/harness';
import { memoryKeeper } from './support/tellers';

const submit = jest.fn<undefined, []>();
jest.mock('@microsoft/teams-js', () => ({
  dialog: {
    url: {
      submit: () => {
        submit();
      },
    },
  },
}));

/** The session as the harness makes it, as if the page ran inside Teams (in the bot's dialog). */
function InTeams({ children }: { children: ReactNode }) {
  const session = useSession();
  return (
    <SessionProvider value={{ ...session, host: { ...session.host, inTeams: true } }}>
      {children}
    </SessionProvider>
  );
}

/** At the appointment to the water company, the tellers named and the key ready. */
const atAppointment = () => sitting({ present: 25, item: 'water' });

test('a member who is not a trustee of the sitting is told so in their language, and shown no duty', () => {
  const { container } = renderFor(councillor(9), atAppointment(), <TrusteeView />, {
    language: 'fr',
  });
  expect(screen.getByText('Vous n’êtes pas scrutateur de cette séance.')).toBeTruthy();
  expect(container.querySelector('[data-duty]')).toBeNull();
});

test('outside Teams the trustee’s page is their duty alone, with no button back to a chat', () => {
  const { container } = renderFor(
    DIRECTOR,
    atAppointment(),
    <KeeperProvider value={memoryKeeper()}>
      <TrusteeView />
    </KeeperProvider>,
  );
  expect(container.querySelector('[data-duty]')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Back to the chat' })).toBeNull();
});

test('in the Teams dialog, “Back to the chat” submits the dialog, which Teams closes', async () => {
  renderFor(
    DIRECTOR,
    atAppointment(),
    <KeeperProvider value={memoryKeeper()}>
      <InTeams>
        <TrusteeView />
      </InTeams>
    </KeeperProvider>,
  );
  await userEvent.setup().click(screen.getByRole('button', { name: 'Back to the chat' }));
  expect(submit).toHaveBeenCalledTimes(1);
});
