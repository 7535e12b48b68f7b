/** The settings infra/azure.bicep gives the App Service: every one production requires. */
export const deployedSettings = {
  NODE_ENV: 'production',
  HOST: '0.0.0.0',
  PUBLIC_URL: 'https://council-demo.azurewebsites.net',
  AUTH_MODE: 'entra',
  ENTRA_CLIENT_ID: '6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7',
  ENTRA_ALLOWED_TENANTS: 'a1b2c3d4-0000-4000-8000-000000000001',
  DATABASE_URL:
    'postgres://counciladmin:secret@council-pg.postgres.database.azure.com:5432/council?sslmode=verify-full',
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppId: 'bot-identity-client-id',
  MicrosoftAppTenantId: 'a1b2c3d4-0000-4000-8000-000000000001',
} as const;
