// The Azure Bot resource with the Microsoft Teams channel.

param botName string
param location string
@maxLength(42)
param displayName string
param messagingEndpoint string

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string
param appId string
param tenantId string

@description('The user-assigned identity the bot signs in with; empty for a single-tenant app.')
param managedIdentityResourceId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: location
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? managedIdentityResourceId : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output botResourceId string = bot.id
