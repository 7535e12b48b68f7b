import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureTabBuilt } from '../../../scripts/tab-build.mjs';
import { startService, type RunningService } from '../../bot/support/service';

/** The real service on loopback, serving the tab as built from the current sources. */
export async function startTabService(): Promise<RunningService> {
  const root = path.join(__dirname, '../../..');
  ensureTabBuilt(root);
  return startService(undefined, { tabDir: path.join(root, 'tab/dist') });
}

export interface Visit {
  readonly meetingId?: string;
  /** The demo council's person to act as (browser mode's `?as=`). */
  readonly as?: string;
  readonly view?: 'panel' | 'stage' | 'details' | 'trustee';
  readonly theme?: 'light' | 'dark' | 'contrast';
  /** The reader's language, as Teams would give it (English unless said). */
  readonly language?: 'fr' | 'nl' | 'de' | 'en';
  readonly page?: 'index.html' | 'config.html';
}

export function tabUrl(running: RunningService, visit: Visit): string {
  const query = new URLSearchParams({ lang: visit.language ?? 'en' });
  if (visit.meetingId) query.set('meeting', visit.meetingId);
  if (visit.as) query.set('as', visit.as);
  if (visit.view) query.set('view', visit.view);
  if (visit.theme) query.set('theme', visit.theme);
  return `${running.url}/tab/${visit.page ?? 'index.html'}?${query.toString()}`;
}

/** Opens a view in a fresh browser context of its own (its own person, like its own computer). */
export async function openView(
  browser: Browser,
  running: RunningService,
  visit: Visit,
  viewport = { width: 320, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(tabUrl(running, visit));
  await page.locator('main').first().waitFor();
  if (problems.length > 0) throw new Error(`the page failed: ${problems.join('; ')}`);
  return { context, page };
}

/** The speaking queue as a page shows it, by request. */
export function queueOrder(page: Page): Promise<string[]> {
  return page
    .locator('[data-request]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-request') ?? ''));
}

/**
 * Once no part of the panel shows a spinner (named `name`, if given): the parts a view loads on
 * first show push what is below them down as they arrive, so a click aimed or a position measured
 * before can miss.
 */
export async function partsLoaded(page: Page, name?: string): Promise<void> {
  await page
    .locator('main')
    .getByRole('progressbar', name === undefined ? {} : { name })
    .first()
    .waitFor({ state: 'detached' });
}
