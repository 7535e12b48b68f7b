/**
 * `verify-minutes`: a sealed PDF of the minutes checked with nothing of the service: the CMS
 * signature over the signed byte range (the digest it carries, then the signature of its signed
 * attributes by the certificate it holds), that the range covers the whole file but the signature,
 * the certificate's validity at the signing time, and the approvals the signature dictionary lists;
 * and PAdES baseline B-B (ETSI EN 319 142-1): the ESS signing-certificate-v2 attribute names the
 * certificate, and no signing-time attribute is there (the dictionary's /M gives the time). With
 * the meeting's log, the hashes the approvals carry must be the approved PDF's and the log's.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { sha256 } from '../sha256';
import { readPdfTextString } from '../minutes/seal/pdf-text';

export interface SealFound {
  /** The certificate's subject, its SHA-256 fingerprint and the time the seal gives. */
  readonly signer: string;
  readonly fingerprint: string;
  readonly signedAt: Date | null;
  /** The approvals as the dictionary lists them ("Approved by: name time; …"). */
  readonly approvals: string;
  /** SHA-256 of each prefix of the file ending at a %%EOF: the approved PDF is one of them. */
  readonly revisions: readonly string[];
}

export type SealCheck =
  | { readonly ok: true; readonly seal: SealFound }
  | { readonly ok: false; readonly problems: readonly string[]; readonly seal?: SealFound };

const OID_MESSAGE_DIGEST = forge.pki.oids.messageDigest ?? '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = forge.pki.oids.signingTime ?? '1.2.840.113549.1.9.5';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
/** Signed attributes PAdES baseline signatures must not carry (EN 319 142-1 §6.3). */
const FORBIDDEN = new Map([
  [OID_SIGNING_TIME, 'signing-time'],
  ['1.2.840.113549.1.9.6', 'counter-signature'],
  ['1.2.840.113549.1.9.16.2.10', 'content-reference'],
  ['1.2.840.113549.1.9.16.2.7', 'content-identifier'],
]);

export { sha256 };

