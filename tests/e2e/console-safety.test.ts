import type { Browser, Page } from 'playwright-core';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import type { Person, RunningService } from '../bot/support/service';
import {
  keepScreenshot,
  launchChromium,
  scrollsSideways,
  seriousViolations,
} from './support/browser';
import { openView, partsLoaded, startTabService, type Visit } from './support/tab';

/** The chair's console at the size of a Teams side panel on a small laptop. */
const PANEL = { width: 320, height: 720 };

let running: RunningService;
let browser: Browser;

beforeAll(async () => {
  running = await startTabService();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser.close();
  await running.close();
});

async function open(visit: Visit): Promise<Page> {
  const { page } = await openView(browser, running, visit, PANEL);
  // A step that does not happen fails within the test's own time, saying which step it was.
  page.setDefaultTimeout(10_000);
  // The parts a panel loads on first show (the motion form, the tellers) push what is below them
  // down as they arrive, and a click aimed before can land on whatever moved under it: the likely
  // cause of one CI run (Chromium 156) that waited in vain for the dialog "Close the sitting"
  // opens. A chair clicks on a panel that has settled.
  await partsLoaded(page);
  return page;
}

/** The meeting's version as the service has it: unchanged means nothing was applied. */
async function versionOf(council: DemoMeeting): Promise<number> {
  return (await council.chair.get(`/api/meetings/${council.meetingId}`)).body.version as number;
}

/** Opens the dialog `button` asks with, checks it, and cancels it (by Cancel, or by Escape). */
async function askedThenCancelled(
  page: Page,
  button: string,
  dialogName: string,
  how: 'Cancel' | 'Escape' = 'Cancel',
): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  expect(await dialog.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
  if (how === 'Escape') await page.keyboard.press('Escape');
  else await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  // The focus is back on the control that asked.
  const control = page.getByRole('button', { name: button, exact: true });
  expect(await control.evaluate((element) => element === document.activeElement)).toBe(true);
}

test('each irreversible action of the chair asks first, and Cancel leaves the meeting as it was', async () => {
  const council = await openDemoMeeting(running, 30);
  const member = (n: number) => council.members[n] as Person;
  for (const n of [1, 2]) {
    await member(n).command(council.meetingId, { type: 'RequestFloor', kind: 'contribution' });
  }
  await council.chair.command(council.meetingId, { type: 'GiveFloor' });
  await council.chair.command(council.meetingId, { type: 'OpenVote', secret: false });
  const chair = await open({ meetingId: council.meetingId, as: council.chair.id });
  await chair.locator('[data-request]').first().waitFor();
  const before = await versionOf(council);

  await askedThenCancelled(chair, 'Close the sitting', 'Close the sitting?');
  await askedThenCancelled(chair, 'Close the vote', 'Close the vote?', 'Escape');

  await chair.getByRole('button', { name: 'Close the vote', exact: true }).click();
  const closing = chair.getByRole('dialog', { name: 'Close the vote?' });
  expect(await closing.innerText()).toMatch(/\d+ members have not voted yet\./);
  expect(await seriousViolations(chair)).toEqual([]);
  await keepScreenshot(chair, 'panel-chair-confirm-close-vote');
  await closing.getByRole('button', { name: 'Cancel' }).click();
  await closing.waitFor({ state: 'detached' });

  const remove = chair.getByRole('button', { name: /^Remove .+ from the queue$/ }).first();
  const removeName = (await remove.getAttribute('aria-label')) ?? '';
  await askedThenCancelled(chair, removeName, `${removeName}?`);
  expect(await scrollsSideways(chair)).toBe(false);
  expect(await versionOf(council)).toBe(before);

  // Moving on is refused while a vote is open: close it (everyone present has not voted: asked).
  await chair.getByRole('button', { name: 'Close the vote', exact: true }).click();
  await chair
    .getByRole('dialog', { name: 'Close the vote?' })
    .getByRole('button', { name: 'Close the vote' })
    .click();
  await chair.getByRole('button', { name: 'Open the vote' }).waitFor();
  const closed = await versionOf(council);
  await askedThenCancelled(chair, 'Next item', 'Move to the next item?');
  expect(await versionOf(council)).toBe(closed);

  const councillor = await open({ meetingId: council.meetingId, as: member(4).id });
  await askedThenCancelled(councillor, 'Check out', 'Check out of the sitting?');
  await councillor.locator('[data-attendance="present"]').waitFor();
  expect(await versionOf(council)).toBe(closed);
  await councillor.context().close();
  await chair.context().close();
}, 90_000);

