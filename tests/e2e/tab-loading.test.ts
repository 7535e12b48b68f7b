import type { Browser } from 'playwright-core';
import en from '../../tab/src/i18n/locales/en.json';
import fr from '../../tab/src/i18n/locales/fr.json';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import type { RunningService } from '../bot/support/service';
import { launchChromium } from './support/browser';
import { startTabService, tabUrl } from './support/tab';

let running: RunningService;
let council: DemoMeeting;
let browser: Browser;

beforeAll(async () => {
  running = await startTabService();
  council = await openDemoMeeting(running, 30);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser.close();
  await running.close();
});

/** The catalogue and theme chunks a page asked for, by name ("fr", "dark"…). */
const chunkPattern = /\/assets\/(fr|nl|de|en|light|dark|contrast)-[^/]*\.js$/;

test('a French panel in the dark theme downloads the French catalogue and the dark theme only', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => {
    const chunk = chunkPattern.exec(new URL(request.url()).pathname)?.[1];
    if (chunk) fetched.push(chunk);
  });
  const address = new URL(
    tabUrl(running, { meetingId: council.meetingId, as: council.chair.id, theme: 'dark' }),
  );
  address.searchParams.set('lang', 'fr');
  await page.goto(address.toString());
  await page.getByRole('button', { name: fr.dev.switch }).waitFor();

  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
  expect(fetched.sort()).toEqual(['dark', 'fr']);
  await context.close();
});

test('the meeting is asked for once, while the page loads, and that answer is the first shown', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  const meetingPath = `/api/meetings/${council.meetingId}`;
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === meetingPath) asked.push(request.method());
  });
  await page.goto(tabUrl(running, { meetingId: council.meetingId, as: council.chair.id }));
  await page.waitForFunction(() => performance.getEntriesByName('council:view-rendered').length);
  await page.getByRole('heading', { name: en.floor.heading }).waitFor();
  expect(asked).toEqual(['GET']);
  await context.close();
});

test('a view whose code does not arrive says so, and the page loads it when tried again', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  let cut = true;
  await page.route(/\/assets\/Panel-[^/]*\.js$/, (route) =>
    cut ? route.abort('connectionreset') : route.continue(),
  );
  await page.goto(tabUrl(running, { meetingId: council.meetingId, as: council.chair.id }));
  await page.getByRole('alert').filter({ hasText: en.app.partFailed }).waitFor();
  cut = false;
  await page.getByRole('button', { name: en.app.retry }).click();
  await page.getByRole('heading', { name: en.floor.heading }).waitFor();
  expect(await page.getByText(en.app.partFailed).count()).toBe(0);
  await context.close();
});
