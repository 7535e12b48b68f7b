import type { Authenticate } from './authenticate';
import { createDevAuthority, type DevAuthorityOptions, type DevSubject } from './dev-authority';
import { assertDevAuthAllowed, type DevAuthContext } from './dev-guard';
import { createEntraVerifier, type EntraVerifierConfig } from './entra-verifier';
import { rememberVerified } from './verified-tokens';

/** `AUTH_MODE` with what each mode needs. */
export type AuthConfig =
  | { readonly mode: 'entra'; readonly entra: EntraVerifierConfig }
  | { readonly mode: 'dev'; readonly server: DevAuthContext; readonly dev?: DevAuthorityOptions };

export type Authenticator =
  | { readonly mode: 'entra'; readonly authenticate: Authenticate }
  | {
      readonly mode: 'dev';
      readonly authenticate: Authenticate;
      /** For the dev sign-in endpoint. */
      readonly issueDevToken: (subject: DevSubject) => Promise<string>;
    };

/** The service's one way to know who calls the tab's API, whichever mode it runs in. */
export async function createAuthenticator(config: AuthConfig): Promise<Authenticator> {
  switch (config.mode) {
    case 'entra':
      return { mode: 'entra', authenticate: rememberVerified(createEntraVerifier(config.entra)) };
    case 'dev': {
      // Checked here as well as at boot, so no code path can build a dev authenticator unguarded.
      assertDevAuthAllowed(config.server);
      const authority = await createDevAuthority(config.dev);
      return {
        mode: 'dev',
        authenticate: rememberVerified(authority.authenticate),
        issueDevToken: authority.issue,
      };
    }
    default: {
      const _exhaustive: never = config;
      return _exhaustive;
    }
  }
}
