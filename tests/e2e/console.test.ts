import type { Browser, Locator, Page } from 'playwright-core';
import { createI18n } from '../../tab/src/i18n';
import { catalogs } from '../../tab/src/i18n/catalogs';
import {
  demo,
  nextCommandId,
  personOf,
  type Person,
  type RunningService,
} from '../bot/support/service';
import {
  keepScreenshot,
  launchChromium,
  scrollsSideways,
  seriousViolations,
} from './support/browser';
import { nameTellers } from '../bot/support/tellers';
import { openView, partsLoaded, startTabService } from './support/tab';

/** The side panel as Teams gives it on a laptop: 320 CSS pixels wide, 720 high. */
const PANEL = { width: 320, height: 720 };
const roles = ['chair', 'councillor', 'director', 'observer'] as const;
type Role = (typeof roles)[number];

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

/** Answers the question an irreversible action asks first, by its action button. */
async function confirm(page: Page, action: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * Whether `target` is on screen as the reader first sees the panel, scrolled to the top: the
 * controls of the current step must not hide below the fold.
 */
async function inView(page: Page, target: Locator, loading: string): Promise<void> {
  await target.waitFor();
  // A part loading on first show (a spinner) pushes what is below it down when it arrives, and
  // on a loaded machine it can take longer than the settling below waits (one CI run).
  await partsLoaded(page, loading);
  const measure = async () => {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    const box = await target.boundingBox();
    return {
      scrollY: await page.evaluate(() => window.scrollY),
      top: box ? Math.round(box.y) : null,
      bottom: box ? Math.round(box.y + box.height) : null,
    };
  };
  // The panel as it settles, not mid-render: a part above may still be leaving (a duty just done).
  let seen = await measure();
  for (let tries = 0; tries < 20; tries++) {
    await page.waitForTimeout(100);
    const again = await measure();
    const settled = again.top === seen.top && again.bottom === seen.bottom;
    seen = again;
    if (settled) break;
  }
  const where = `${String(target)} at ${String(seen.top)}..${String(seen.bottom)}, scrolled ${String(seen.scrollY)}`;
  expect(where).toBe(
    seen.scrollY === 0 && (seen.top ?? -1) >= 0 && (seen.bottom ?? Infinity) <= PANEL.height
      ? where
      : 'in view at the top',
  );
}

describe.each(['fr', 'nl'] as const)('a whole sitting in the side panels, in %s', (lang) => {
  const t = createI18n(lang, catalogs).t;
  /** `target` in view at the top, once no part of the panel is loading. */
  const inViewSettled = (page: Page, target: Locator) => inView(page, target, t('app.loading'));
  const director = () => personOf(running, demo.director.aadObjectId);
  const members = () => demo.members.map((m) => personOf(running, m.aadObjectId));
  /** The chair, the councillor who speaks and votes from the tab, and the rest of the council. */
  const chairOf = () => members()[0] as Person;
  const councillorOf = () => members()[1] as Person;
  const speakerName = demo.members[1]?.name ?? '';
  const others = () => members().slice(2, 40);
  let meetingId: string;
  const pages = {} as Record<Role, Page>;
  let stage: Page;

  const status = (page: Page) => page.getByRole('group', { name: t('status.label') });
  const snapshot = async () =>
    (await director().get(`/api/meetings/${meetingId}`)).body.meeting as {
      openVoteId: string;
      votes: Record<string, { choices: string[] }>;
    };

  /** Every view of this phase: nothing scrolls sideways, axe is content, a screenshot is kept. */
  async function phase(name: string, views: readonly Role[] = roles): Promise<void> {
    for (const role of views) {
      const page = pages[role];
      await page.evaluate(() => {
        window.scrollTo(0, 0);
      });
      expect({ role, sideways: await scrollsSideways(page) }).toEqual({ role, sideways: false });
      expect({ role, violations: await seriousViolations(page) }).toEqual({
        role,
        violations: [],
      });
      await keepScreenshot(page, `console-${lang}-${name}-${role}`);
    }
  }

  beforeAll(async () => {
    const created = await director().call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: demo,
    });
    meetingId = created.body.meetingId as string;
    await director().command(meetingId, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    });
    const who: Record<Role, string> = {
      chair: chairOf().id,
      councillor: councillorOf().id,
      director: demo.director.aadObjectId,
      observer: demo.observer.aadObjectId,
    };
    for (const role of roles) {
      pages[role] = (
        await openView(browser, running, { meetingId, as: who[role], language: lang }, PANEL)
      ).page;
      await status(pages[role]).waitFor();
    }
    stage = (
      await openView(
        browser,
        running,
        { meetingId, as: demo.observer.aadObjectId, view: 'stage', language: lang },
        { width: 1280, height: 720 },
      )
    ).page;
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...roles.map((role) => pages[role]), stage].map((p) => p.context().close()));
  });

  test('in preparation: every view says so, and the chair opens the sitting from the top', async () => {
    for (const role of roles) {
      await status(pages[role]).getByText(t('status.sitting.convened')).waitFor();
    }
    const open = pages.chair.getByRole('button', { name: t('sitting.open') });
    await inViewSettled(pages.chair, open);
    await phase('1-convened');
    await open.click();
    for (const role of roles) {
      await status(pages[role]).getByText(t('status.sitting.open')).waitFor();
    }
    // "Live" is the connection, not the sitting: it says so to whoever asks.
    expect(await pages.councillor.locator('[data-connection]').getAttribute('title')).toBe(
      t('status.connection', { state: t('connection.live') }),
    );
  }, 60_000);

  test('the roll call: the chair opens it and sees who has not answered; the councillor answers at the top', async () => {
    const openRollCall = pages.chair.getByRole('button', { name: t('rollCall.open') });
    await inViewSettled(pages.chair, openRollCall);
    await openRollCall.click();
    const answer = pages.councillor.getByRole('button', { name: t('attendance.answer') });
    await inViewSettled(pages.councillor, answer);
    await answer.click();
    await pages.councillor.getByText(t('attendance.you.present')).waitFor();
    await chairOf().command(meetingId, { type: 'AnswerRollCall' });
    for (const member of others()) await member.command(meetingId, { type: 'AnswerRollCall' });
    // 49 in office; the chair, the councillor and 38 others answered: 9 are awaited, by name.
    const awaited = pages.chair.getByRole('region', {
      name: t('console.notAnswered', { count: 9 }),
    });
    await awaited.waitFor();
    expect(await awaited.innerText()).toContain(demo.members[48]?.name ?? '?');
    expect(await awaited.innerText()).not.toContain(speakerName);
    await inViewSettled(
      pages.chair,
      pages.chair.getByRole('button', { name: t('rollCall.close') }),
    );
    await phase('2-roll-call');
    await pages.chair.getByRole('button', { name: t('rollCall.close') }).click();
    await pages.chair.getByText(t('rollCall.closed')).waitFor();
  }, 90_000);

  test('the floor: the councillor asks for it at the top; given it, they read "you have the floor"', async () => {
    const next = pages.chair.getByRole('button', { name: t('item.next') });
    await inViewSettled(pages.chair, next);
    await next.click();
    await status(pages.observer).getByText(/^1\. /).waitFor();
    const ask = pages.councillor.getByRole('button', {
      name: t('floor.ask.contribution'),
      exact: true,
    });
    await inViewSettled(pages.councillor, ask);
    await ask.click();
    await pages.councillor.locator('[data-my-request]').waitFor();
    for (const member of others().slice(0, 2)) {
      await member.command(meetingId, { type: 'RequestFloor', kind: 'contribution' });
    }
    const give = pages.chair.getByRole('button', { name: t('floor.giveNext') });
    await inViewSettled(pages.chair, give);
    await give.click();
    await inViewSettled(
      pages.councillor,
      pages.councillor.getByText(t('status.youHaveFloor')).first(),
    );
    expect(await status(pages.councillor).innerText()).not.toContain(speakerName);
    await status(pages.observer)
      .getByText(t('speaking.hasFloor', { name: speakerName }))
      .waitFor();
    await inViewSettled(
      pages.chair,
      pages.chair.getByRole('button', { name: t('floor.endSpeech') }),
    );
    await phase('3-floor');
    await pages.chair.getByRole('button', { name: t('floor.endSpeech') }).click();
    await status(pages.councillor).getByRole('timer').waitFor({ state: 'detached' });
  }, 90_000);

  test('a named vote: the councillor sees it at the top, votes, and sees the vote recorded; then the result', async () => {
    const openVote = pages.chair.getByRole('button', { name: t('vote.open') });
    await inViewSettled(pages.chair, openVote);
    await openVote.click();
    const card = pages.councillor.getByRole('region', { name: t('vote.openNamed') });
    const yes = card.getByRole('button', { name: t('vote.choice.yes') });
    await inViewSettled(pages.councillor, yes);
    await yes.click();
    const recorded = card.locator('[data-recorded]');
    await inViewSettled(pages.councillor, recorded);
    expect(await recorded.innerText()).toContain(t('console.recordedAt', { time: '' }).trim());
    await card.getByText(t('vote.youChose', { choice: t('vote.choice.yes') })).waitFor();
    const { openVoteId } = await snapshot();
    for (const member of others().slice(0, 20)) {
      await member.command(meetingId, { type: 'CastBallot', voteId: openVoteId, choice: 'yes' });
    }
    // 40 present and entitled; the councillor and 20 others have voted.
    await inViewSettled(
      pages.chair,
      pages.chair.getByRole('heading', { name: t('console.notVoted', { count: 19 }) }),
    );
    await inViewSettled(pages.chair, pages.chair.getByRole('button', { name: t('vote.close') }));
    await status(pages.observer).locator('[data-status-vote]').waitFor();
    await phase('4-named-vote');
    // However far the chair scrolls, the state of the sitting stays in view, in few lines.
    await pages.chair.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
    });
    const header = await pages.chair.locator('header').boundingBox();
    expect({
      scrolled: (await pages.chair.evaluate(() => window.scrollY)) > 0,
      headerOnScreen: header !== null && Math.round(header.y) >= 0,
      compact: header !== null && header.height <= 120,
    }).toEqual({ scrolled: true, headerOnScreen: true, compact: true });
    await pages.chair.getByRole('button', { name: t('vote.close') }).click();
    await confirm(pages.chair, t('confirm.closeVote.action'));
    await inViewSettled(
      pages.councillor,
      pages.councillor.getByRole('heading', { name: t('console.closedAwaiting') }),
    );
    const publish = pages.director.getByRole('button', { name: t('inbox.publish') });
    await inViewSettled(pages.director, publish);
    await phase('5-result-awaited', ['councillor', 'director']);
    await publish.click();
    await inViewSettled(
      pages.councillor,
      pages.councillor.getByRole('heading', { name: t('console.published') }),
    );
    await phase('6-result-published', ['councillor', 'observer']);
  }, 120_000);

  test('a secret vote on an item the chair jumps to: the ballot is in the box, the choice shown nowhere', async () => {
    const tellers = await nameTellers(running, meetingId, chairOf());
    await pages.chair.getByRole('tab', { name: t('console.agenda') }).click();
    const item = demo.agenda[4];
    const label = `5. ${item?.title[lang] ?? ''}`;
    await pages.chair.getByRole('button', { name: t('console.takeUp', { item: label }) }).click();
    // Two requests to speak still wait on the first item: the chair is asked first.
    await confirm(pages.chair, t('confirm.leaveItem.action.takeUp'));
    await status(pages.councillor).getByText(label).waitFor();
    await pages.chair.getByRole('tab', { name: t('console.now') }).click();
    expect(await pages.chair.getByRole('checkbox', { name: t('vote.secret') }).isChecked()).toBe(
      true,
    );
    const openVote = pages.chair.getByRole('button', { name: t('vote.open') });
    await inViewSettled(pages.chair, openVote);
    await openVote.click();
    const ballot = pages.councillor.getByRole('group', { name: t('vote.ballot') });
    const first = ballot.getByRole('button').first();
    await inViewSettled(pages.councillor, first);
    const choice = (await first.textContent()) ?? '';
    await first.click();
    const receipt = pages.councillor.locator('[data-receipt]');
    await inViewSettled(pages.councillor, receipt);
    expect(await receipt.innerText()).toBe(t('console.inTheBox'));
    expect(await pages.councillor.locator('main').innerText()).not.toContain(choice);
    const { openVoteId, votes } = await snapshot();
    const choices = votes[openVoteId]?.choices ?? [];
    for (const [n, member] of others().slice(0, 20).entries()) {
      await member.command(meetingId, {
        type: 'CastBallot',
        voteId: openVoteId,
        choice: choices[n % 2],
      });
    }
    await inViewSettled(pages.chair, pages.chair.getByRole('button', { name: t('vote.close') }));
    await phase('7-secret-vote');
    await pages.chair.getByRole('button', { name: t('vote.close') }).click();
    await confirm(pages.chair, t('confirm.closeVote.action'));
    const publish = pages.director.getByRole('button', { name: t('inbox.publish') });
    await inViewSettled(pages.director, publish);
    await publish.click();
    await pages.councillor.getByRole('heading', { name: t('console.published') }).waitFor();
    await tellers.stop();
  }, 120_000);

  test('the chair closes the sitting: every view, the stage too, shows it closed', async () => {
    await pages.chair.getByRole('button', { name: t('sitting.close') }).click();
    await confirm(pages.chair, t('confirm.closeSitting.action'));
    for (const page of [...roles.map((role) => pages[role]), stage]) {
      await status(page).getByText(t('status.sitting.closed')).waitFor();
    }
    await inViewSettled(pages.councillor, status(pages.councillor));
    await phase('8-closed');
    expect(await scrollsSideways(stage)).toBe(false);
    expect(await seriousViolations(stage)).toEqual([]);
    await keepScreenshot(stage, `console-${lang}-8-closed-stage`);
  }, 90_000);
});
