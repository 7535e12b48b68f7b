import type { Browser, BrowserContext, Page } from 'playwright-core';
import { votesOf } from '../bot/support/appointment';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import type { Person, RunningService } from '../bot/support/service';
import {
  keepScreenshot,
  launchChromium,
  scrollsSideways,
  seriousViolations,
} from './support/browser';
import { openView, startTabService, tabUrl, type Visit } from './support/tab';

let running: RunningService;
let council: DemoMeeting;
let browser: Browser;

/**
 * The page the bot's task/fetch answers for a trustee's card (`?view=trustee`, which Teams opens
 * in a dialog), at the demo council's appointment to the water company (item 5, a secret ballot).
 */
beforeAll(async () => {
  running = await startTabService();
  council = await openDemoMeeting(running, 30);
  for (const _ of [2, 3, 4, 5])
    await council.chair.command(council.meetingId, { type: 'NextItem' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser.close();
  await running.close();
});

const visit = (person: Person, view: Visit['view'], language: Visit['language'] = 'en') => ({
  meetingId: council.meetingId,
  as: person.id,
  view,
  language,
});

/** Another page of the same browser profile: the same origin, so the same IndexedDB. */
async function alsoOpen(context: BrowserContext, where: Visit): Promise<Page> {
  const page = await context.newPage();
  await page.goto(tabUrl(running, where));
  await page.locator('main').first().waitFor();
  return page;
}

const standing = (page: Page, at: string) =>
  page.locator(`[data-standing="${at}"]`).waitFor({ timeout: 60_000 });

test('trustees in the dialog take their part of the key ceremony and, once the vote closes, release their shares; the page is the duty alone', async () => {
  const [tellerA, tellerB] = [council.members[1], council.members[2]] as [Person, Person];
  const named = await council.chair.command(council.meetingId, {
    type: 'NameTellers',
    tellers: [tellerA.id, tellerB.id],
  });
  expect(named.status).toBe(200);

  // The director (in French) and one teller work from the dialog; the other from the panel.
  const director = await openView(browser, running, visit(council.director, 'trustee', 'fr'));
  const dialogA = await openView(browser, running, visit(tellerA, 'trustee'));
  const panelB = await openView(browser, running, visit(tellerB, 'panel'));
  for (const page of [director.page, dialogA.page, panelB.page]) await standing(page, 'ready');

  const fr = director.page;
  await fr.getByRole('heading', { name: 'Votre clé pour les scrutins secrets' }).waitFor();
  await fr
    .getByText('Votre part de la clé est prête, gardée scellée dans ce navigateur.')
    .waitFor();
  // The duty alone: none of the panel's sections (the agenda, the floor, the tellers' naming).
  expect(await fr.getByRole('tab').count()).toBe(0);
  expect(await fr.getByRole('heading', { name: 'Scrutateurs' }).count()).toBe(0);
  // Outside Teams there is no dialog to close: no button back to the chat.
  expect(await fr.getByRole('button', { name: 'Retour à la conversation' }).count()).toBe(0);
  expect(await scrollsSideways(fr)).toBe(false);
  expect(await seriousViolations(fr)).toEqual([]);
  await keepScreenshot(fr, 'trustee-dialog-key-ready-fr');

  // The share kept by teller B's panel is found by the dialog in the same client, and the other
  // way round: one keeper, one origin.
  const dialogB = await alsoOpen(panelB.context, visit(tellerB, 'trustee'));
  await standing(dialogB, 'ready');
  const panelA = await alsoOpen(dialogA.context, visit(tellerA, 'panel'));
  await standing(panelA, 'ready');
  await panelA.close();
  await panelB.page.close();

  // A councillor who is not a trustee is told so, and is shown no duty.
  const councillor = await openView(
    browser,
    running,
    visit(council.members[5] as Person, 'trustee'),
  );
  await councillor.page.getByText('You are not a teller of this sitting.').waitFor();
  expect(await councillor.page.locator('[data-duty]').count()).toBe(0);
  expect(await seriousViolations(councillor.page)).toEqual([]);
  await councillor.context.close();

  // The secret vote: thirty ballots, by card (sealed by the service); then the chair closes it.
  const opened = await council.chair.command(council.meetingId, { type: 'OpenVote' });
  expect(opened.status).toBe(200);
  const [voteId, vote] = Object.entries(await votesOf(council.director, council.meetingId)).at(
    -1,
  ) as [string, { choices: string[] }];
  await Promise.all(
    council.members.slice(0, 30).map(async (m, i) => {
      const cast = await m.command(council.meetingId, {
        type: 'CastBallot',
        voteId,
        choice: vote.choices[i % 2],
      });
      expect(cast.status).toBe(200);
    }),
  );

  // Two dialogs release their shares: the count needs 2 of 3.
  const release = fr.locator(`[data-release="${voteId}"]`);
  expect(await scrollsSideways(fr)).toBe(false);
  expect(await seriousViolations(fr)).toEqual([]);
  await keepScreenshot(fr, 'trustee-dialog-release-fr');
  await release.getByRole('button', { name: 'Libérer ma part du dépouillement' }).click();
  // Once the service holds the director's share, nothing awaits it in their dialog.
  await release.waitFor({ state: 'detached' });
  await dialogB.getByRole('button', { name: 'Release my share of the count' }).click();
  // Counted from the two shares: the third trustee's is not needed.
  for (;;) {
    const votes = await votesOf(council.director, council.meetingId);
    if ((votes[voteId] as { status?: string } | undefined)?.status === 'counted') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 240_000);
