import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { Language } from '@council/shared';
import { CadesSigner } from './cades';
import { textField } from './pdf-text';
import type { Approval, CertificateSource, MinutesSigner } from './signer';

/** Room for a CMS signature with a certificate chain of a few RSA-4096 certificates. */
const SIGNATURE_LENGTH = 16_384;

/** What the seal says it is, in the meeting's language, before the approvals it lists. */
const approvedBy: Readonly<Record<Language, string>> = {
  fr: 'Procès-verbal approuvé par\u00a0: ',
  nl: 'Notulen goedgekeurd door: ',
  de: 'Protokoll genehmigt von: ',
  en: 'Minutes approved by: ',
};

/** The approvals as the signature dictionary's reason lists them: name and time, in order. */
export function approvalsLine(approvals: readonly Approval[]): string {
  return approvals.map((approval) => `${approval.name} ${approval.at}`).join('; ');
}

/**
 * The service's PAdES seal, baseline B-B (ETSI EN 319 142-1; sub-filter ETSI.CAdES.detached): an
 * incremental update appended to the approved PDF, whose bytes stay the file's first bytes
 * unchanged, with a signature dictionary listing the approvals (its texts in UTF-16, its time in
 * /M) and a CAdES signature (cades.ts) over the whole file but the signature itself.
 */
export function padesSeal(certificate: CertificateSource): MinutesSigner {
  return {
    async seal(pdf, { approvals, at, location, language }) {
      const fields = [
        textField(approvedBy[language] + approvalsLine(approvals)),
        textField(approvals.map((approval) => approval.name).join(', ')),
        textField(location),
      ] as const;
      const [reason, name, place] = fields;
      const placed = plainAddPlaceholder({
        pdfBuffer: pdf,
        reason: reason.filler,
        contactInfo: '',
        name: name.filler,
        location: place.filler,
        signingTime: at,
        signatureLength: SIGNATURE_LENGTH,
        subFilter: SUBFILTER_ETSI_CADES_DETACHED,
        appName: 'Council-meetings',
      });
      const written = fields.reduce((bytes, field) => field.written(bytes), placed);
      return new SignPdf().sign(written, new CadesSigner(await certificate()));
    },
  };
}
