import { z } from 'zod';

/**
 * The sealed box's shapes as commands carry them (shared/src/sealed/types.ts), read-only as those
 * are: the domain checks their form only; the service checks every proof before deciding.
 */
const point = z.string().regex(/^[\w-]{43}$/, 'a group element: 32 bytes, base64url');
const scalar = point;
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash, hex');
/** A sealed share: crypto_box_seal of a 32-byte scalar, base64url (kept lenient on its length). */
const sealedShare = z.string().regex(/^[\w-]{43,400}$/, 'base64url');

/** More than any vote has choices (100 candidates and a blank) or any council names trustees. */
const MAX_CHOICES = 101;
export const MAX_TRUSTEES = 21;

const ciphertext = z.object({ a: point, b: point }).strict();
const equality = z.object({ c: scalar, z: scalar }).strict();

export const sealedBallotSchema = z
  .object({
    choices: z
      .array(
        z
          .object({
            ciphertext,
            proof: z.object({ c0: scalar, c1: scalar, z0: scalar, z1: scalar }).strict(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_CHOICES)
      .readonly(),
    sum: equality,
  })
  .strict();

export const aggregateSchema = z
  .object({
    ciphertexts: z.array(ciphertext).min(1).max(MAX_CHOICES).readonly(),
    ballots: z.number().int().min(0).max(1_000_000),
    board: sha256,
  })
  .strict();

export const partialDecryptionSchema = z
  .object({
    shares: z
      .array(z.object({ d: point, proof: equality }).strict())
      .min(1)
      .max(MAX_CHOICES)
      .readonly(),
  })
  .strict();

export const boxKeySchema = point;
export const commitmentsSchema = z.array(point).min(1).max(MAX_TRUSTEES).readonly();
export const dealtSharesSchema = z.record(z.string().min(1).max(100), sealedShare).readonly();
export const evidenceSchema = sha256;
