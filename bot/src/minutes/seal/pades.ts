import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { Approval, CertificateSource, MinutesSigner } from './signer';

/** Room for a CMS signature with a certificate chain of a few RSA-4096 certificates. */
const SIGNATURE_LENGTH = 16_384;

/**
 * A text of the signature dictionary in ASCII: @signpdf writes a UTF-16 string's bytes as UTF-8,
 * which no reader decodes, so accents are dropped ("Liège" reads "Liege") and the rest replaced.
 */
export function dictionaryText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** The approvals as the signature dictionary's reason lists them: name and time, in order. */
export function approvalsLine(approvals: readonly Approval[]): string {
  return approvals.map((approval) => `${approval.name} ${approval.at}`).join('; ');
}

/**
 * The service's PAdES seal (ETSI.CAdES.detached): an incremental update appended to the approved
 * PDF, whose bytes stay the file's first bytes unchanged, with a signature dictionary listing the
 * approvals and a CMS signature over the whole file but the signature itself.
 */
export function padesSeal(certificate: CertificateSource): MinutesSigner {
  return {
    async seal(pdf, { approvals, at, location }) {
      const { p12, passphrase } = await certificate();
      const placed = plainAddPlaceholder({
        pdfBuffer: pdf,
        reason: dictionaryText(`Approved by: ${approvalsLine(approvals)}`),
        contactInfo: '',
        name: dictionaryText(approvals.map((approval) => approval.name).join(', ')),
        location: dictionaryText(location),
        signingTime: at,
        signatureLength: SIGNATURE_LENGTH,
        subFilter: SUBFILTER_ETSI_CADES_DETACHED,
        appName: 'Council-meetings',
      });
      return new SignPdf().sign(placed, new P12Signer(p12, { passphrase }), at);
    },
  };
}
