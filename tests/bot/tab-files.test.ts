import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startService, type RunningService } from './support/service';

let running: RunningService;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'tab-dist-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>tab</title>');
  writeFileSync(path.join(root, 'config.html'), '<!doctype html><title>config</title>');
  writeFileSync(path.join(root, 'assets', 'index-AbCd1234.js'), 'export {};');
  writeFileSync(path.join(root, 'assets', 'index-AbCd1234.css'), 'body{}');
  running = await startService(undefined, { tabDir: root });
});
afterAll(() => running.close());

const get = (url: string) => fetch(`${running.url}${url}`, { redirect: 'manual' });

function frameAncestors(response: Response): string[] {
  const policy = response.headers.get('content-security-policy') ?? '';
  const directive = policy.split(';').find((d) => d.trim().startsWith('frame-ancestors'));
  return directive?.trim().split(/\s+/).slice(1) ?? [];
}

test.each(['/tab/', '/tab/index.html', '/tab/config.html'])(
  '%s may be framed by Teams and Microsoft 365 hosts only, and by no other site',
  async (url) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-frame-options')).toBeNull();
    const hosts = frameAncestors(response);
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://teams.cloud.microsoft',
      'https://*.cloud.microsoft',
      'https://*.skype.com',
      'https://*.office.com',
      'https://outlook.office.com',
    ]) {
      expect(hosts).toContain(host);
    }
    expect(hosts).not.toContain('*');
    expect(hosts.every((host) => host.startsWith('https://'))).toBe(true);
  },
);

test('scripts and styles are served with their content types; hashed files are cached for good', async () => {
  const script = await get('/tab/assets/index-AbCd1234.js');
  expect(script.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
  expect(script.headers.get('cache-control')).toContain('immutable');
  const style = await get('/tab/assets/index-AbCd1234.css');
  expect(style.headers.get('content-type')).toMatch(/^text\/css/);
  expect((await get('/tab/index.html')).headers.get('cache-control')).toBe('no-cache');
});

test('/tab leads to the tab with its query kept', async () => {
  const response = await get('/tab?meeting=m-1');
  expect(response.status).toBe(301);
  expect(response.headers.get('location')).toBe('/tab/?meeting=m-1');
});

test.each([
  '/tab/missing.js',
  '/tab/../package.json',
  '/tab/%2e%2e/%2e%2e/package.json',
  '/tab/assets',
])(
  '%s is refused with a code, never served from outside the tab nor answered with a 5xx',
  async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { code?: string };
    expect(body.code).toEqual(expect.any(String));
  },
);
