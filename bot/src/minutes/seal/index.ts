import type { Config } from '../../config';
import { keyVaultCertificate } from './key-vault';
import { localCertificate } from './local-certificate';
import { padesSeal } from './pades';
import type { MinutesSigner } from './signer';

export type { Approval, MinutesSigner, SealRequest } from './signer';

/** The service's seal: its certificate from Key Vault when configured, else the local one. */
export function configuredSigner(
  config: Pick<Config, 'MINUTES_SEAL_FILE' | 'MINUTES_SEAL_VAULT_URL' | 'MINUTES_SEAL_CERTIFICATE'>,
): MinutesSigner {
  const { MINUTES_SEAL_VAULT_URL: vault, MINUTES_SEAL_CERTIFICATE: name } = config;
  return padesSeal(
    vault && name
      ? keyVaultCertificate(vault, name)
      : localCertificate(config.MINUTES_SEAL_FILE, 'Council meetings local seal'),
  );
}
