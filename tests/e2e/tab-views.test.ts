import type { Browser, Page } from 'playwright-core';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import { demo, nextCommandId, type Person, type RunningService } from '../bot/support/service';
import {
  keepScreenshot,
  launchChromium,
  scrollsSideways,
  seriousViolations,
} from './support/browser';
import { openView, startTabService, type Visit } from './support/tab';

let running: RunningService;
let council: DemoMeeting;
let draftMeetingId: string;
let browser: Browser;

const member = (n: number) => council.members[n] as Person;
const PANEL = { width: 320, height: 900 };

beforeAll(async () => {
  running = await startTabService();
  council = await openDemoMeeting(running, 30);
  const id = council.meetingId;
  // A sitting in full swing: a speaker, a queue, a motion and an open named vote.
  for (const n of [1, 2, 3]) {
    await member(n).command(id, {
      type: 'RequestFloor',
      kind: n === 3 ? 'pointOfOrder' : 'contribution',
    });
  }
  await council.chair.command(id, { type: 'GiveFloor' });
  await member(5).command(id, { type: 'ProposeMotion', text: 'Approve the minutes as amended.' });
  await council.chair.command(id, { type: 'OpenVote', secret: false });
  const created = await council.director.call('POST', '/api/meetings', {
    commandId: nextCommandId(),
    council: demo,
  });
  draftMeetingId = created.body.meetingId as string;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser.close();
  await running.close();
});

interface Case {
  readonly name: string;
  readonly visit: () => Visit;
  readonly viewport?: { width: number; height: number };
  /** Something the view must show before it is checked. */
  readonly ready: string;
}

const cases: Case[] = [
  {
    name: 'panel-chair',
    visit: () => ({ meetingId: council.meetingId, as: council.chair.id }),
    ready: '[data-request]',
  },
  {
    name: 'panel-councillor',
    visit: () => ({ meetingId: council.meetingId, as: member(4).id }),
    ready: '[data-vote]',
  },
  {
    name: 'panel-director',
    visit: () => ({ meetingId: council.meetingId, as: council.director.id }),
    ready: '[data-member]',
  },
  {
    name: 'panel-observer',
    visit: () => ({ meetingId: council.meetingId, as: council.observer.id }),
    ready: '[data-speaker]',
  },
  {
    name: 'stage',
    visit: () => ({ meetingId: council.meetingId, as: council.observer.id, view: 'stage' }),
    viewport: { width: 1280, height: 720 },
    ready: '[data-speaker]',
  },
  {
    name: 'details-director',
    visit: () => ({ meetingId: draftMeetingId, as: council.director.id, view: 'details' }),
    viewport: { width: 1024, height: 900 },
    ready: '[data-agenda-item]',
  },
  {
    // The sitting convened: the director's convocation, its receipts table and resend buttons.
    name: 'details-receipts',
    visit: () => ({ meetingId: council.meetingId, as: council.director.id, view: 'details' }),
    viewport: { width: 1024, height: 900 },
    ready: '[data-convocation] table',
  },
  {
    name: 'config',
    visit: () => ({ as: council.director.id, page: 'config.html' }),
    viewport: { width: 800, height: 700 },
    ready: 'select',
  },
  {
    name: 'dev-picker',
    visit: () => ({ meetingId: council.meetingId }),
    viewport: { width: 1024, height: 800 },
    ready: '[data-person]',
  },
];

async function open(visit: Visit, viewport = PANEL, ready: string): Promise<Page> {
  const { page } = await openView(browser, running, visit, viewport);
  await page.locator(ready).first().waitFor({ timeout: 10_000 });
  return page;
}

test.each(cases.map((c) => [c.name, c] as const))(
  'axe finds no serious or critical violation on the %s view',
  async (name, { visit, viewport, ready }) => {
    const page = await open(visit(), viewport, ready);
    await keepScreenshot(page, name);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  },
);

test.each(['dark', 'contrast'] as const)(
  'the side panel and the stage render in the %s theme, with no serious axe violation',
  async (theme) => {
    for (const [name, visit, viewport] of [
      ['panel-councillor', { meetingId: council.meetingId, as: member(4).id, theme }, PANEL],
      [
        'stage',
        { meetingId: council.meetingId, as: council.observer.id, view: 'stage', theme },
        { width: 1280, height: 720 },
      ],
    ] as const) {
      const page = await open(visit, viewport, '[data-speaker]');
      const look = await page.evaluate(() => {
        const frame = document.querySelector('[data-theme]');
        const rgb = (frame ? getComputedStyle(frame).backgroundColor : '').match(/\d+/g) ?? [];
        const [r = 255, g = 255, b = 255] = rgb.map(Number);
        return {
          theme: frame?.getAttribute('data-theme'),
          luminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255,
        };
      });
      expect(look.theme).toBe(theme);
      expect(look.luminance).toBeLessThan(theme === 'contrast' ? 0.05 : 0.25);
      await keepScreenshot(page, `${name}-${theme}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }
  },
);

test.each([
  ['chair', () => council.chair.id],
  ['councillor', () => member(4).id],
  ['director', () => council.director.id],
] as const)(
  'the %s side panel fits 320 CSS pixels without scrolling sideways',
  async (_role, who) => {
    const page = await open({ meetingId: council.meetingId, as: who() }, PANEL, 'main section');
    expect(await scrollsSideways(page)).toBe(false);
    await page.context().close();
  },
);

test('in browser mode the picker signs in as the chosen person of the demo council', async () => {
  const page = await open({ meetingId: council.meetingId }, PANEL, '[data-person]');
  await page.getByRole('button', { name: 'Amélie Lambert' }).click();
  await page.locator('[data-dev-person]').waitFor();
  await page.getByRole('button', { name: 'Give the floor to the next' }).waitFor();
  expect(new URL(page.url()).searchParams.get('as')).toBe(council.chair.id);
  await page.context().close();
});
