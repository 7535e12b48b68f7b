import type { Language } from '@council/shared';

/** One signatory's approval of the submitted minutes, as the log records it. */
export interface Approval {
  readonly name: string;
  /** ISO 8601. */
  readonly at: string;
}

/**
 * The port a council's signature provider plugs into: it returns the minutes' PDF with a signature
 * that covers every byte of the approved PDF. The first adapter is the service's PAdES seal
 * (pades.ts); a qualified provider (itsme, the Belgian eID) signs the same digest of the same
 * byte range, in its own signing flow (README, "Signed minutes").
 */
export interface MinutesSigner {
  seal(pdf: Buffer, seal: SealRequest): Promise<Buffer>;
}

export interface SealRequest {
  readonly approvals: readonly Approval[];
  /** The time of the last approval: the seal's signing time. */
  readonly at: Date;
  /** The municipality, where the minutes were approved. */
  readonly location: string;
  /** The meeting's language, that of the seal's reason. */
  readonly language: Language;
}

/** The certificate and key the seal signs with, as a PKCS#12 file. */
export interface SealCertificate {
  readonly p12: Buffer;
  readonly passphrase: string;
}

/** Where the seal's certificate comes from: Key Vault in Azure, a generated one locally. */
export type CertificateSource = () => Promise<SealCertificate>;
