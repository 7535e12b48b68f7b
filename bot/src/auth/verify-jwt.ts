import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthError, type AuthFailureReason } from './errors';

export interface Rs256Expectations {
  readonly clockSkewSeconds: number;
  readonly issuer?: string;
  readonly audience?: string;
}

/**
 * The claims of a token whose RS256 signature and lifetime check out. Any other algorithm,
 * `none` and HS256 included, is refused before a key is even looked up.
 */
export async function verifyRs256(
  token: string,
  keyFor: JWTVerifyGetKey,
  expected: Rs256Expectations,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, keyFor, {
      algorithms: ['RS256'],
      clockTolerance: expected.clockSkewSeconds,
      requiredClaims: ['exp'],
      ...(expected.issuer === undefined ? {} : { issuer: expected.issuer }),
      ...(expected.audience === undefined ? {} : { audience: expected.audience }),
    });
    return payload;
  } catch (error) {
    throw error instanceof AuthError ? error : new AuthError(reasonFor(error));
  }
}

function reasonFor(error: unknown): AuthFailureReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return 'missing_claim';
    if (error.claim === 'nbf') return 'not_yet_valid';
    if (error.claim === 'iss') return 'wrong_issuer';
    if (error.claim === 'aud') return 'wrong_audience';
    return 'malformed_token';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm_not_allowed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSENotSupported
  ) {
    return 'malformed_token';
  }
  // Fail closed on anything else (e.g. a published RSA key shorter than 2048 bits).
  return 'unverifiable';
}
