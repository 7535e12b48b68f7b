import type { Identity } from './identity';

/** Turns an `Authorization` header value into the caller, or throws `AuthError` (401). */
export type Authenticate = (authorization: string | undefined) => Promise<Identity>;
