import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAuthenticator } from '../../bot/src/auth';
import { deployedSettings } from './support/production';
import { startService, type RunningService } from './support/service';

let local: RunningService;
let production: RunningService;
let tabDir: string;

beforeAll(async () => {
  tabDir = mkdtempSync(path.join(tmpdir(), 'tab-dist-'));
  mkdirSync(path.join(tabDir, 'assets'));
  writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>tab</title>');
  writeFileSync(path.join(tabDir, 'assets', 'index-AbCd1234.js'), 'export {};');
  local = await startService(undefined, { tabDir });
  const signIn = await createAuthenticator({
    mode: 'entra',
    entra: { clientId: deployedSettings.ENTRA_CLIENT_ID, jwksUrl: 'http://127.0.0.1:9/keys' },
  });
  production = await startService(undefined, { signIn, env: deployedSettings });
});
afterAll(async () => {
  await local.close();
  await production.close();
  rmSync(tabDir, { recursive: true, force: true });
});

const answers: [string, string, RequestInit][] = [
  ['health', '/healthz', {}],
  ['the API description', '/api/openapi.json', {}],
  ['a refusal without sign-in (401)', '/api/meetings', {}],
  ['an unknown route (404)', '/api/nothing-here', {}],
  [
    'a body that is not JSON (400)',
    '/api/meetings',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
  ],
];

describe('every answer of the API', () => {
  test.each(answers)('%s is neither sniffed nor stored', async (_case, url, init) => {
    const response = await fetch(`${local.url}${url}`, init);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('the tab’s files keep their own caching policy, and are not sniffed either', async () => {
    const page = await fetch(`${local.url}/tab/index.html`);
    const asset = await fetch(`${local.url}/tab/assets/index-AbCd1234.js`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const response of [page, asset]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('HSTS', () => {
  test.each(answers)(
    'in production behind App Service’s HTTPS front end, %s carries Strict-Transport-Security',
    async (_case, url, init) => {
      const response = await fetch(`${production.url}${url}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'x-forwarded-proto': 'https' },
      });
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=31536000\b/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  test.each([
    ['in production, over plain HTTP', () => production, {}],
    ['in production, forwarded from plain HTTP', () => production, { 'x-forwarded-proto': 'http' }],
    ['outside production, whatever a header claims', () => local, { 'x-forwarded-proto': 'https' }],
  ])('%s, no answer carries it', async (_case, service, headers) => {
    const response = await fetch(`${service().url}/healthz`, { headers });
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
