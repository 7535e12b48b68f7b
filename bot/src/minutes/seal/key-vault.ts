import type { CertificateSource } from './signer';

type Fetch = typeof fetch;

const VAULT = 'https://vault.azure.net';

/**
 * The managed identity's token for Key Vault: App Service and Container Apps give an endpoint and
 * a header in the environment; a virtual machine has the instance metadata service.
 */
async function vaultToken(fetchFn: Fetch, env: NodeJS.ProcessEnv): Promise<string> {
  const endpoint = env.IDENTITY_ENDPOINT;
  const header = env.IDENTITY_HEADER;
  const response =
    endpoint && header
      ? await fetchFn(`${endpoint}?resource=${encodeURIComponent(VAULT)}&api-version=2019-08-01`, {
          headers: { 'X-IDENTITY-HEADER': header },
        })
      : await fetchFn(
          `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent(VAULT)}`,
          { headers: { Metadata: 'true' } },
        );
  if (!response.ok) throw new Error(`no managed identity token for Key Vault (${response.status})`);
  const { access_token: token } = (await response.json()) as { access_token?: unknown };
  if (typeof token !== 'string') throw new Error('the managed identity gave no access token');
  return token;
}

/**
 * The seal's certificate from Azure Key Vault: a certificate's private key and chain are read as
 * the secret of the same name, a PKCS#12 file without a passphrase (base64). Read once, at the
 * first seal; a failure is tried again at the next.
 */
export function keyVaultCertificate(
  vaultUrl: string,
  name: string,
  fetchFn: Fetch = fetch,
  env: NodeJS.ProcessEnv = process.env,
): CertificateSource {
  let loaded: ReturnType<CertificateSource> | undefined;
  async function load() {
    const token = await vaultToken(fetchFn, env);
    const url = `${vaultUrl.replace(/\/$/, '')}/secrets/${encodeURIComponent(name)}?api-version=7.4`;
    const response = await fetchFn(url, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok)
      throw new Error(`Key Vault refused the seal certificate (${response.status})`);
    const secret = (await response.json()) as { value?: unknown; contentType?: unknown };
    if (typeof secret.value !== 'string' || secret.contentType !== 'application/x-pkcs12') {
      throw new Error(`the Key Vault secret ${name} is not a PKCS#12 certificate`);
    }
    return { p12: Buffer.from(secret.value, 'base64'), passphrase: '' };
  }
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
