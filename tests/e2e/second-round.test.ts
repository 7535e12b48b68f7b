import type { Browser, Page } from 'playwright-core';
import { tieAndPublish, votesOf } from '../bot/support/appointment';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import { demo, type RunningService } from '../bot/support/service';
import { keepScreenshot, launchChromium } from './support/browser';
import { openView, startTabService } from './support/tab';

let running: RunningService;
let council: DemoMeeting;
let browser: Browser;
let chair: Page;

/** The demo council's appointment to the water company (item 5), voted and tied 15 to 15. */
beforeAll(async () => {
  running = await startTabService();
  council = await openDemoMeeting(running, 30, demo, { tellers: {} });
  for (const _ of [2, 3, 4, 5])
    await council.chair.command(council.meetingId, { type: 'NextItem' });
  await council.chair.command(council.meetingId, { type: 'OpenVote' });
  const [voteId] = Object.keys(await votesOf(council.director, council.meetingId));
  await tieAndPublish(council.meetingId, council.director, council.members, voteId ?? '');
  browser = await launchChromium();
  chair = (await openView(browser, running, { meetingId: council.meetingId, as: council.chair.id }))
    .page;
}, 180_000);

afterAll(async () => {
  await browser.close();
  await running.close();
});

test('in Chromium the chair opens the second round from the tied result, and votes in it', async () => {
  const secondRound = chair.getByRole('button', {
    name: 'Second round between Rachida Maes and David Collard',
  });
  await secondRound.click();
  const ballot = chair.getByRole('group', { name: 'Your ballot' });
  await ballot.waitFor();
  expect(await ballot.getByRole('button').allTextContents()).toEqual([
    'Rachida Maes',
    'David Collard',
    'Blank ballot',
  ]);
  expect(await secondRound.count()).toBe(0);
  await keepScreenshot(chair, 'chair-second-round');
  const runoffs = Object.values(await votesOf(council.director, council.meetingId)).filter(
    (v) => v.runoffOf !== null,
  );
  expect(runoffs).toHaveLength(1);
});
