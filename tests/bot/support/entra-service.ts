import { createAuthenticator } from '../../../bot/src/auth';
import {
  CLIENT_ID,
  makeSigningKey,
  signToken,
  ssoClaims,
  startJwksServer,
} from '../auth/support/entra-fixture';
import { demo, startService, type RunningService } from './service';

/**
 * The service as deployed signs people in: Teams SSO tokens checked against Entra's keys (a local
 * JWKS here), with no dev sign-in and so no loopback-only rule. Tests that stand behind a proxy
 * (X-Forwarded-For) run it, since dev sign-in refuses forwarded requests.
 */
export async function startEntraService(
  options: Omit<Parameters<typeof startService>[1] & object, 'signIn' | 'tokens'> = {},
): Promise<RunningService> {
  const key = await makeSigningKey('entra-service');
  const jwks = await startJwksServer([key.publicJwk]);
  const signIn = await createAuthenticator({
    mode: 'entra',
    entra: { clientId: CLIENT_ID, jwksUrl: jwks.url, allowedTenants: [demo.tenantId] },
  });
  const running = await startService(undefined, {
    ...options,
    signIn,
    tokens: ({ tenantId, objectId, name, roles }) =>
      signToken(
        key,
        ssoClaims({
          iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
          tid: tenantId,
          oid: objectId,
          name,
          roles,
        }),
      ),
  });
  return {
    ...running,
    async close() {
      await running.close();
      await jwks.close();
    },
  };
}
