import { createHash } from 'node:crypto';

/** SHA-256 in hex: how the log, the register of publications and the sealed minutes name bytes. */
export const sha256 = (bytes: string | Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');
