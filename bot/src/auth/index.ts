export type { Authenticate } from './authenticate';
export { createAuthenticator, type AuthConfig, type Authenticator } from './authenticator';
export {
  createDevAuthority,
  type DevAuthority,
  type DevAuthorityOptions,
  type DevSubject,
} from './dev-authority';
export { assertDevAuthAllowed, type DevAuthContext } from './dev-guard';
export { createEntraVerifier, ENTRA_JWKS_URL, type EntraVerifierConfig } from './entra-verifier';
export { AuthError, type AuthFailureReason } from './errors';
export { isReservedObjectId, type Identity } from './identity';
export { mayCreateMeetings } from './secretariat';
