import type { Browser, Page } from 'playwright-core';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import { demo, startService, type Person, type RunningService } from '../bot/support/service';
import { axeViolations, keepScreenshot, launchChromium, scrollsSideways } from './support/browser';

/**
 * The public follow-along page in Chromium (issue 17, item 3): WCAG 2.1 AA as axe checks it, at
 * 320 CSS px (a 640 px window at 200 % zoom) without sideways scrolling, live without reload, and
 * a polite live region that says who has the floor and which result was published.
 */

/** 320 CSS pixels wide: what a 640 px window shows at 200 % zoom (WCAG 1.4.4 and 1.4.10). */
const ZOOMED = { width: 320, height: 800 };

let running: RunningService;
let council: DemoMeeting;
let browser: Browser;
let path: string;

const must = async (person: Person, command: unknown) => {
  const reply = await person.command(council.meetingId, command);
  expect({ command, status: reply.status }).toMatchObject({ status: 200 });
};

beforeAll(async () => {
  running = await startService();
  council = await openDemoMeeting(running, 9, { ...demo, members: demo.members.slice(0, 9) });
  path = `${running.url}/public/ville-de-meuse-sur-ourthe/${council.meetingId}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser.close();
  await running.close();
});

/** The page in a fresh context; what the browser refused under the page's policy is collected. */
async function open(language: string): Promise<{ page: Page; refused: string[] }> {
  const context = await browser.newContext({ viewport: ZOOMED });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(`${path}?lang=${language}`);
  return { page, refused };
}

test.each([
  ['fr', 'En séance'],
  ['nl', 'In zitting'],
  ['de', 'In Sitzung'],
  ['en', 'In session'],
])(
  'in %s: no axe violation of any impact, and no sideways scrolling at 200 %% zoom',
  async (language, status) => {
    const { page, refused } = await open(language);
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    await page.getByText(status, { exact: true }).waitFor();
    await keepScreenshot(page, `public-page-${language}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
    expect(refused).toEqual([]);
    await page.context().close();
  },
);

test('the floor given and a result published show without reload, and are announced politely', async () => {
  const { page, refused } = await open('fr');
  await page.evaluate(() => {
    (window as unknown as { unreloaded: boolean }).unreloaded = true;
  });
  const announce = page.locator('#announce');
  expect(await announce.getAttribute('aria-live')).toBe('polite');
  // The page's stream is open before the chair acts.
  await until(() => running.service.publicPages.fanOut.readers > 0);
  const speaker = demo.members[2]?.name ?? '';
  const member = council.members[2];
  if (!member) throw new Error('no member');
  await must(member, { type: 'RequestFloor', kind: 'contribution' });
  await must(council.chair, { type: 'GiveFloor' });
  await page.getByText(`A la parole : ${speaker}`).waitFor({ timeout: 10_000 });
  await expectText(announce, `${speaker} a la parole.`);

  await must(council.chair, { type: 'EndSpeech' });
  await must(council.chair, { type: 'OpenVote', secret: false });
  const { meeting } = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body as {
    meeting: { openVoteId: string };
  };
  const voteId = meeting.openVoteId;
  for (const voter of council.members.slice(0, 9)) {
    await must(voter, { type: 'CastBallot', voteId, choice: 'yes' });
  }
  await must(council.director, { type: 'PublishResult', voteId });
  await page.getByText('Pour : 9').waitFor({ timeout: 10_000 });
  await expectText(announce, 'Résultat publié, Point 1 : Adopté.');
  expect(
    await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded),
  ).toBe(true);
  await keepScreenshot(page, 'public-page-live');
  expect(await axeViolations(page)).toEqual([]);
  expect(refused).toEqual([]);
  await page.context().close();
}, 60_000);

test('in closed session the page shows the fact only, live', async () => {
  const { page } = await open('en');
  const closed = demo.agenda.find((item) => item.session === 'closed');
  const current = (
    (await council.chair.get(`/api/meetings/${council.meetingId}`)).body.meeting as {
      currentItemId: string;
    }
  ).currentItemId;
  const at = demo.agenda.findIndex((item) => `item-${String(item.n)}` === current);
  const to = demo.agenda.findIndex((item) => item === closed);
  for (let n = at; n < to; n++) await must(council.chair, { type: 'NextItem' });
  await page.getByText('Closed session', { exact: true }).waitFor({ timeout: 10_000 });
  await expectText(page.locator('#announce'), 'The council is sitting in closed session.');
  const text = await page.locator('body').innerText();
  expect(text).toContain('The council is sitting in closed session: nothing of it is public.');
  expect(text).not.toContain(closed?.title.en ?? 'missing');
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshot(page, 'public-page-closed-session');
  await page.context().close();
}, 60_000);

/** `done` holds within 10 s. */
async function until(done: () => boolean): Promise<void> {
  const limit = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > limit) throw new Error('never happened');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The element comes to read `text` within 10 s. */
async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  const until = Date.now() + 10_000;
  for (;;) {
    const read = await locator.textContent();
    if (read === text) return;
    if (Date.now() > until) expect(read).toBe(text);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
