import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './helpers';

function run(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/teamsfx-env.mjs'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

describe('the database password that provision makes', () => {
  test('is written once, as a SECRET_ variable, with upper case, lower case and digits', () => {
    const { status, stdout } = run({}, 'secret', 'SECRET_POSTGRES_ADMIN_PASSWORD');
    expect(status).toBe(0);
    const value =
      /^::set-teamsfx-env SECRET_POSTGRES_ADMIN_PASSWORD=(\S+)\n$/.exec(stdout)?.[1] ?? '';
    expect(value).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(value).toMatch(/[A-Z]/);
    expect(value).toMatch(/[a-z]/);
    expect(value).toMatch(/[0-9]/);
  });

  test('is never replaced once it exists', () => {
    const { status, stdout } = run(
      { SECRET_POSTGRES_ADMIN_PASSWORD: 'kept' },
      'secret',
      'SECRET_POSTGRES_ADMIN_PASSWORD',
    );
    expect([status, stdout]).toEqual([0, '']);
  });

  test('differs from one environment to the next', () => {
    const a = run({}, 'secret', 'S').stdout;
    const b = run({}, 'secret', 'S').stdout;
    expect(a).not.toBe(b);
  });
});

describe('the domain that local provision takes from the dev tunnel URL', () => {
  test('is the host of an https origin', () => {
    const { status, stdout } = run(
      { APP_ENDPOINT: 'https://abcd1234-3978.euw.devtunnels.ms' },
      'domain',
      'APP_ENDPOINT',
      'APP_DOMAIN',
    );
    expect([status, stdout]).toEqual([
      0,
      '::set-teamsfx-env APP_DOMAIN=abcd1234-3978.euw.devtunnels.ms\n',
    ]);
  });

  test.each([
    '',
    'http://abcd1234-3978.euw.devtunnels.ms',
    'https://abcd1234-3978.euw.devtunnels.ms/',
    'https://host/api',
  ])('stops provision with directions when APP_ENDPOINT is "%s"', (value) => {
    const { status, stdout, stderr } = run(
      { APP_ENDPOINT: value, TEAMSFX_ENV: 'local' },
      'domain',
      'APP_ENDPOINT',
      'APP_DOMAIN',
    );
    expect([status, stdout]).toEqual([1, '']);
    expect(stderr).toContain('APP_ENDPOINT must be the https URL of your dev tunnel');
    expect(stderr).toContain('devtunnel host -p 3978 --allow-anonymous');
    expect(stderr).toContain('env/.env.local');
  });
});