/** The last signature of the file: its byte range, its CMS and the dictionary around it. */
function lastSignature(pdf: Buffer) {
  const at = pdf.lastIndexOf('/ByteRange [');
  if (at < 0) return undefined;
  const match = /^\/ByteRange \[(\d+) +(\d+) +(\d+) +(\d+) *\]/.exec(
    pdf.subarray(at, at + 80).toString('latin1'),
  );
  if (!match) return undefined;
  const range = match.slice(1, 5).map(Number) as [number, number, number, number];
  const [a, b, c, d] = range;
  const contents = pdf
    .subarray(a + b + 1, c - 1)
    .toString('latin1')
    .replace(/(?:00)+$/, '');
  const dictionary = pdf.subarray(at, c + 4_000).toString('latin1');
  const reason = /\/Reason *(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(dictionary)?.[1];
  const time = /\/M *\(D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z\)/.exec(dictionary);
  return {
    range,
    signed: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
    cms: Buffer.from(contents, 'hex'),
    reason: reason ? readPdfTextString(reason) : '',
    time: time ? new Date(`${time.slice(1, 4).join('-')}T${time.slice(4, 7).join(':')}Z`) : null,
  };
}

/** The SHA-256 of the file up to each %%EOF (with its end of line): one is the approved PDF's. */
function revisions(pdf: Buffer): string[] {
  const hashes: string[] = [];
  for (let at = pdf.indexOf('%%EOF'); at >= 0; at = pdf.indexOf('%%EOF', at + 1)) {
    let end = at + 5;
    if (pdf[end] === 0x0d) end += 1;
    if (pdf[end] === 0x0a) end += 1;
    hashes.push(sha256(pdf.subarray(0, end)));
  }
  return hashes;
}

function attributeTypes(attributes: forge.asn1.Asn1): string[] {
  return (attributes.value as forge.asn1.Asn1[]).flatMap((attribute) => {
    const type = (attribute.value as forge.asn1.Asn1[])[0];
    return type ? [forge.asn1.derToOid(type.value as string)] : [];
  });
}

/** Whether the ESS signing-certificate-v2 attribute names this certificate by its SHA-256. */
function namesCertificate(attributes: forge.asn1.Asn1, certificateDer: string): boolean {
  const value = attributeValue(attributes, OID_SIGNING_CERTIFICATE_V2);
  const first = (
    (value?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value as forge.asn1.Asn1[] | undefined
  )?.[0];
  // ESSCertIDv2: [hashAlgorithm, when not SHA-256,] certHash, [issuerSerial].
  const parts = (first?.value as forge.asn1.Asn1[] | undefined) ?? [];
  const hashed = parts.find((part) => part.type === forge.asn1.Type.OCTETSTRING);
  const algorithm = parts[0]?.type === forge.asn1.Type.SEQUENCE ? parts[0] : undefined;
  const sha256Default =
    !algorithm ||
    forge.asn1.derToOid((algorithm.value as forge.asn1.Asn1[])[0]?.value as string) ===
      '2.16.840.1.101.3.4.2.1';
  return (
    sha256Default &&
    hashed?.value === createHash('sha256').update(certificateDer, 'binary').digest('binary')
  );
}

function attributeValue(attributes: forge.asn1.Asn1, oid: string): forge.asn1.Asn1 | undefined {
  for (const attribute of attributes.value as forge.asn1.Asn1[]) {
    const [type, values] = attribute.value as forge.asn1.Asn1[];
    if (type && forge.asn1.derToOid(type.value as string) === oid) {
      return (values?.value as forge.asn1.Asn1[] | undefined)?.[0];
    }
  }
  return undefined;
}

/** Checks the seal of a PDF; every problem found is named. */
export function checkSeal(pdf: Buffer): SealCheck {
  const found = lastSignature(pdf);
  if (!found) return { ok: false, problems: ['the file carries no signature'] };
  const problems: string[] = [];
  const [a, b, c, d] = found.range;
  if (a !== 0 || c + d !== pdf.length || b >= c) {
    problems.push('the signature does not cover the whole file: it was changed after sealing');
  }
  // forge's typing has no rawCapture, where it keeps the SignerInfos it does not parse.
  let message: {
    readonly rawCapture?: { readonly signerInfos?: forge.asn1.Asn1[] };
    readonly certificates: forge.pki.Certificate[];
  };
  try {
    message = forge.pkcs7.messageFromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(found.cms.toString('binary'))),
    ) as unknown as typeof message;
  } catch {
    return { ok: false, problems: [...problems, 'the signature is not a CMS signed-data'] };
  }
  const signerInfo = message.rawCapture?.signerInfos?.[0];
  const certificate = message.certificates[0];
  if (!signerInfo || !certificate) {
    return { ok: false, problems: [...problems, 'the signature names no signer or certificate'] };
  }
  const parts = signerInfo.value as forge.asn1.Asn1[];
  const attributes = parts.find(
    (part) =>
      part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === forge.asn1.Type.NONE,
  );
  const signature = parts.at(-1);
  if (!attributes || !signature) {
    return { ok: false, problems: [...problems, 'the signature has no signed attributes'] };
  }
  const digest = attributeValue(attributes, OID_MESSAGE_DIGEST);
  const expected = createHash('sha256').update(found.signed).digest('binary');
  if (digest?.value !== expected) {
    problems.push('the signed bytes do not match the digest the signature carries');
  }
  // The signed attributes are signed as a SET, not under their [0] tag.
  const set = forge.asn1.create(
    forge.asn1.Class.UNIVERSAL,
    forge.asn1.Type.SET,
    true,
    attributes.value,
  );
  const md = forge.md.sha256.create();
  md.update(forge.asn1.toDer(set).getBytes());
  const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
  let valid: boolean;
  try {
    valid = publicKey.verify(md.digest().bytes(), signature.value as string);
  } catch {
    valid = false;
  }
  if (!valid) problems.push('the signature is not valid for the certificate it carries');
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  if (!namesCertificate(attributes, der)) {
    problems.push('the signature does not name its certificate (ESS signing-certificate-v2)');
  }
  for (const type of attributeTypes(attributes)) {
    const forbidden = FORBIDDEN.get(type);
    if (forbidden) problems.push(`the signature carries a ${forbidden} attribute PAdES forbids`);
  }
  const signedAt = found.time;
  const when = signedAt ?? new Date();
  if (when < certificate.validity.notBefore || when > certificate.validity.notAfter) {
    problems.push('the certificate was not valid when the seal was made');
  }
  const seal: SealFound = {
    signer: certificate.subject.attributes
      .map((attr) => `${attr.shortName ?? attr.name ?? ''}=${String(attr.value)}`)
      .join(', '),
    fingerprint: sha256(Buffer.from(der, 'binary')),
    signedAt,
    approvals: found.reason,
    revisions: revisions(pdf),
  };
  return problems.length === 0 ? { ok: true, seal } : { ok: false, problems, seal };
}
