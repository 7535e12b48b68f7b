import type { Browser, Page } from 'playwright-core';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import type { Person, RunningService } from '../bot/support/service';
import {
  keepScreenshot,
  launchChromium,
  scrollsSideways,
  seriousViolations,
} from './support/browser';
import { openView, startTabService, type Visit } from './support/tab';

const PUBLIC_FILE = 'https://contoso.sharepoint.com/sites/council/budget/draft-decision.pdf';
const CLOSED_FILE = 'https://contoso.sharepoint.com/sites/hr/personnel/candidate-file.docx';
const PANEL = { width: 320, height: 900 };
const STAGE = { width: 1280, height: 720 };

let running: RunningService;
let council: DemoMeeting;
let browser: Browser;

const must = async (person: Person, command: unknown) => {
  const reply = await person.command(council.meetingId, command);
  expect({ command, status: reply.status }).toMatchObject({ status: 200 });
};

beforeAll(async () => {
  running = await startTabService();
  council = await openDemoMeeting(running, 9);
  const attach = (itemId: string, title: string, url: string) =>
    must(council.director, { type: 'AttachDocument', itemId, title, url });
  await attach('item-1', 'Projet de délibération', PUBLIC_FILE);
  await attach('item-8', 'Dossier du candidat', CLOSED_FILE);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser.close();
  await running.close();
});

async function open(visit: Visit, viewport: typeof PANEL, ready: string): Promise<Page> {
  const { page } = await openView(browser, running, visit, viewport);
  await page.locator(ready).first().waitFor({ timeout: 10_000 });
  return page;
}

test('the stage shows the current item’s documents, as links opening beside Teams', async () => {
  const page = await open(
    { meetingId: council.meetingId, as: council.observer.id, view: 'stage' },
    STAGE,
    '[data-documents="item-1"]',
  );
  const link = page.getByRole('link', { name: /Projet de délibération/ });
  expect(await link.getAttribute('href')).toBe(PUBLIC_FILE);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toContain('noopener');
  await keepScreenshot(page, 'stage-documents');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.content()).not.toContain('candidate-file');
  await page.context().close();
});

test('a councillor’s side panel lists a closed item’s documents in 320 px; the observer’s never does', async () => {
  const member = await open(
    { meetingId: council.meetingId, as: (council.members[2] as Person).id },
    PANEL,
    '[role="tab"]',
  );
  await member.getByRole('tab', { name: 'Agenda' }).click();
  await member.locator('[data-documents="item-8"]').waitFor({ timeout: 10_000 });
  expect(await scrollsSideways(member)).toBe(false);
  expect(await seriousViolations(member)).toEqual([]);
  await keepScreenshot(member, 'panel-councillor-documents');
  await member.context().close();

  await must(council.chair, { type: 'TakeUpItem', itemId: 'item-8' });
  for (const view of ['panel', 'stage'] as const) {
    const observer = await open(
      { meetingId: council.meetingId, as: council.observer.id, view },
      view === 'stage' ? STAGE : PANEL,
      view === 'stage' ? '[data-closed-session]' : '[data-documents="item-1"]',
    );
    expect(await observer.content()).not.toContain('candidate-file');
    expect(await observer.locator('[data-documents="item-8"]').count()).toBe(0);
    await observer.context().close();
  }
});

test('the director attaches a document in the details tab at 320 px, axe clean', async () => {
  const page = await open(
    { meetingId: council.meetingId, as: council.director.id, view: 'details' },
    PANEL,
    '[role="tab"]',
  );
  await page.getByRole('tab', { name: 'Documents' }).click();
  await page.getByRole('combobox', { name: 'Item' }).selectOption('item-2');
  await page.getByRole('textbox', { name: /Title/ }).fill('Note de synthèse');
  await page
    .getByRole('textbox', { name: /Link to the file/ })
    .fill('https://contoso-my.sharepoint.com/personal/dg/Documents/note.pdf');
  await page.getByRole('button', { name: 'Attach' }).click();
  await page.getByRole('link', { name: 'Note de synthèse' }).waitFor();
  expect(await scrollsSideways(page)).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  await keepScreenshot(page, 'details-documents');

  await page.getByRole('textbox', { name: /Title/ }).fill('Ailleurs');
  await page.getByRole('textbox', { name: /Link to the file/ }).fill('https://example.org/x.pdf');
  await page.getByRole('button', { name: 'Attach' }).click();
  await page.getByText(/SharePoint or OneDrive, not on example.org/).waitFor();
  await page.context().close();
});
