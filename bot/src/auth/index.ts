export type { Authenticate } from './authenticate';
export { createEntraVerifier, ENTRA_JWKS_URL, type EntraVerifierConfig } from './entra-verifier';
export { AuthError, type AuthFailureReason } from './errors';
export type { Identity } from './identity';
