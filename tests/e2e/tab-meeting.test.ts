import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import { demo, type Person, type RunningService } from '../bot/support/service';
import { keepScreenshot, launchChromium } from './support/browser';
import { openView, queueOrder, startTabService } from './support/tab';

let running: RunningService;
let council: DemoMeeting;
/** Two browsers, as two computers: the chair's, and the one sharing the meeting stage. */
let chairBrowser: Browser;
let stageBrowser: Browser;
let chair: Page;
let stage: Page;

const member = (n: number) => council.members[n] as Person;

beforeAll(async () => {
  running = await startTabService();
  council = await openDemoMeeting(running, 30, demo, { tellers: {} });
  [chairBrowser, stageBrowser] = await Promise.all([launchChromium(), launchChromium()]);
  for (const n of [1, 2, 3]) {
    await member(n).command(council.meetingId, { type: 'RequestFloor', kind: 'contribution' });
  }
  chair = (
    await openView(chairBrowser, running, { meetingId: council.meetingId, as: council.chair.id })
  ).page;
  stage = (
    await openView(
      stageBrowser,
      running,
      { meetingId: council.meetingId, as: council.observer.id, view: 'stage' },
      { width: 1280, height: 720 },
    )
  ).page;
}, 180_000);

afterAll(async () => {
  await Promise.all([chairBrowser.close(), stageBrowser.close()]);
  await running.close();
});

/** Waits until `page` shows this queue, for at most `ms`. */
async function showsQueue(page: Page, expected: string[], ms: number): Promise<void> {
  await page.waitForFunction(
    (ids) =>
      JSON.stringify(
        Array.from(document.querySelectorAll('[data-request]')).map((li) =>
          li.getAttribute('data-request'),
        ),
      ) === JSON.stringify(ids),
    expected,
    { timeout: ms, polling: 'raf' },
  );
}

test('the chair drags a request to the head of the queue; the stage in another browser shows it within a second', async () => {
  await chair.locator('[data-request]').nth(2).waitFor();
  await stage.locator('[data-request]').nth(2).waitFor();
  const before = await queueOrder(chair);
  expect(await queueOrder(stage)).toEqual(before);
  const expected = [before[2], before[0], before[1]] as string[];

  await chair.locator('[data-request]').nth(2).dragTo(chair.locator('[data-request]').nth(0));
  // The chair's own screen shows the move at once, before the service answers.
  expect(await queueOrder(chair)).toEqual(expected);
  await showsQueue(stage, expected, 1_000);
  await keepScreenshot(stage, 'stage-after-reorder');
});

test('the chair moves a request by keyboard; the stage follows within a second', async () => {
  const before = await queueOrder(chair);
  const first = chair.locator('[data-request]').nth(0);
  await first.getByRole('button', { name: /down$/ }).focus();
  await chair.keyboard.press('Alt+ArrowDown');
  const expected = [before[1], before[0], before[2]] as string[];
  expect(await queueOrder(chair)).toEqual(expected);
  await showsQueue(stage, expected, 1_000);
  // The focus stayed on the request that moved, ready to move it again.
  const focused = await chair.evaluate(
    () => document.activeElement?.closest('[data-request]')?.getAttribute('data-request') ?? null,
  );
  expect(focused).toBe(before[0]);
  await keepScreenshot(chair, 'panel-chair');
});

test('a councillor asks for the floor from the side panel; the chair and the stage see the request', async () => {
  const councillor = (
    await openView(chairBrowser, running, { meetingId: council.meetingId, as: member(4).id })
  ).page;
  await councillor.getByRole('button', { name: 'Ask for the floor', exact: true }).click();
  await councillor.getByText('You are 4th in the queue (Contribution).').waitFor();
  const name = 'Élise Marchal';
  await chair.locator('[data-request]', { hasText: name }).waitFor({ timeout: 5_000 });
  await stage.locator('[data-request]', { hasText: name }).waitFor({ timeout: 5_000 });
  await keepScreenshot(councillor, 'panel-councillor');
  await councillor.context().close();
});

test('the chair gives the floor; the stage shows the speaker with a running timer', async () => {
  await chair.getByRole('button', { name: 'Give the floor to the next' }).click();
  const speaker = stage.locator('[data-speaker]');
  await speaker.waitFor();
  const first = await stage.getByRole('timer').textContent();
  await stage.waitForFunction(
    (shown) => document.querySelector('[role="timer"]')?.textContent !== shown,
    first,
    { timeout: 5_000 },
  );
  await keepScreenshot(stage, 'stage-speaker');
});

