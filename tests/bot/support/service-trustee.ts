import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demo } from './service';

/** Nine members, a secret question allowed anywhere, and the service as the third trustee. */
export const serviceTrustee = {
  ...demo,
  members: demo.members.slice(0, 9),
  rulesOverrides: {
    secretOtherwise: true,
    sealedBox: { tellers: 1, threshold: 2, director: true, service: true },
  },
};

/** A fresh key file that seals the service trustee's share, as SEALED_BOX_KEY_FILE names it. */
export interface KeyFile {
  /** A folder of its own, removed with it. */
  readonly folder: string;
  readonly keyFile: string;
  readonly env: { readonly SEALED_BOX_KEY_FILE: string };
  readonly remove: () => Promise<void>;
}

export async function newKeyFile(prefix: string): Promise<KeyFile> {
  const folder = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  const keyFile = path.join(folder, 'sealed-box.key');
  await writeFile(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  return {
    folder,
    keyFile,
    env: { SEALED_BOX_KEY_FILE: keyFile },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
