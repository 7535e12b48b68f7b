/**
 * infra/ is checked by its text: no Bicep compiler can be installed offline here. These tests show
 * that the files hang together and say what the issue asks; they do not show that Azure accepts them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { bodyOf, lex, readBicep, type BicepFile } from './bicep';
import { ROOT, readJson } from './helpers';
import { parseConfig } from '../../bot/src/config';

const main = readBicep('infra/azure.bicep');
const files: BicepFile[] = [main, ...main.modules.map((m) => readBicep(m.file))];
const byPath = (p: string): BicepFile => files.find((f) => f.path === p) ?? readBicep(p);

const EU_REGIONS = [
  'westeurope',
  'northeurope',
  'francecentral',
  'germanywestcentral',
  'swedencentral',
  'italynorth',
  'polandcentral',
  'spaincentral',
  'belgiumcentral',
];

describe.each(files.map((f) => [f.path, f] as const))('%s', (_path, file) => {
  test('every string, interpolation and bracket is closed', () => {
    expect(() => lex(file.text)).not.toThrow();
  });

  test('every resource has a dated API version', () => {
    for (const { type } of file.resources)
      expect(type).toMatch(/^[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
  });

  test('every symbol it reads from is declared in it', () => {
    const declared = new Set([
      ...file.params.map((p) => p.name),
      ...file.vars,
      ...file.resources.map((r) => r.symbol),
      ...file.modules.map((m) => m.symbol),
    ]);
    const used = [
      ...file.text.matchAll(/(?<![.\w])([a-zA-Z_]\w*)\.(id|name|properties|outputs)\b/g),
    ].map((m) => m[1] ?? '');
    expect(used.filter((symbol) => !declared.has(symbol))).toEqual([]);
  });

  test('no secure parameter leaves through an output', () => {
    const secure = file.params.filter((p) => p.decorators.includes('@secure()')).map((p) => p.name);
    for (const output of file.outputs) {
      for (const name of secure) expect(output.value).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  });
});

test('each module exists, and is given the parameters it declares, and all those it requires', () => {
  for (const call of main.modules) {
    expect(existsSync(path.join(ROOT, call.file))).toBe(true);
    const module = byPath(call.file);
    const declared = module.params.map((p) => p.name);
    const required = module.params.filter((p) => p.default === undefined).map((p) => p.name);
    expect({
      module: call.file,
      unknown: call.params.filter((p) => !declared.includes(p)),
    }).toEqual({
      module: call.file,
      unknown: [],
    });
    expect({
      module: call.file,
      missing: required.filter((p) => !call.params.includes(p)),
    }).toEqual({
      module: call.file,
      missing: [],
    });
  }
});

test('azure.parameters.json gives only declared parameters, and every one without a default', () => {
  const parameters = readJson('infra/azure.parameters.json') as {
    $schema: string;
    parameters: Record<string, { value: unknown }>;
  };
  expect(parameters.$schema).toMatch(/deploymentParameters\.json#$/);
  const given = Object.keys(parameters.parameters);
  const declared = main.params.map((p) => p.name);
  expect(given.filter((p) => !declared.includes(p))).toEqual([]);
  expect(main.params.filter((p) => p.default === undefined && !given.includes(p.name))).toEqual([]);
});

test('the outputs are named after the environment variables they fill', () => {
  for (const output of main.outputs) expect(output.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(main.outputs.map((o) => o.name).sort()).toEqual([
    'APP_DOMAIN',
    'APP_ENDPOINT',
    'AZURE_APP_SERVICE_RESOURCE_ID',
    'BOT_ID',
  ]);
});

test('location defaults to West Europe and accepts EU regions only', () => {
  const location = main.params.find((p) => p.name === 'location');
  expect(location?.default).toBe("'westeurope'");
  const allowed = [...(location?.decorators.matchAll(/'([a-z]+)'/g) ?? [])].map((m) => m[1]);
  expect(allowed.length).toBeGreaterThan(0);
  for (const region of allowed) expect(EU_REGIONS).toContain(region);
});

test('the web app: Linux, Node 22 LTS, always on, HTTPS only, TLS 1.2, no FTP', () => {
  const plan = bodyOf(main, 'plan');
  expect(plan).toMatch(/kind: 'linux'/);
  expect(plan).toMatch(/reserved: true/);
  const site = bodyOf(main, 'webApp');
  expect(site).toMatch(/linuxFxVersion: 'NODE\|22-lts'/);
  expect(site).toMatch(/alwaysOn: true/);
  expect(site).toMatch(/httpsOnly: true/);
  expect(site).toMatch(/minTlsVersion: '1\.2'/);
  expect(site).toMatch(/ftpsState: 'Disabled'/);
  expect(site).toMatch(/healthCheckPath: '\/healthz'/);
});

test('the service gets every setting it reads, and listens on all interfaces', () => {
  const names = (variable: string): string[] => {
    const m = new RegExp(`^var ${variable} = \\[([^]*?)^\\]`, 'm').exec(main.text);
    return [...(m?.[1] ?? '').matchAll(/name: '(\w+)'/g)].map((n) => n[1] ?? '');
  };
  expect(names('serviceSettings')).toEqual(
    expect.arrayContaining([
      'NODE_ENV',
      'HOST',
      'TAB_DIR',
      'DATABASE_URL',
      'DATABASE_MIGRATION_URL',
      'AUTH_MODE',
      'ENTRA_CLIENT_ID',
      'ENTRA_ALLOWED_TENANTS',
      'ENTRA_ALLOWED_CLIENT_APPS',
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
    ]),
  );
  expect(main.text).toMatch(/name: 'ENTRA_ALLOWED_TENANTS'\s+value: tenantId/);
  expect(main.text).toMatch(/name: 'HOST'\s+value: '0\.0\.0\.0'/);
  expect(main.text).toMatch(/name: 'AUTH_MODE'\s+value: 'entra'/);
  expect(names('managedIdentitySettings').sort()).toEqual(
    ['MicrosoftAppId', 'MicrosoftAppTenantId', 'MicrosoftAppType'].sort(),
  );
  expect(names('singleTenantSettings').sort()).toEqual(
    ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'].sort(),
  );
  expect(bodyOf(main, 'webApp')).toMatch(
    /appSettings: concat\(serviceSettings, isManagedIdentity \? managedIdentitySettings : singleTenantSettings\)/,
  );
});

test('DATABASE_URL logs in as the service role and DATABASE_MIGRATION_URL as the owner, both over verified TLS, passwords escaped', () => {
  const host = /^var databaseHost = '([^\n]*)'$/m.exec(main.text)?.[1] ?? '';
  expect(host).toBe(
    '${postgres.outputs.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=verify-full',
  );
  expect(/^var databaseUrl = '([^\n]*)'$/m.exec(main.text)?.[1]).toBe(
    'postgres://${postgresAppLogin}:${uriComponent(postgresAppPassword)}@${databaseHost}',
  );
  expect(/^var databaseMigrationUrl = '([^\n]*)'$/m.exec(main.text)?.[1]).toBe(
    'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${databaseHost}',
  );
  for (const name of ['postgresAdminPassword', 'postgresAppPassword']) {
    expect(main.params.find((p) => p.name === name)?.decorators).toContain('@secure()');
  }
});

/** The value an app setting of the web app is given, as written in the Bicep. */
const setting = (name: string) =>
  new RegExp(`name: '${name}'\\s+value: ([^\\n]+)`).exec(main.text)?.[1];

