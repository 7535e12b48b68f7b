import type sodiumModule from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodiumModule;
export type Bytes = Uint8Array;

const SIZE = 32;
const IDENTITY = new Uint8Array(SIZE);
/** Web Crypto, global in browsers and in Node ≥ 19 (shared/ has no DOM or Node types). */
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues(array: Bytes): Bytes } })
  .crypto;

/**
 * ristretto255 through libsodium, with what the sealed box needs on top: base64url encodings that
 * refuse anything non-canonical, arithmetic that tolerates the identity element (libsodium throws
 * when a product is the identity), and hashing to a scalar. No curve arithmetic of our own.
 */
export class Group {
  readonly generator: Bytes;

  constructor(readonly sodium: Sodium) {
    this.generator = sodium.crypto_scalarmult_ristretto255_base(this.integer(1));
  }

  encode(bytes: Bytes): string {
    return this.sodium.to_base64(bytes, this.sodium.base64_variants.URLSAFE_NO_PADDING);
  }

  /** The bytes of a base64url string, or null when it is not the canonical encoding of `length` bytes. */
  decode(value: unknown, length = SIZE): Bytes | null {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]*$/.test(value)) return null;
    let bytes: Bytes;
    try {
      bytes = this.sodium.from_base64(value, this.sodium.base64_variants.URLSAFE_NO_PADDING);
    } catch {
      return null;
    }
    if (bytes.length !== length || this.encode(bytes) !== value) return null;
    return bytes;
  }

  /** A group element; the identity only where `identity` allows it (an empty sum, a share of it). */
  point(value: unknown, identity: 'allowed' | 'refused' = 'refused'): Bytes | null {
    const bytes = this.decode(value);
    if (!bytes || !this.sodium.crypto_core_ristretto255_is_valid_point(bytes)) return null;
    if (identity === 'refused' && this.isIdentity(bytes)) return null;
    return bytes;
  }

  /** A scalar strictly below the group order. */
  scalar(value: unknown): Bytes | null {
    const bytes = this.decode(value);
    if (!bytes) return null;
    const wide = new Uint8Array(2 * SIZE);
    wide.set(bytes);
    const reduced = this.sodium.crypto_core_ristretto255_scalar_reduce(wide);
    return this.sodium.memcmp(reduced, bytes) ? bytes : null;
  }

  isIdentity(point: Bytes): boolean {
    return this.sodium.is_zero(point);
  }

  equal(p: Bytes, q: Bytes): boolean {
    return p.length === q.length && this.sodium.memcmp(p, q);
  }

  identity(): Bytes {
    return IDENTITY.slice();
  }

  /** n·P, the identity when the product is (libsodium refuses to return it). */
  multiply(n: Bytes, point: Bytes): Bytes {
    if (this.isIdentity(point)) return this.identity();
    try {
      return this.sodium.crypto_scalarmult_ristretto255(n, point);
    } catch {
      return this.identity();
    }
  }

  /** n·G. */
  base(n: Bytes): Bytes {
    try {
      return this.sodium.crypto_scalarmult_ristretto255_base(n);
    } catch {
      return this.identity();
    }
  }

  add(p: Bytes, q: Bytes): Bytes {
    return this.sodium.crypto_core_ristretto255_add(p, q);
  }

  sub(p: Bytes, q: Bytes): Bytes {
    return this.sodium.crypto_core_ristretto255_sub(p, q);
  }

  /** n·P − m·Q: how a proof's commitments are recomputed from its responses. */
  difference(n: Bytes, p: Bytes, m: Bytes, q: Bytes): Bytes {
    return this.sub(this.multiply(n, p), this.multiply(m, q));
  }

  /**
   * A uniform scalar from 64 bytes of the platform's Web Crypto, reduced: libsodium's own
   * randombytes costs ~0.7 ms a call in Node, which made a ballot ten times slower to seal.
   */
  randomScalar(): Bytes {
    return this.sodium.crypto_core_ristretto255_scalar_reduce(
      webCrypto.getRandomValues(new Uint8Array(2 * SIZE)),
    );
  }

  /** A small non-negative integer as a scalar (trustee indices, counts, polynomial points). */
  integer(n: number): Bytes {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a small integer: ${n}`);
    const bytes = new Uint8Array(SIZE);
    let rest = n;
    for (let i = 0; rest > 0; i += 1) {
      bytes[i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
    return bytes;
  }

  scalarAdd(x: Bytes, y: Bytes): Bytes {
    return this.sodium.crypto_core_ristretto255_scalar_add(x, y);
  }

  scalarSub(x: Bytes, y: Bytes): Bytes {
    return this.sodium.crypto_core_ristretto255_scalar_sub(x, y);
  }

  scalarMul(x: Bytes, y: Bytes): Bytes {
    return this.sodium.crypto_core_ristretto255_scalar_mul(x, y);
  }

  scalarInvert(x: Bytes): Bytes {
    return this.sodium.crypto_core_ristretto255_scalar_invert(x);
  }

  /**
   * A Fiat–Shamir challenge: SHA-512 of the tag and every part, each length-prefixed so that no two
   * transcripts read alike, reduced modulo the order.
   */
  challenge(tag: string, parts: readonly (Bytes | string | number)[]): Bytes {
    const chunks = [tag, ...parts].map((part) =>
      typeof part === 'string'
        ? this.sodium.from_string(part)
        : typeof part === 'number'
          ? this.integer(part)
          : part,
    );
    const length = chunks.reduce((sum, chunk) => sum + 4 + chunk.length, 0);
    const transcript = new Uint8Array(length);
    const view = new DataView(transcript.buffer);
    let at = 0;
    for (const chunk of chunks) {
      view.setUint32(at, chunk.length);
      transcript.set(chunk, at + 4);
      at += 4 + chunk.length;
    }
    return this.sodium.crypto_core_ristretto255_scalar_reduce(
      this.sodium.crypto_hash_sha512(transcript),
    );
  }

  sha256Hex(value: string): string {
    return this.sodium.to_hex(this.sodium.crypto_hash_sha256(this.sodium.from_string(value)));
  }
}
