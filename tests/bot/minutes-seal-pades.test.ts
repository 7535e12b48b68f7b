import { createHash } from 'node:crypto';
import forge from 'node-forge';
import PDFDocument from 'pdfkit';
import { describeMinutes, verifyMinutes } from '../../bot/src/audit/minutes';
import { cadesSignature } from '../../bot/src/minutes/seal/cades';
import { generateSealCertificate } from '../../bot/src/minutes/seal/local-certificate';
import { padesSeal } from '../../bot/src/minutes/seal/pades';
import { pdfSignatures } from './support/pdf';

const OIDS = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

function onePagePdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((done) =>
    doc.on('end', () => {
      done(Buffer.concat(chunks));
    }),
  );
  doc.text(text);
  doc.end();
  return ended;
}

/** The last signature's CMS and signature dictionary, read from the file's bytes. */
function signatureOf(pdf: Buffer) {
  const at = pdf.lastIndexOf('/ByteRange [');
  const [a, b, c] = (/\[(\d+) +(\d+) +(\d+)/.exec(pdf.toString('latin1', at, at + 80)) ?? [])
    .slice(1)
    .map(Number) as [number, number, number];
  const hex = pdf.toString('latin1', a + b + 1, c - 1).replace(/(?:00)+$/, '');
  return { cms: Buffer.from(hex, 'hex'), dictionary: pdf.toString('latin1', at, c + 4_000) };
}

/** The signed attributes of a CMS signed-data: each one's type and its first value. */
function signedAttributes(cms: Buffer): Map<string, forge.asn1.Asn1> {
  const root = forge.asn1.fromDer(forge.util.createBuffer(cms.toString('binary')));
  const signedData = ((root.value as forge.asn1.Asn1[])[1]?.value as forge.asn1.Asn1[])[0];
  const signerInfos = (signedData?.value as forge.asn1.Asn1[]).at(-1);
  const signerInfo = (signerInfos?.value as forge.asn1.Asn1[])[0];
  const attributes = (signerInfo?.value as forge.asn1.Asn1[]).find(
    (part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC,
  );
  return new Map(
    (attributes?.value as forge.asn1.Asn1[]).map((attribute) => {
      const [type, values] = attribute.value as forge.asn1.Asn1[];
      return [
        forge.asn1.derToOid(type?.value as string),
        (values?.value as forge.asn1.Asn1[])[0] as forge.asn1.Asn1,
      ];
    }),
  );
}

/** A dictionary's text string as a PDF reader decodes it: UTF-16BE after its byte order mark. */
function textOf(dictionary: string, key: string): string | undefined {
  const hex = new RegExp(`/${key} *<FEFF([0-9A-F]*)>`).exec(dictionary)?.[1];
  return hex === undefined
    ? undefined
    : new TextDecoder('utf-16be').decode(Buffer.from(hex, 'hex'));
}

describe('the PAdES seal of the minutes', () => {
  const certificate = generateSealCertificate('Ville de Meuse-sur-Ourthe seal');
  const approvals = [
    { name: 'Hélène Vandersmissen', at: '2026-11-30T10:00:00.000Z' },
    { name: 'Amélie Lambert', at: '2026-11-30T11:15:00.000Z' },
  ];
  let approved: Buffer;
  let sealed: Buffer;

  beforeAll(async () => {
    approved = await onePagePdf('Procès-verbal de la séance du 23 novembre 2026');
    sealed = await padesSeal(() => Promise.resolve(certificate)).seal(approved, {
      approvals,
      at: new Date('2026-11-30T11:15:00.000Z'),
      location: 'Ville de Meuse-sur-Ourthe',
      language: 'fr',
    });
  });

  test('its CMS is PAdES baseline B-B: content type, digest and an ESS signing-certificate-v2 naming the seal’s certificate, and no signing-time', () => {
    const attributes = signedAttributes(signatureOf(sealed).cms);
    expect([...attributes.keys()]).toEqual([
      OIDS.contentType,
      OIDS.messageDigest,
      OIDS.signingCertificateV2,
    ]);
    const p12 = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(certificate.p12.toString('binary'))),
      false,
      certificate.passphrase,
    );
    const bag = p12.getBags({ bagType: '1.2.840.113549.1.12.10.1.3' })[
      '1.2.840.113549.1.12.10.1.3'
    ]?.[0];
    const der = forge.asn1.toDer(forge.pki.certificateToAsn1(bag?.cert as forge.pki.Certificate));
    const certHash = createHash('sha256').update(der.getBytes(), 'binary').digest('hex');
    // SigningCertificateV2 { certs: [ ESSCertIDv2 { certHash } ] }: SHA-256 by default.
    const v2 = attributes.get(OIDS.signingCertificateV2);
    const essCertId = ((v2?.value as forge.asn1.Asn1[])[0]?.value as forge.asn1.Asn1[])[0];
    const hashed = (essCertId?.value as forge.asn1.Asn1[])[0];
    expect(Buffer.from(hashed?.value as string, 'binary').toString('hex')).toBe(certHash);
    expect(verifyMinutes(sealed)).toMatchObject({ ok: true, problems: [] });
  });

  test('its reason, name and place are UTF-16 text strings, so "Procès-verbal" and every accented name read whole', () => {
    const { dictionary } = signatureOf(sealed);
    expect(textOf(dictionary, 'Reason')).toBe(
      'Procès-verbal approuvé par\u00a0: Hélène Vandersmissen 2026-11-30T10:00:00.000Z; ' +
        'Amélie Lambert 2026-11-30T11:15:00.000Z',
    );
    expect(textOf(dictionary, 'Name')).toBe('Hélène Vandersmissen, Amélie Lambert');
    expect(textOf(dictionary, 'Location')).toBe('Ville de Meuse-sur-Ourthe');
    expect(dictionary).toContain('/M (D:20261130111500Z)');
    const audit = describeMinutes(verifyMinutes(sealed));
    expect(audit).toContain('at 2026-11-30T11:15:00.000Z');
    expect(audit).toContain('Procès-verbal approuvé par\u00a0: Hélène Vandersmissen');
  });

  test('pdfsig finds the seal valid, ETSI.CAdES.detached over the whole document', async () => {
    const poppler = await pdfSignatures(sealed);
    expect(poppler).toContain('Signature Type: ETSI.CAdES.detached');
    expect(poppler).toContain('Signing Time: Nov 30 2026 11:15:00');
    expect(poppler).toContain('Total document signed');
    expect(poppler).toContain('Signature Validation: Signature is Valid.');
  });

  test('verify-minutes refuses a signature with a signing-time attribute or without signing-certificate-v2', async () => {
    // The same dictionary and byte range, signed as @signpdf's P12Signer does (PAdES-forbidden).
    const { P12Signer } = await import('@signpdf/signer-p12');
    const { cms } = signatureOf(sealed);
    const at = sealed.lastIndexOf('/ByteRange [');
    const [a, b, c, d] = (
      /\[(\d+) +(\d+) +(\d+) +(\d+)/.exec(sealed.toString('latin1', at, at + 80)) ?? []
    )
      .slice(1)
      .map(Number) as [number, number, number, number];
    const signed = Buffer.concat([sealed.subarray(a, a + b), sealed.subarray(c, c + d)]);
    const legacy = await new P12Signer(certificate.p12, {
      passphrase: certificate.passphrase,
    }).sign(signed, new Date('2026-11-30T11:15:00.000Z'));
    expect(legacy.length).toBeLessThan(cms.length + 200);
    const withLegacy = Buffer.from(sealed);
    withLegacy.fill('0', a + b + 1, c - 1);
    withLegacy.write(legacy.toString('hex'), a + b + 1, 'latin1');
    const verdict = verifyMinutes(withLegacy);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      'the signature does not name its certificate (ESS signing-certificate-v2)',
      'the signature carries a signing-time attribute PAdES forbids',
    ]);
    // The CAdES signature of the same bytes passes.
    const again = Buffer.from(sealed);
    again.fill('0', a + b + 1, c - 1);
    again.write(cadesSignature(signed, certificate).toString('hex'), a + b + 1, 'latin1');
    expect(verifyMinutes(again)).toMatchObject({ ok: true });
  });
});
