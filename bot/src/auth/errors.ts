/**
 * Why a request could not be authenticated. Each reason is a fixed word, safe to log: it never
 * carries the token or any of its claims.
 */
export type AuthFailureReason =
  | 'missing_authorization'
  | 'not_bearer'
  | 'malformed_token'
  | 'algorithm_not_allowed'
  | 'unknown_signing_key'
  | 'signing_keys_unavailable'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'missing_claim'
  | 'wrong_issuer'
  | 'tenant_not_allowed'
  | 'wrong_audience'
  | 'client_app_not_allowed'
  | 'reserved_identity'
  | 'missing_scope'
  | 'unverifiable';

/** The one error sign-in throws: the service answers it with 401 and `{ code }`. */
export class AuthError extends Error {
  readonly code = 'UNAUTHENTICATED';
  readonly status = 401;

  constructor(readonly reason: AuthFailureReason) {
    super(`Unauthenticated: ${reason}`);
    this.name = 'AuthError';
  }
}