test('a control brought into view stops below the status header, not under it', async () => {
  const council = await openDemoMeeting(running, 30);
  await council.chair.command(council.meetingId, { type: 'OpenVote', secret: false });
  const chair = await open({ meetingId: council.meetingId, as: council.chair.id });
  const close = chair.getByRole('button', { name: 'Close the vote', exact: true });
  await close.waitFor();
  await chair.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  // Scrolled past it, the control is above the viewport; brought back the shortest way (as a
  // refusal next to its control is), it would land at the top edge, under the header.
  expect((await close.boundingBox())?.y ?? 0).toBeLessThan(0);
  await close.evaluate((element) => {
    element.scrollIntoView({ block: 'nearest' });
  });
  const header = await chair.locator('header').first().boundingBox();
  const control = await close.boundingBox();
  expect(header).not.toBeNull();
  expect(control?.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0) - 1);
  await chair.context().close();
});

test('a refused command shows its reason next to the control, inside the viewport', async () => {
  // Three members present out of the demo council: no quorum, so no vote may open.
  const council = await openDemoMeeting(running, 3);
  const chair = await open({ meetingId: council.meetingId, as: council.chair.id });
  const before = await versionOf(council);
  await chair.getByRole('button', { name: 'Open the vote' }).click();
  const refused = chair.locator('[data-feedback="refused"]');
  await refused.waitFor();
  expect(await refused.innerText()).toMatch(/Not applied/);
  expect(await refused.innerText()).toMatch(/quorum/i);
  const box = await refused.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.y).toBeGreaterThanOrEqual(0);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PANEL.height);
  // Next to the control: in the same section as the button that was refused.
  const section = refused.locator('xpath=ancestor::section[1]');
  expect(await section.getByRole('button', { name: 'Open the vote' }).count()).toBe(1);
  expect(await versionOf(council)).toBe(before);
  await keepScreenshot(chair, 'panel-chair-refused');
  await chair.context().close();
});

test('when the answer is lost, the panel says in French the action may not be applied; Retry learns it was, and applies it once', async () => {
  const council = await openDemoMeeting(running, 30);
  const chair = await open({ meetingId: council.meetingId, as: council.chair.id, language: 'fr' });
  const item = () => chair.locator('[data-current-item]').first().getAttribute('data-current-item');
  const first = await item();
  const before = await versionOf(council);
  const sentIds: string[] = [];
  chair.on('request', (request) => {
    if (request.url().endsWith('/commands')) {
      sentIds.push((request.postDataJSON() as { commandId: string }).commandId);
    }
  });
  // The service gets the command and applies it; its answer never reaches the panel.
  await chair.route('**/commands', async (route) => {
    await route.fetch();
    await route.abort('failed');
  });
  await chair.getByRole('button', { name: 'Point suivant' }).click();
  const unanswered = chair.locator('[data-feedback="unanswered"]');
  await unanswered.waitFor();
  expect(await unanswered.innerText()).toMatch(/Non confirmé/);
  expect(await unanswered.innerText()).toMatch(/n’a peut-être pas été appliquée/);
  expect(await chair.locator('main').innerText()).not.toMatch(/Failed to fetch|TypeError/);
  await keepScreenshot(chair, 'panel-chair-unanswered-fr');

  await chair.unroute('**/commands');
  await unanswered.getByRole('button', { name: 'Réessayer' }).click();
  await chair.locator('[data-feedback="applied"]').waitFor();
  expect(await chair.locator('[data-feedback="applied"]').innerText()).toMatch(/Appliqué/);
  expect(sentIds).toHaveLength(2);
  expect(sentIds[1]).toBe(sentIds[0]);
  // Applied once: the sitting moved on by one item, with the events of one NextItem.
  await chair.waitForFunction(
    (was) =>
      document.querySelector('[data-current-item]')?.getAttribute('data-current-item') !== was,
    first,
  );
  expect(await item()).not.toBe(first);
  const after = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body;
  expect(after.version).toBe(before + 1);
  await chair.context().close();
});
