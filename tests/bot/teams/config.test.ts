import { parseConfig } from '../../../bot/src/config';

const base = { AUTH_MODE: 'dev', HOST: '127.0.0.1' };

describe('the bot’s settings', () => {
  test('with no MicrosoftAppId the bot runs in local mode, which only a loopback server may do', () => {
    expect(parseConfig(base).MicrosoftAppId).toBeUndefined();
    expect(
      parseConfig({ ...base, HOST: 'localhost', MicrosoftAppId: '' }).MicrosoftAppId,
    ).toBeUndefined();
    expect(() =>
      parseConfig({ ...base, AUTH_MODE: 'entra', ENTRA_CLIENT_ID: 'x', HOST: '0.0.0.0' }),
    ).toThrow(/MicrosoftAppId: required unless the service listens on loopback/);
  });

  test('a single-tenant bot needs its password and its tenant', () => {
    expect(() => parseConfig({ ...base, MicrosoftAppId: 'bot-app' })).toThrow(
      /MicrosoftAppTenantId: required with MicrosoftAppId[\s\S]*MicrosoftAppPassword: required when MicrosoftAppType=SingleTenant/,
    );
    const config = parseConfig({
      ...base,
      HOST: '0.0.0.0',
      AUTH_MODE: 'entra',
      ENTRA_CLIENT_ID: 'sign-in-app',
      MicrosoftAppId: 'bot-app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(config.MicrosoftAppType).toBe('SingleTenant');
  });

  test('a bot on a user-assigned managed identity needs its tenant and no password', () => {
    const config = parseConfig({
      ...base,
      HOST: '0.0.0.0',
      AUTH_MODE: 'entra',
      ENTRA_CLIENT_ID: 'sign-in-app',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: 'identity-client-id',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(config.MicrosoftAppPassword).toBeUndefined();
    expect(() => parseConfig({ ...base, MicrosoftAppType: 'MultiTenant' })).toThrow(
      /MicrosoftAppType/,
    );
  });
});
