import { ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';

/** Installs the bot for a member, so that it can open their 1:1 chat; false where Teams refuses. */
export interface BotInstaller {
  install(tenantId: string, member: string): Promise<boolean>;
}

type Fetch = typeof fetch;

/**
 * Proactive installation through Microsoft Graph (POST /users/{id}/teamwork/installedApps with the
 * app's id in the tenant's catalog), which needs the application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All, granted by an admin (README: optional). 201 is
 * installed, 409 was installed already; anything else (no consent, a blocked app, no Teams
 * licence) leaves the member for the secretariat to notify by other means.
 */
export function graphInstaller(options: {
  readonly catalogAppId: string;
  readonly token: (tenantId: string) => Promise<string>;
  readonly graphUrl?: string;
  readonly fetchFn?: Fetch;
}): BotInstaller {
  const graph = (options.graphUrl ?? 'https://graph.microsoft.com').replace(/\/$/, '');
  const fetchFn = options.fetchFn ?? fetch;
  return {
    async install(tenantId, member) {
      const response = await fetchFn(
        `${graph}/v1.0/users/${encodeURIComponent(member)}/teamwork/installedApps`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${await options.token(tenantId)}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            'teamsApp@odata.bind': `${graph}/v1.0/appCatalogs/teamsApps/${encodeURIComponent(options.catalogAppId)}`,
          }),
          signal: AbortSignal.timeout(10_000),
        },
      );
      await response.body?.cancel();
      return response.status === 201 || response.status === 409;
    },
  };
}

/** The bot's own Graph token: its app secret (SingleTenant) or its managed identity. */
export function graphToken(config: {
  readonly MicrosoftAppId: string;
  readonly MicrosoftAppPassword?: string | undefined;
  readonly MicrosoftAppType: 'SingleTenant' | 'UserAssignedMSI';
}): (tenantId: string) => Promise<string> {
  const scope = 'https://graph.microsoft.com/.default';
  return async (tenantId) => {
    const credential =
      config.MicrosoftAppType === 'UserAssignedMSI'
        ? new ManagedIdentityCredential({ clientId: config.MicrosoftAppId })
        : new ClientSecretCredential(
            tenantId,
            config.MicrosoftAppId,
            config.MicrosoftAppPassword ?? '',
          );
    const token = await credential.getToken(scope);
    return token.token;
  };
}
