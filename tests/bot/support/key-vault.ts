import { constants, generateKeyPairSync, privateDecrypt, publicEncrypt } from 'node:crypto';
import type { KeyWrapClient } from '../../../bot/src/meetings/trustee-keys';

/** Key Vault as the service sees it: wraps and unwraps with an RSA key that stays inside. */
export function fakeKeyVault(): KeyWrapClient & { readonly calls: string[] } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };
  const calls: string[] = [];
  return {
    calls,
    wrapKey: (algorithm, key) => {
      calls.push(`wrap ${algorithm}`);
      return Promise.resolve({ result: publicEncrypt({ key: publicKey, ...oaep }, key) });
    },
    unwrapKey: (algorithm, encryptedKey) => {
      calls.push(`unwrap ${algorithm}`);
      return Promise.resolve({
        result: privateDecrypt({ key: privateKey, ...oaep }, encryptedKey),
      });
    },
  };
}
