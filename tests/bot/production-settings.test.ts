import { parseConfig } from '../../bot/src/config';
import { deployedSettings as deployed } from './support/production';

const problemsOf = (env: Record<string, string | undefined>): string => {
  try {
    parseConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('production refuses unsafe settings at boot', () => {
  test('the settings the Bicep deploys are accepted', () => {
    expect(parseConfig(deployed)).toMatchObject({ NODE_ENV: 'production', AUTH_MODE: 'entra' });
  });

  test('every unsafe setting is listed at once, each under its variable', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://council@db.example.org/council?sslmode=require',
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
    });
    for (const variable of [
      'MicrosoftAppId',
      'AUTH_MODE',
      'ENTRA_ALLOWED_TENANTS',
      'DATABASE_URL',
      'NODE_TLS_REJECT_UNAUTHORIZED',
      'PUBLIC_URL',
    ]) {
      expect(problems).toMatch(new RegExp(`^  ${variable}: .*production`, 'm'));
    }
  });

  test.each([
    ['no database (the embedded one)', undefined],
    ['no TLS mode at all', 'postgres://u:p@db.example.org/council'],
    ['TLS without verification', 'postgres://u:p@db.example.org/council?sslmode=no-verify'],
    ['TLS switched off', 'postgres://u:p@db.example.org/council?sslmode=disable'],
    ['sslmode=require', 'postgres://u:p@db.example.org/council?sslmode=require'],
    [
      'verify-ca under libpq semantics (no host name check)',
      'postgres://u:p@db.example.org/council?uselibpqcompat=true&sslmode=verify-ca',
    ],
    [
      'verify-full overridden by a later sslmode (pg reads the last)',
      'postgres://u:p@db.example.org/council?sslmode=verify-full&sslmode=no-verify',
    ],
  ])('a DATABASE_URL with %s is refused', (_case, url) => {
    expect(problemsOf({ ...deployed, DATABASE_URL: url })).toMatch(
      /^ {2}DATABASE_URL: .*sslmode=verify-full|^ {2}DATABASE_URL: required in production/m,
    );
  });

  test.each([
    ['dev sign-in', { AUTH_MODE: 'dev' }, /AUTH_MODE: must be entra/],
    ['AUTH_MODE left to its default (dev)', { AUTH_MODE: undefined }, /AUTH_MODE: must be entra/],
    ['no tenant allow-list', { ENTRA_ALLOWED_TENANTS: undefined }, /ENTRA_ALLOWED_TENANTS/],
    ['an empty tenant allow-list', { ENTRA_ALLOWED_TENANTS: ' , ' }, /ENTRA_ALLOWED_TENANTS/],
    ['no public address', { PUBLIC_URL: undefined }, /PUBLIC_URL: required in production/],
    [
      'a public address in clear HTTP',
      { PUBLIC_URL: 'http://council.example.be' },
      /PUBLIC_URL: required in production, over https/,
    ],
    [
      'the bot without Bot Framework auth',
      { MicrosoftAppId: '' },
      /MicrosoftAppId: required in production/,
    ],
  ])('%s is refused in production', (_case, change, problem) => {
    expect(problemsOf({ ...deployed, ...change })).toMatch(problem);
  });

  test('outside production, local mode keeps working without any of these', () => {
    expect(problemsOf({ NODE_ENV: 'development' })).toBe('');
  });
});
