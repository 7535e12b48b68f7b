import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { Signer } from '@signpdf/utils';
import type { SealCertificate } from './signer';

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  /** ESS signing-certificate-v2 (RFC 5035). */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  keyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
} as const;

const universal = (
  type: forge.asn1.Type,
  constructed: boolean,
  value: string | forge.asn1.Asn1[],
) => asn1.create(asn1.Class.UNIVERSAL, type, constructed, value);
const oid = (id: string) => universal(asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const sequence = (items: forge.asn1.Asn1[]) => universal(asn1.Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => universal(asn1.Type.SET, true, items);
const octets = (bytes: string) => universal(asn1.Type.OCTETSTRING, false, bytes);
const integer = (n: number) => universal(asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string) => sequence([oid(id), universal(asn1.Type.NULL, false, '')]);
const attribute = (id: string, value: forge.asn1.Asn1) => sequence([oid(id), set([value])]);
/** A constructed [0]: the content's EXPLICIT tag, the certificates' and attributes' IMPLICIT one. */
const tagged0 = (items: forge.asn1.Asn1[]) =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, asn1.Type.NONE, true, items);
const der = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();
const sha256Of = (binary: string) =>
  createHash('sha256').update(Buffer.from(binary, 'binary')).digest('binary');

/** The seal's key and certificate from its PKCS#12 file, and the rest of the chain it holds. */
function openCertificate({ p12, passphrase }: SealCertificate) {
  const opened = forge.pkcs12.pkcs12FromAsn1(
    asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
    false,
    passphrase,
  );
  const key = opened.getBags({ bagType: OID.keyBag })[OID.keyBag]?.[0]?.key;
  const certificates = (opened.getBags({ bagType: OID.certBag })[OID.certBag] ?? []).flatMap(
    (bag) => (bag.cert ? [bag.cert] : []),
  );
  const own = certificates.find((certificate) => {
    const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
    return key && publicKey.n.equals(key.n) && publicKey.e.equals(key.e);
  });
  if (!key || !own) throw new Error('the seal certificate holds no key matching its certificate');
  return { key, own, chain: certificates.filter((certificate) => certificate !== own) };
}

/**
 * A CAdES signature (detached CMS signed-data) as PAdES baseline B-B wants it (ETSI EN 319 142-1
 * §6.3, after EN 319 122-1 §5.2): signed attributes content-type, message-digest and ESS
 * signing-certificate-v2 (the SHA-256 of the seal's certificate, so it cannot be swapped for
 * another with the same key), and none of those PAdES forbids: no signing-time (the signature
 * dictionary's /M carries the time), no counter-signature, no content-reference.
 */
export function cadesSignature(content: Buffer, certificate: SealCertificate): Buffer {
  const { key, own, chain } = openCertificate(certificate);
  const ownDer = der(forge.pki.certificateToAsn1(own));
  const signed = set([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(sha256Of(content.toString('binary')))),
    // ESSCertIDv2 with its hash algorithm left to the default, SHA-256 (RFC 5035 §4).
    attribute(
      OID.signingCertificateV2,
      sequence([sequence([sequence([octets(sha256Of(ownDer))])])]),
    ),
  ]);
  const md = forge.md.sha256.create();
  md.update(der(signed));
  const signerInfo = sequence([
    integer(1),
    sequence([
      forge.pki.distinguishedNameToAsn1(own.issuer),
      universal(asn1.Type.INTEGER, false, forge.util.hexToBytes(own.serialNumber)),
    ]),
    algorithm(OID.sha256),
    // The signed attributes go under [0] IMPLICIT; they were signed as the SET above.
    tagged0(signed.value as forge.asn1.Asn1[]),
    algorithm(OID.rsaEncryption),
    octets(key.sign(md)),
  ]);
  const signedData = sequence([
    integer(1),
    set([algorithm(OID.sha256)]),
    sequence([oid(OID.data)]),
    tagged0([own, ...chain].map((each) => forge.pki.certificateToAsn1(each))),
    set([signerInfo]),
  ]);
  return Buffer.from(der(sequence([oid(OID.signedData), tagged0([signedData])])), 'binary');
}

/** @signpdf's signer for the seal: the CAdES signature above over the byte range it is given. */
export class CadesSigner extends Signer {
  constructor(private readonly certificate: SealCertificate) {
    super();
  }

  override sign(pdf: Buffer): Promise<Buffer> {
    return Promise.resolve(cadesSignature(pdf, this.certificate));
  }
}
