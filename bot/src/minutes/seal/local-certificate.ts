import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import forge from 'node-forge';
import type { CertificateSource, SealCertificate } from './signer';

/** A self-signed seal certificate for the service run locally, valid ten years. */
export function generateSealCertificate(commonName: string, now = new Date()): SealCertificate {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  // Valid from well before: a sitting replayed on a scripted clock (the demo) is sealed at its time.
  cert.validity.notBefore = new Date(now.getTime() - 5 * 365 * 24 * 3600_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Council meetings (local seal)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const passphrase = forge.util.bytesToHex(forge.random.getBytesSync(16));
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, {
    algorithm: '3des',
  });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase };
}

/**
 * The local seal certificate, generated at first use and kept at `file` (in the git-ignored data
 * folder, readable by the service's user only), with its passphrase beside it.
 */
export function localCertificate(file: string, commonName: string): CertificateSource {
  let loaded: Promise<SealCertificate> | undefined;
  async function load(): Promise<SealCertificate> {
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as {
        p12: string;
        passphrase: string;
      };
      return { p12: Buffer.from(stored.p12, 'base64'), passphrase: stored.passphrase };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const made = generateSealCertificate(commonName);
    await mkdir(dirname(file), { recursive: true });
    const stored = { p12: made.p12.toString('base64'), passphrase: made.passphrase };
    await writeFile(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' }).catch(
      (error: unknown) => {
        // Another process made it first: use theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      },
    );
    await chmod(file, 0o600);
    const kept = JSON.parse(await readFile(file, 'utf8')) as { p12: string; passphrase: string };
    return { p12: Buffer.from(kept.p12, 'base64'), passphrase: kept.passphrase };
  }
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
