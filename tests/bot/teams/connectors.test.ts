import { ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';
import { ReusedConnectorsAuthentication } from '../../../bot/src/teams/connectors';

const activityFrom = (serviceUrl: string) =>
  ({ type: 'invoke', channelId: 'msteams', serviceUrl }) as Activity;

/** botbuilder's local mode (no app id): no token checked on the way in. */
const authentication = () =>
  new ReusedConnectorsAuthentication(
    {},
    // botbuilder's own factory implements (rather than extends) the class it is typed as.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    new ConfigurationServiceClientCredentialFactory({}),
  );

/** Where a client sends its requests (a protected field of Azure's service client). */
const urlOf = (client: object) => (client as { baseUri?: unknown }).baseUri;

async function clientFor(auth: ReusedConnectorsAuthentication, serviceUrl: string) {
  const { connectorFactory, audience } = await auth.authenticateRequest(
    activityFrom(serviceUrl),
    '',
  );
  if (!connectorFactory) throw new Error('no connector factory');
  return connectorFactory.create(serviceUrl, audience);
}

describe('the bot reuses its connector clients', () => {
  test('turns from one service URL share one connector client', async () => {
    const auth = authentication();
    const first = await clientFor(auth, 'http://127.0.0.1:1/teams/');
    expect(await clientFor(auth, 'http://127.0.0.1:1/teams/')).toBe(first);
  });

  test('each service URL has a client of its own, which calls that URL', async () => {
    const auth = authentication();
    const europe = await clientFor(auth, 'http://127.0.0.1:1/emea/');
    const america = await clientFor(auth, 'http://127.0.0.1:2/amer/');
    expect(america).not.toBe(europe);
    expect(urlOf(europe)).toBe('http://127.0.0.1:1/emea/');
    expect(urlOf(america)).toBe('http://127.0.0.1:2/amer/');
  });

  test('past 64 service URLs the least used client is let go, and made again when needed', async () => {
    const auth = authentication();
    const first = await clientFor(auth, 'http://127.0.0.1:1/first/');
    const busy = await clientFor(auth, 'http://127.0.0.1:1/busy/');
    for (let i = 0; i < 64; i++) {
      await clientFor(auth, `http://127.0.0.1:1/region-${String(i)}/`);
      expect(await clientFor(auth, 'http://127.0.0.1:1/busy/')).toBe(busy);
    }
    const again = await clientFor(auth, 'http://127.0.0.1:1/first/');
    expect(again).not.toBe(first);
    expect(urlOf(again)).toBe('http://127.0.0.1:1/first/');
  });
});
