import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyVaultCertificate } from '../../bot/src/minutes/seal/key-vault';
import {
  generateSealCertificate,
  localCertificate,
} from '../../bot/src/minutes/seal/local-certificate';

// Generating an RSA key in JavaScript takes a few seconds on a busy machine.
jest.setTimeout(60_000);

describe('the certificate the minutes are sealed with', () => {
  test('locally, one is generated at first use, kept readable by the service’s user only, and used again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seal-'));
    try {
      const file = join(dir, 'nested', 'minutes-seal.json');
      const first = await localCertificate(file, 'Test seal')();
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const again = await localCertificate(file, 'Test seal')();
      expect(again.p12.equals(first.p12)).toBe(true);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
        p12: first.p12.toString('base64'),
        passphrase: first.passphrase,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('in Azure, Key Vault gives it as a PKCS#12 secret, read with the managed identity’s token', async () => {
    const p12 = generateSealCertificate('Vault seal').p12;
    const asked: { url: string; headers: Record<string, string> }[] = [];
    const fakeFetch = ((url: string, init?: { headers?: Record<string, string> }) => {
      asked.push({ url, headers: init?.headers ?? {} });
      const body = url.startsWith('http://identity')
        ? { access_token: 'token-1' }
        : { value: p12.toString('base64'), contentType: 'application/x-pkcs12' };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    }) as unknown as typeof fetch;
    const source = keyVaultCertificate(
      'https://council.vault.azure.net/',
      'minutes-seal',
      fakeFetch,
      {
        IDENTITY_ENDPOINT: 'http://identity/msi/token',
        IDENTITY_HEADER: 'secret-header',
      },
    );
    const certificate = await source();
    expect(certificate.p12.equals(p12)).toBe(true);
    expect(asked).toEqual([
      {
        url: 'http://identity/msi/token?resource=https%3A%2F%2Fvault.azure.net&api-version=2019-08-01',
        headers: { 'X-IDENTITY-HEADER': 'secret-header' },
      },
      {
        url: 'https://council.vault.azure.net/secrets/minutes-seal?api-version=7.4',
        headers: { Authorization: 'Bearer token-1' },
      },
    ]);
    await source();
    expect(asked).toHaveLength(2);
  });

  test('a Key Vault secret that is not a PKCS#12 certificate is refused, and asked again next time', async () => {
    let calls = 0;
    const fakeFetch = ((url: string) => {
      calls += 1;
      const body = url.includes('identity')
        ? { access_token: 't' }
        : { value: 'x', contentType: 'text/plain' };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    }) as unknown as typeof fetch;
    const source = keyVaultCertificate('https://v.vault.azure.net', 'seal', fakeFetch, {
      IDENTITY_ENDPOINT: 'http://identity/token',
      IDENTITY_HEADER: 'h',
    });
    await expect(source()).rejects.toThrow('is not a PKCS#12 certificate');
    await expect(source()).rejects.toThrow('is not a PKCS#12 certificate');
    expect(calls).toBe(4);
  });
});
