/**
 * The key outside the database that seals the service's trustee secret (bot/src/meetings/
 * trustee-keys.ts): a key file, or Key Vault's wrapKey/unwrapKey, here a fake of its client that
 * does RSA-OAEP-256 as Key Vault does, with a key it never gives out.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../bot/src/config';
import { fakeKeyVault } from './support/key-vault';
import {
  keyFileKeys,
  keyVaultKeys,
  sealWithNewKey,
  trusteeKeysFrom,
  unseal,
  type TrusteeKeys,
} from '../../bot/src/meetings/trustee-keys';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'trustee-keys-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function keyFile(name: string, bytes: number): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, randomBytes(bytes).toString('base64'), { mode: 0o600 });
  return file;
}

/** Seals a secret as the service trustee does, and opens it again through `keys`. */
async function roundTrip(keys: TrusteeKeys, binding: string, openWith = binding) {
  const secret = Buffer.from('{"coefficients":["a","b"]}', 'utf8');
  const kept = await sealWithNewKey(keys, secret, binding);
  expect(kept.sealed).not.toContain('coefficients');
  const dataKey = await keys.unwrap(kept.dataKey, openWith);
  return unseal(dataKey, kept.sealed, openWith).toString('utf8');
}

describe('a key file', () => {
  test('seals a trustee secret that only its key opens, bound to its meeting and ceremony', async () => {
    const keys = keyFileKeys(await keyFile('good.key', 32));
    await expect(keys.check()).resolves.toBeUndefined();
    expect(await roundTrip(keys, 'm1/1')).toBe('{"coefficients":["a","b"]}');
    await expect(roundTrip(keys, 'm1/1', 'm1/2')).rejects.toThrow();
    const sealed = await sealWithNewKey(keys, Buffer.from('x'), 'm1/1');
    const other = keyFileKeys(await keyFile('other.key', 32));
    await expect(other.unwrap(sealed.dataKey, 'm1/1')).rejects.toThrow();
  });

  test.each([
    [
      'missing',
      () => Promise.resolve(path.join(folder, 'absent.key')),
      /cannot be read \(ENOENT\)/,
    ],
    ['16 bytes', () => keyFile('short.key', 16), /32-byte key/],
  ])('%s: the key cannot be used, and says why without the key', async (_, file, reason) => {
    const keys = keyFileKeys(await file());
    await expect(keys.check()).rejects.toThrow(reason);
    await expect(keys.wrap(randomBytes(32), 'm1/1')).rejects.toThrow(reason);
  });
});

describe('Key Vault', () => {
  test('wraps each data key with RSA-OAEP-256; the secret opens only through the vault', async () => {
    const vault = fakeKeyVault();
    const keys = keyVaultKeys(() => Promise.resolve(vault));
    expect(await roundTrip(keys, 'm1/1')).toBe('{"coefficients":["a","b"]}');
    expect(vault.calls).toEqual(['wrap RSA-OAEP-256', 'unwrap RSA-OAEP-256']);
    // The data key is bound by the seal of the secret, not by the vault.
    await expect(roundTrip(keys, 'm1/1', 'm1/2')).rejects.toThrow();
    const elsewhere = keyVaultKeys(() => Promise.resolve(fakeKeyVault()));
    const sealed = await sealWithNewKey(keys, Buffer.from('x'), 'm1/1');
    await expect(elsewhere.unwrap(sealed.dataKey, 'm1/1')).rejects.toThrow();
  });

  test('the settings choose the source: Key Vault, a key file, or none', () => {
    const settings = (env: Record<string, string>) =>
      parseConfig({ AUTH_MODE: 'dev', HOST: '127.0.0.1', NODE_ENV: 'test', ...env });
    expect(trusteeKeysFrom(settings({}))).toBeUndefined();
    expect(trusteeKeysFrom(settings({ SEALED_BOX_KEY_FILE: '/keys/box.key' }))?.source).toBe(
      'key-file',
    );
    const vault = settings({ SEALED_BOX_KEY_VAULT_URL: 'https://council.vault.azure.net' });
    expect(vault.SEALED_BOX_KEY_NAME).toBe('sealed-box');
    expect(trusteeKeysFrom(vault)?.source).toBe('key-vault');
    expect(() => settings({ SEALED_BOX_KEY_VAULT_URL: 'http://council.vault.azure.net' })).toThrow(
      /SEALED_BOX_KEY_VAULT_URL/,
    );
    expect(() =>
      settings({
        SEALED_BOX_KEY_FILE: '/keys/box.key',
        SEALED_BOX_KEY_VAULT_URL: 'https://council.vault.azure.net',
      }),
    ).toThrow(/one key source, not both/);
  });
});