test("no secret is a plain app setting: they are Key Vault references the app's identity resolves", () => {
  expect(setting('DATABASE_URL')).toBe('secrets.outputs.databaseUrlReference');
  expect(setting('DATABASE_MIGRATION_URL')).toBe('secrets.outputs.databaseMigrationUrlReference');
  expect(setting('MicrosoftAppPassword')).toBe('secrets.outputs.botAppPasswordReference');
  expect(bodyOf(main, 'webApp')).toMatch(/keyVaultReferenceIdentity: identity\.id/);
  expect(bodyOf(main, 'secrets')).toMatch(/readerPrincipalId: identity\.properties\.principalId/);

  const secrets = byPath('infra/modules/secrets.bicep');
  expect(bodyOf(secrets, 'vault')).toMatch(/enableRbacAuthorization: true/);
  expect(bodyOf(secrets, 'vault')).toMatch(/enablePurgeProtection: true/);
  // Key Vault Secrets User, on this vault only.
  expect(bodyOf(secrets, 'readSecrets')).toMatch(/scope: vault/);
  expect(secrets.text).toMatch(/var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'/);
  for (const output of secrets.outputs.filter((o) => o.name.endsWith('Reference'))) {
    expect(output.value).toMatch(
      /@Microsoft\.KeyVault\(SecretUri=\$\{\w+\.properties\.secretUri\}\)/,
    );
  }
  const parameters = readJson('infra/azure.parameters.json') as {
    parameters: Record<string, { value: string }>;
  };
  expect(parameters.parameters.postgresAppPassword?.value).toBe(
    '${{SECRET_POSTGRES_APP_PASSWORD}}',
  );
});

test('the service trustee’s key: RSA in the vault, wrap and unwrap only, the app a Crypto User of that key alone', () => {
  const secrets = byPath('infra/modules/secrets.bicep');
  expect(bodyOf(secrets, 'sealedBoxKey')).toMatch(/kty: 'RSA'/);
  expect(bodyOf(secrets, 'sealedBoxKey')).toMatch(/keyOps: \[\s*'wrapKey'\s*'unwrapKey'\s*\]/);
  expect(bodyOf(secrets, 'useSealedBoxKey')).toMatch(/scope: sealedBoxKey/);
  expect(secrets.text).toMatch(/var cryptoUserRole = '12338af0-0e69-4776-bea7-57ae8d297424'/);
  expect(setting('SEALED_BOX_KEY_VAULT_URL')).toBe('secrets.outputs.vaultUri');
  expect(setting('SEALED_BOX_KEY_NAME')).toBe('secrets.outputs.sealedBoxKeyName');
  expect(setting('AZURE_CLIENT_ID')).toBe('identity.properties.clientId');
});

test('PostgreSQL: private access in a delegated subnet that the web app can reach, TLS required', () => {
  const network = byPath('infra/modules/network.bicep');
  expect(network.text).toMatch(/serviceName: 'Microsoft\.Web\/serverFarms'/);
  expect(network.text).toMatch(/serviceName: 'Microsoft\.DBforPostgreSQL\/flexibleServers'/);
  const site = bodyOf(main, 'webApp');
  expect(site).toMatch(/virtualNetworkSubnetId: network\.outputs\.appSubnetId/);
  expect(site).toMatch(/vnetRouteAllEnabled: true/);

  const postgres = byPath('infra/modules/postgres.bicep');
  const server = bodyOf(postgres, 'server');
  expect(server).toMatch(/delegatedSubnetResourceId: delegatedSubnetId/);
  expect(server).toMatch(/privateDnsZoneArmResourceId: privateDns\.id/);
  expect(postgres.text).toMatch(
    /name: '\$\{serverName\}\.private\.postgres\.database\.azure\.com'/,
  );
  expect(bodyOf(postgres, 'privateDnsLink')).toMatch(/id: virtualNetworkId/);
  expect(bodyOf(postgres, 'requireTls')).toMatch(
    /name: 'require_secure_transport'\s+properties: \{\s+value: 'on'/,
  );
  expect(bodyOf(postgres, 'minimumTls')).toMatch(/value: 'TLSv1\.2'/);
  expect(bodyOf(postgres, 'database')).toMatch(/parent: server/);
  expect(main.modules.find((m) => m.symbol === 'postgres')?.params).toEqual(
    expect.arrayContaining(['delegatedSubnetId', 'virtualNetworkId']),
  );
});

test('the Azure Bot: Teams channel, user-assigned managed identity by default or single tenant', () => {
  const bot = byPath('infra/modules/bot.bicep');
  const resource = bodyOf(bot, 'bot');
  expect(resource).toMatch(/kind: 'azurebot'/);
  expect(resource).toMatch(/msaAppType: appType/);
  expect(resource).toMatch(/msaAppTenantId: tenantId/);
  expect(resource).toMatch(
    /msaAppMSIResourceId: appType == 'UserAssignedMSI' \? managedIdentityResourceId : null/,
  );
  expect(bodyOf(bot, 'teamsChannel')).toMatch(/channelName: 'MsTeamsChannel'/);
  expect(bot.params.find((p) => p.name === 'appType')?.decorators).toMatch(
    /'UserAssignedMSI'\s+'SingleTenant'/,
  );
  expect(main.params.find((p) => p.name === 'botAppType')?.default).toBe("'UserAssignedMSI'");
  const call = bodyOf(main, 'bot');
  expect(call).toMatch(
    /messagingEndpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/,
  );
  expect(bodyOf(main, 'webApp')).toMatch(/userAssignedIdentities: \{\s+'\$\{identity\.id\}': \{\}/);
});

test('Application Insights keeps its data in a Log Analytics workspace in the same region', () => {
  const insights = bodyOf(main, 'appInsights');
  expect(insights).toMatch(/WorkspaceResourceId: logs\.id/);
  expect(insights).toMatch(/location: location/);
  expect(main.text).toMatch(/value: appInsights\.properties\.ConnectionString/);
});

test('the app catalog id is an optional parameter, passed to TEAMS_APP_CATALOG_ID, empty (no self-installation) by default', () => {
  const parameter = main.params.find((p) => p.name === 'teamsAppCatalogId');
  expect(parameter?.default).toBe("''");
  expect(setting('TEAMS_APP_CATALOG_ID')).toBe('teamsAppCatalogId');
  const serviceSettings = /^var serviceSettings = \[([^]*?)^\]/m.exec(main.text)?.[1] ?? '';
  expect(serviceSettings).toMatch(/name: 'TEAMS_APP_CATALOG_ID'\s+value: teamsAppCatalogId/);
  // The default reaches the service as an empty setting, which it reads as unset.
  expect(parseConfig({ TEAMS_APP_CATALOG_ID: '' }).TEAMS_APP_CATALOG_ID).toBeUndefined();
  expect(parseConfig({ TEAMS_APP_CATALOG_ID: 'c0ffee00-catalog' }).TEAMS_APP_CATALOG_ID).toBe(
    'c0ffee00-catalog',
  );
});

test('the settings the Bicep gives the web app pass the checks production makes at boot', () => {
  const settings = (variable: string): [string, string][] => {
    const m = new RegExp(`^var ${variable} = \\[([^]*?)^\\]`, 'm').exec(main.text);
    return [...(m?.[1] ?? '').matchAll(/name: '(\w+)'\s+value: ([^\n]+)/g)].map((n) => [
      n[1] ?? '',
      valueOf(n[2] ?? ''),
    ]);
  };
  // An expression the deployment fills in becomes a stand-in named after it (so two logins stay
  // two); a Key Vault reference becomes the variable whose secret it resolves to.
  const standIn = (expression: string) => expression.replace(/[^\w.-]+/g, '-');
  const expanded = (variable: string): string =>
    (new RegExp(`^var ${variable} = '([^\\n]*)'$`, 'm').exec(main.text)?.[1] ?? '').replace(
      /\$\{([^}]+)\}/g,
      (_all, inner: string) => (inner === 'databaseHost' ? expanded(inner) : standIn(inner)),
    );
  const vaulted: Record<string, string> = {
    'secrets.outputs.databaseUrlReference': 'databaseUrl',
    'secrets.outputs.databaseMigrationUrlReference': 'databaseMigrationUrl',
  };
  const valueOf = (expression: string): string => {
    const secret = vaulted[expression];
    if (secret) return expanded(secret);
    if (expression === "join(teamsClientApps, ',')") return teamsClientApps().join(',');
    if (expression === 'secrets.outputs.vaultUri') return 'https://council-kv.vault.azure.net/';
    return /^'(.*)'$/.exec(expression)?.[1] ?? `${expression}-filled-in`;
  };
  for (const bot of ['managedIdentitySettings', 'singleTenantSettings']) {
    const env = Object.fromEntries([...settings('serviceSettings'), ...settings(bot)]);
    expect(env.NODE_ENV).toBe('production');
    expect(() => parseConfig(env)).not.toThrow();
  }
});

test('the client apps the service accepts are the Teams clients aad.manifest.json pre-authorizes', () => {
  const manifest = readJson('aad.manifest.json') as {
    api: { preAuthorizedApplications: { appId: string }[]; requestedAccessTokenVersion: number };
  };
  // The service takes v2 tokens only (bot/src/auth/entra-verifier.ts).
  expect(manifest.api.requestedAccessTokenVersion).toBe(2);
  expect(manifest.api.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(
    teamsClientApps().sort(),
  );
});

function teamsClientApps(): string[] {
  const list = /^var teamsClientApps = \[([^]*?)^\]/m.exec(main.text)?.[1] ?? '';
  return [...list.matchAll(/'([\w-]+)'/g)].map((m) => m[1] ?? '');
}
