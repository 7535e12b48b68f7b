import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { LRUCache } from 'lru-cache';

type Factory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type Claims = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type Client = Awaited<ReturnType<Factory['create']>>;
type TokenClient = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>
>;

/** Service URLs are few (one per Teams region); past this many the least used client is let go. */
const MAX_CLIENTS = 64;

/**
 * Bot Framework authentication whose connector clients are made once per bot, service URL and
 * audience, not once per turn: botbuilder builds a new client (an Azure HTTP pipeline) for every
 * turn, even an invoke whose answer goes back in the HTTP response, and that cost a ballot on a
 * card as much as its decision. A client holds no state of the turn, only its credentials, which
 * get and renew their own tokens.
 */
export class ReusedConnectorsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new LRUCache<string, Promise<Client>>({ max: MAX_CLIENTS });
  private readonly tokenClients = new LRUCache<string, Promise<TokenClient>>({ max: MAX_CLIENTS });

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ) {
    const result = await super.authenticateRequest(...args);
    const { connectorFactory, claimsIdentity } = result;
    if (!connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(connectorFactory, claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: Claims): Factory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  /** The same for the user token client, which botbuilder also builds for every turn. */
  override createUserTokenClient(claimsIdentity: Claims): Promise<TokenClient> {
    return once(this.tokenClients, appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  private reusing(factory: Factory, claimsIdentity: Claims): Factory {
    const appId = appIdOf(claimsIdentity);
    const clients = this.clients;
    // botbuilder exports no ConnectorFactory to extend; its create() is all the adapter calls.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    return {
      create: (serviceUrl: string, audience?: string) =>
        once(clients, JSON.stringify([appId, serviceUrl, audience ?? null]), () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}

/** The bot a client speaks as, as botbuilder's own factories read it from the claims. */
function appIdOf(claimsIdentity: Claims): string {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
}

/** What `make` gives for `key`, made once while it is kept; a failure is not kept. */
function once<T>(
  made: LRUCache<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const known = made.get(key);
  if (known) return known;
  const making = make();
  made.set(key, making);
  making.catch(() => {
    if (made.peek(key) === making) made.delete(key);
  });
  return making;
}
