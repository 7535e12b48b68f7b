// A private network: the web app reaches PostgreSQL through it, and nothing else can.

param resourceBaseName string
param location string

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${resourceBaseName}-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.60.0.0/16'
      ]
    }
    subnets: [
      {
        // Outbound traffic of the web app (App Service virtual network integration).
        name: 'app'
        properties: {
          addressPrefix: '10.60.1.0/24'
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        // The PostgreSQL Flexible Server, private access only.
        name: 'postgres'
        properties: {
          addressPrefix: '10.60.2.0/24'
          delegations: [
            {
              name: 'postgres-flexible-server'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
    ]
  }
}

output virtualNetworkId string = virtualNetwork.id
output appSubnetId string = '${virtualNetwork.id}/subnets/app'
output postgresSubnetId string = '${virtualNetwork.id}/subnets/postgres'
