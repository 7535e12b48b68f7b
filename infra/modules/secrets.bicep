// Key Vault for the service's secrets. The web app reads them as Key Vault references with its
// user-assigned managed identity (Key Vault Secrets User on this vault only): no secret is a
// plain application setting, and rotating one is a new secret version and a restart.

param vaultName string
param location string

@description('Principal id of the managed identity that reads the secrets (the web app\'s).')
param readerPrincipalId string

@secure()
@description('The service role\'s connection string: it may append to and read the record only.')
param databaseUrl string

@secure()
@description('The schema owner\'s connection string: migrations and grants, at start only.')
param databaseMigrationUrl string

@description('Whether the bot is a single-tenant Entra app, whose client secret is then kept here.')
param singleTenantBot bool = false

@secure()
@description('Single-tenant bot only: a client secret of its Entra app.')
param botAppPassword string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: databaseUrl
  }
}

resource databaseMigrationUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-migration-url'
  properties: {
    value: databaseMigrationUrl
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (singleTenantBot) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
  }
}

// Key Vault Secrets User: reads secret values, nothing else.
var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, secretsUserRole)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The key that seals the service's trustee share of the sealed ballot box, where the rules make
// the service a trustee: RSA, it only wraps and unwraps data keys, and never leaves the vault.
resource sealedBoxKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: 'sealed-box'
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
  }
}

// Key Vault Crypto User: cryptographic operations with keys, on this key only; it cannot export it.
var cryptoUserRole = '12338af0-0e69-4776-bea7-57ae8d297424'

resource useSealedBoxKey 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(sealedBoxKey.id, readerPrincipalId, cryptoUserRole)
  scope: sealedBoxKey
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cryptoUserRole)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output vaultUri string = vault.properties.vaultUri
output sealedBoxKeyName string = sealedBoxKey.name
output databaseUrlReference string = '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})'
output databaseMigrationUrlReference string = '@Microsoft.KeyVault(SecretUri=${databaseMigrationUrlSecret.properties.secretUri})'
output botAppPasswordReference string = singleTenantBot ? '@Microsoft.KeyVault(SecretUri=${botAppPasswordSecret.properties.secretUri})' : ''