test('a secret ballot is cast from the tab: the member sees a receipt, never the choice', async () => {
  for (let i = 0; i < 4; i++) {
    await chair.getByRole('button', { name: 'Next item' }).click();
    // Leaving the first item cuts the speaker off and leaves its queue: the chair confirms.
    if (i === 0) {
      await chair
        .getByRole('dialog', { name: 'Move to the next item?' })
        .getByRole('button', { name: 'Move to the next item' })
        .click();
    }
    await chair
      .getByText(`${String(i + 2)}. `, { exact: false })
      .first()
      .waitFor();
  }
  await chair.locator('[data-current-item="item-5"]').waitFor();
  expect(await chair.getByRole('checkbox', { name: 'Secret ballot' }).isChecked()).toBe(true);
  await chair.getByRole('button', { name: 'Open the vote' }).click();
  await chair.getByRole('heading', { name: 'Secret ballot open' }).waitFor();

  const voter = member(2);
  const { page, context } = await openView(chairBrowser, running, {
    meetingId: council.meetingId,
    as: voter.id,
  });
  const ballot = page.getByRole('group', { name: 'Your ballot' });
  await ballot.waitFor();
  const choice = (await ballot.getByRole('button').first().textContent()) ?? '';
  await ballot.getByRole('button', { name: choice }).click();
  await page.locator('[data-receipt]').waitFor();
  expect(await page.locator('[data-receipt]').textContent()).toBe(
    'Your secret ballot is in the box — it cannot be changed or shown.',
  );
  expect(await page.locator('main').innerText()).not.toContain(choice);
  await keepScreenshot(page, 'panel-councillor-receipt');

  // What the service tells that member links them to no choice either.
  const snapshot = await voter.get(`/api/meetings/${council.meetingId}`);
  const meeting = snapshot.body.meeting as {
    openVoteId: string;
    votes: Record<string, { ballots: object; participants: string[] }>;
  };
  const vote = meeting.votes[meeting.openVoteId];
  expect(vote?.ballots).toEqual({});
  expect(vote?.participants).toContain(voter.id);
  await context.close();
});

test('the chair closes the vote; the director publishes the result and the stage shows it', async () => {
  for (const n of [1, 3, 5]) {
    const ballot = await member(n).get(`/api/meetings/${council.meetingId}`);
    const voteId = (ballot.body.meeting as { openVoteId: string }).openVoteId;
    await member(n).command(council.meetingId, {
      type: 'CastBallot',
      voteId,
      choice: 'abstain',
    });
  }
  await chair.getByRole('button', { name: 'Close the vote' }).click();
  // Members present have not all voted: the chair confirms.
  await chair
    .getByRole('dialog', { name: 'Close the vote?' })
    .getByRole('button', { name: 'Close the vote' })
    .click();
  const director = (
    await openView(chairBrowser, running, { meetingId: council.meetingId, as: council.director.id })
  ).page;
  const publish = director.getByRole('button', { name: 'Publish' });
  await publish.waitFor({ timeout: 5_000 });
  // Not yet published: the stage has no result to show.
  expect(await stage.locator('[data-result]').count()).toBe(0);
  await keepScreenshot(director, 'panel-director');
  await publish.click();
  await director.getByText('No result is waiting.').waitFor();
  await stage.locator('[data-result]').waitFor({ timeout: 5_000 });
  expect(await stage.locator('[data-result]').innerText()).toMatch(/participation|took part/);
  await keepScreenshot(stage, 'stage-result');
  await director.context().close();
});

test('the director downloads the minutes from the side panel, 320 pixels wide: a PDF named after the sitting', async () => {
  const { page, context } = await openView(chairBrowser, running, {
    meetingId: council.meetingId,
    as: council.director.id,
  });
  const button = page.getByRole('button', { name: 'Download the minutes (PDF)' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  // The service's name for the file, in the meeting's language: a draft while it runs.
  expect(download.suggestedFilename()).toMatch(
    /^proces-verbal-[a-z-]+-\d{4}-\d{2}-\d{2}-draft\.pdf$/,
  );
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The button fits the narrow panel: nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await context.close();
});
