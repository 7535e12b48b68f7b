/**
 * The sealed ballot box's wire formats (DESIGN.md, "The sealed ballot box"): exponential ElGamal on
 * ristretto255, every group element and scalar as the base64url (no padding) of its 32 bytes.
 * These shapes are what the log, the ballot table, the API and `npm run audit -- verify-tally` share.
 */

/** A ristretto255 point, base64url of its canonical 32-byte encoding. */
export type Point = string;
/** A scalar modulo the group order, base64url of its 32 little-endian bytes. */
export type Scalar = string;

/** ElGamal ciphertext of m under key K: a = r·G, b = r·K + m·G. */
export interface Ciphertext {
  readonly a: Point;
  readonly b: Point;
}

/** Disjunctive Chaum–Pedersen proof that a ciphertext encrypts 0 or 1 (strong Fiat–Shamir). */
export interface ZeroOrOneProof {
  readonly c0: Scalar;
  readonly c1: Scalar;
  readonly z0: Scalar;
  readonly z1: Scalar;
}

/** Chaum–Pedersen proof that two pairs share one discrete logarithm. */
export interface EqualityProof {
  readonly c: Scalar;
  readonly z: Scalar;
}

/**
 * One secret ballot: one ciphertext per choice of the vote, in the vote's order, each proved to
 * hold 0 or 1, and a proof that they add up to exactly 1 (one-hot; a blank is one of the choices
 * where the rules allow it).
 */
export interface SealedBallot {
  readonly choices: readonly {
    readonly ciphertext: Ciphertext;
    readonly proof: ZeroOrOneProof;
  }[];
  readonly sum: EqualityProof;
}

/** What binds a ballot or a partial decryption to one vote: proofs hash it in. */
export interface VoteContext {
  readonly meetingId: string;
  readonly voteId: string;
}

/** A trustee's first step of the key ceremony: where to send their shares, and their commitments. */
export interface TrusteeCommitment {
  /** X25519 public key (crypto_box_seal) the other trustees encrypt this trustee's shares to. */
  readonly boxKey: string;
  /** Feldman commitments a_l·G to the coefficients of the trustee's polynomial, l = 0..k-1. */
  readonly commitments: readonly Point[];
}

/** A trustee's second step: f_i(j) for every other trustee j, sealed to j's box key. */
export interface DealtShares {
  /** By trustee member id: crypto_box_seal of the 32-byte scalar, base64url. */
  readonly shares: Readonly<Record<string, string>>;
}

/** A trustee as the key ceremony knows them: index i ≥ 1 is where their polynomial share is taken. */
export interface Trustee {
  readonly member: string;
  readonly index: number;
}

/** The sitting's key, derived from the recorded commitments (nobody ever holds its secret). */
export interface SittingKey {
  readonly publicKey: Point;
  readonly threshold: number;
  /** x_i·G for each trustee: what their partial decryptions are checked against. */
  readonly trustees: readonly (Trustee & { readonly verificationKey: Point })[];
}

/** The homomorphic sum of a closed vote's ballots, per choice, and the board it was added from. */
export interface Aggregate {
  readonly ciphertexts: readonly Ciphertext[];
  readonly ballots: number;
  /** SHA-256 (hex) of the board: the sorted trackers of every ballot added. */
  readonly board: string;
}

/** A trustee's share of the count: d = x_i·a for each choice's aggregate, with its proof. */
export interface PartialDecryption {
  readonly shares: readonly { readonly d: Point; readonly proof: EqualityProof }[];
}
