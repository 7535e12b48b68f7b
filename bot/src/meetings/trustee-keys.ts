/**
 * The key that seals the service's trustee secret, kept outside the database (issue 15): a local
 * key file, or a key in Azure Key Vault that never leaves it. Each ceremony's secret is sealed with
 * AES-256-GCM under a data key of its own, bound to (meeting, ceremony); the data key is stored
 * only wrapped, by the key file's key (AES-256-GCM too) or by Key Vault (RSA-OAEP-256).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Logger } from '../log';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What Key Vault's CryptographyClient does for the service: all it is trusted with. */
export interface KeyWrapClient {
  wrapKey(
    algorithm: 'RSA-OAEP-256',
    key: Uint8Array,
  ): Promise<{ result: Uint8Array; keyID?: string | undefined }>;
  unwrapKey(algorithm: 'RSA-OAEP-256', encryptedKey: Uint8Array): Promise<{ result: Uint8Array }>;
}

/** Wraps and unwraps data keys; throws when the key is missing, unreadable or not the one used. */
export interface TrusteeKeys {
  readonly source: 'key-file' | 'key-vault';
  /** Resolves if the key can be used now; rejects with what is wrong (never the key). */
  check(): Promise<void>;
  wrap(dataKey: Buffer, binding: string): Promise<string>;
  unwrap(wrapped: string, binding: string): Promise<Buffer>;
}

export function seal(key: Buffer, plain: Buffer, binding: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Throws unless `sealed` was sealed by `key` with this very binding. */
export function unseal(key: Buffer, sealed: string, binding: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('a sealed value is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(binding, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** The file's key, 32 bytes in base64; read on each use, so a file put right needs no restart. */
async function keyFileKey(path: string): Promise<Buffer> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`SEALED_BOX_KEY_FILE ${path} cannot be read (${code})`, { cause: error });
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`SEALED_BOX_KEY_FILE ${path} does not hold a 32-byte key in base64`);
  }
  return key;
}

export function keyFileKeys(path: string): TrusteeKeys {
  return {
    source: 'key-file',
    check: async () => {
      await keyFileKey(path);
    },
    wrap: async (dataKey, binding) => seal(await keyFileKey(path), dataKey, binding),
    unwrap: async (wrapped, binding) => unseal(await keyFileKey(path), wrapped, binding),
  };
}

/**
 * Key Vault wraps each data key with its RSA key (the service holds the "Key Vault Crypto User"
 * role, not the key); the binding is the data key's own, in the AES-GCM seal of the secret.
 */
export function keyVaultKeys(clientOf: () => Promise<KeyWrapClient>): TrusteeKeys {
  let client: Promise<KeyWrapClient> | undefined;
  const connected = () => (client ??= clientOf());
  return {
    source: 'key-vault',
    check: async () => {
      await connected();
    },
    async wrap(dataKey) {
      const wrapped = await (await connected()).wrapKey('RSA-OAEP-256', dataKey);
      return Buffer.from(wrapped.result).toString('base64url');
    },
    async unwrap(wrapped) {
      const key = await (
        await connected()
      ).unwrapKey('RSA-OAEP-256', Buffer.from(wrapped, 'base64url'));
      if (key.result.length !== KEY_BYTES) throw new Error('Key Vault unwrapped no data key');
      return Buffer.from(key.result);
    },
  };
}

/** Key Vault's client for `keyName`, signed in with the app's managed identity. */
async function keyVaultClient(
  vaultUrl: string,
  keyName: string,
  managedIdentityClientId: string | undefined,
): Promise<KeyWrapClient> {
  // Loaded only where Key Vault is configured: a local service never pays for it.
  const [{ CryptographyClient }, { DefaultAzureCredential }] = await Promise.all([
    import('@azure/keyvault-keys'),
    import('@azure/identity'),
  ]);
  const credential = new DefaultAzureCredential(
    managedIdentityClientId ? { managedIdentityClientId } : {},
  );
  const keyId = `${vaultUrl.replace(/\/+$/, '')}/keys/${encodeURIComponent(keyName)}`;
  return new CryptographyClient(keyId, credential);
}

export interface TrusteeKeySettings {
  readonly SEALED_BOX_KEY_FILE?: string | undefined;
  readonly SEALED_BOX_KEY_VAULT_URL?: string | undefined;
  readonly SEALED_BOX_KEY_NAME: string;
  readonly AZURE_CLIENT_ID?: string | undefined;
}

/** The key source the configuration chooses, or undefined when it chooses none. */
export function trusteeKeysFrom(settings: TrusteeKeySettings): TrusteeKeys | undefined {
  const vaultUrl = settings.SEALED_BOX_KEY_VAULT_URL;
  if (vaultUrl) {
    return keyVaultKeys(() =>
      keyVaultClient(vaultUrl, settings.SEALED_BOX_KEY_NAME, settings.AZURE_CLIENT_ID),
    );
  }
  return settings.SEALED_BOX_KEY_FILE ? keyFileKeys(settings.SEALED_BOX_KEY_FILE) : undefined;
}

/** Says at boot whether the service can be a trustee: a key that cannot be used is no crash. */
export async function reportTrusteeKeys(
  keys: TrusteeKeys | undefined,
  log: Pick<Logger, 'info' | 'error'>,
): Promise<void> {
  if (!keys) return;
  try {
    await keys.check();
    log.info({ source: keys.source }, 'the service can be a trustee of the sealed box');
  } catch (error) {
    log.error(
      { source: keys.source, reason: error instanceof Error ? error.message : String(error) },
      'the key that seals the service’s trustee secret cannot be used: where the rules make the ' +
        'service a trustee, naming tellers is refused until it can',
    );
  }
}

/** A new data key and the secret sealed with it, bound to `binding`; only the wrapped key is kept. */
export async function sealWithNewKey(keys: TrusteeKeys, plain: Buffer, binding: string) {
  const dataKey = randomBytes(KEY_BYTES);
  return { dataKey: await keys.wrap(dataKey, binding), sealed: seal(dataKey, plain, binding) };
}
