import type { Browser, Page } from 'playwright-core';
import { votesOf } from '../bot/support/appointment';
import { openDemoMeeting, type DemoMeeting } from '../bot/support/meeting';
import type { Person, RunningService } from '../bot/support/service';
import {
  keepScreenshot,
  launchChromium,
  scrollsSideways,
  seriousViolations,
} from './support/browser';
import { openView, startTabService } from './support/tab';

let running: RunningService;
let council: DemoMeeting;
let browser: Browser;
/** The trustees' panels: the director's and the two tellers'. */
let trustees: { person: Person; page: Page }[];

/** The demo council at its appointment to the water company (item 5, a secret ballot). */
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

const panelOf = async (person: Person) =>
  (await openView(browser, running, { meetingId: council.meetingId, as: person.id })).page;

/** Waits until the trustee's panel says where it stands in the ceremony. */
const standing = (page: Page, at: string) =>
  page.locator(`[data-standing="${at}"]`).waitFor({ timeout: 60_000 });

test('three trustees key the ballot box in their browsers, a councillor votes sealed, two shares count it', async () => {
  const [tellerA, tellerB] = [council.members[1], council.members[2]] as [Person, Person];
  // The chair names the tellers in the side panel; until they are ready, the status line says so.
  const chair = await panelOf(council.chair);
  await chair
    .getByRole('group', { name: 'State of the sitting' })
    .getByText('Tellers ready 0/3')
    .waitFor();
  const tellers = chair.getByRole('region', { name: 'Tellers' });
  // By keyboard, as the combobox offers: arrows to an option, Enter to tick it, Escape to close.
  const picker = tellers.getByRole('combobox', { name: 'Name 2 tellers' });
  await picker.focus();
  await chair.keyboard.press('ArrowDown');
  const active = async () => {
    const id = await picker.getAttribute('aria-activedescendant');
    return id ? chair.locator(`[id="${id}"]`).textContent() : null;
  };
  for (const name of ['Bruno Claes', 'Chloé Laurent']) {
    while ((await active()) !== name) await chair.keyboard.press('ArrowDown');
    await chair.keyboard.press('Enter');
  }
  await chair.keyboard.press('Escape');
  expect(await picker.getAttribute('aria-expanded')).toBe('false');
  expect(await scrollsSideways(chair)).toBe(false);
  expect(await seriousViolations(chair)).toEqual([]);
  await keepScreenshot(chair, 'chair-names-tellers');
  await tellers.getByRole('button', { name: 'Name these tellers' }).click();
  await tellers.getByText('Tellers ready 0/3').waitFor();

  // Each trustee's tab commits, deals and confirms on its own, keeping its secret sealed.
  trustees = [];
  for (const person of [council.director, tellerA, tellerB]) {
    trustees.push({ person, page: await panelOf(person) });
  }
  for (const { page } of trustees) await standing(page, 'ready');
  await tellers.getByText('Tellers ready 3/3').waitFor();

  // A reload keeps the teller's share: it is read back from IndexedDB, sealed.
  const reloaded = trustees[1]?.page as Page;
  await reloaded.reload();
  await standing(reloaded, 'ready');
  // What IndexedDB holds is sealed, under a key the page can use but never read.
  const stored = await reloaded.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open('council-tellers');
      opening.onsuccess = () => {
        resolve(opening.result);
      };
      opening.onerror = () => {
        reject(new Error('no database'));
      };
    });
    const records = await new Promise<unknown[]>((resolve) => {
      const all = database.transaction('sealed').objectStore('sealed').getAll();
      all.onsuccess = () => {
        resolve(all.result as unknown[]);
      };
    });
    return Promise.all(
      records.map(async (record) => {
        const { key } = record as { key: CryptoKey };
        const exported = await crypto.subtle.exportKey('raw', key).then(
          () => 'exported',
          () => 'refused',
        );
        return {
          fields: Object.keys(record as object).sort(),
          extractable: key.extractable,
          exported,
        };
      }),
    );
  });
  expect(stored).toEqual([
    { fields: ['data', 'iv', 'key'], extractable: false, exported: 'refused' },
  ]);
  await keepScreenshot(reloaded, 'teller-key-ready');
  expect(await seriousViolations(reloaded)).toEqual([]);
  expect(await scrollsSideways(reloaded)).toBe(false);

  // A councillor's panel, open before the vote: the crypto is not part of its first load.
  const voter = council.members[5] as Person;
  const page = await panelOf(voter);
  const cryptoFetched = () =>
    page.waitForRequest((request) => /\/assets\/sealed-[^/]*\.js$/.test(request.url()));
  const sealedChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/sealed-/.test(request.url())) sealedChunks.push(request.url());
  });
  await page.getByRole('heading', { name: 'The floor' }).waitFor();
  expect(sealedChunks).toEqual([]);
  // The page's policy lets libsodium's WebAssembly compile: the ballot is sealed at full speed.
  expect(
    await page.evaluate(() =>
      WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
        () => true,
        () => false,
      ),
    ),
  ).toBe(true);

  // The secret vote opens: the panel fetches the crypto before the councillor chooses.
  const preloaded = cryptoFetched();
  const opened = await council.chair.command(council.meetingId, { type: 'OpenVote' });
  expect(opened.status).toBe(200);
  await preloaded;
  const [voteId, vote] = Object.entries(await votesOf(council.director, council.meetingId)).at(
    -1,
  ) as [string, { choices: string[] }];
  const bodies: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') bodies.push(request.postData() ?? '');
  });
  const answers: unknown[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().endsWith('/commands')) {
      answers.push(response.json().catch(() => null));
    }
  });
  await page
    .getByRole('group', { name: 'Your ballot' })
    .getByRole('button', { name: 'Rachida Maes' })
    .click();
  await page.locator('[data-receipt]').waitFor();
  // The tracker is shown as text to its member, and kept in no attribute of the page.
  const receipt = await page.locator('[data-tracker]').textContent();
  const tracker = /\b[0-9a-f]{64}\b/.exec(receipt ?? '')?.[0];
  expect(tracker).toMatch(/^[0-9a-f]{64}$/);
  expect(await page.locator('[data-tracker]').getAttribute('data-tracker')).toBe('');
  const inAttributes = await page.evaluate(
    (shown) =>
      [...document.querySelectorAll('*')].some((element) =>
        [...element.attributes].some((attribute) => attribute.value.includes(shown)),
      ),
    tracker ?? '',
  );
  expect(inAttributes).toBe(false);
  expect(await Promise.all(answers)).toContainEqual(expect.objectContaining({ tracker }));

  const casts = bodies.filter((body) => body.includes('CastBallot'));
  expect(casts).toHaveLength(1);
  const sent = JSON.parse(casts[0] ?? '{}') as { command: Record<string, unknown> };
  expect(sent.command).not.toHaveProperty('choice');
  expect(sent.command).toHaveProperty('ballot');
  for (const choice of vote.choices) expect(casts[0]).not.toContain(choice);
  expect(casts[0]).not.toContain('Rachida');
  expect(await page.locator('body').textContent()).not.toContain('Rachida Maes');
  await keepScreenshot(page, 'councillor-sealed-ballot');
  expect(await scrollsSideways(page)).toBe(false);

  const closed = await council.chair.command(council.meetingId, { type: 'CloseVote', voteId });
  expect(closed.status).toBe(200);

  // The director and the reloaded teller release their shares; the third is not needed.
  const release = (trustee: Page) =>
    trustee.getByRole('button', { name: 'Release my share of the count' }).click();
  await release(trustees[0]?.page as Page);
  await page.getByText(/^Counting: waiting for/).waitFor();
  await keepScreenshot(reloaded, 'teller-release-share');
  await release(reloaded);

  const director = trustees[0]?.page as Page;
  await director.getByRole('button', { name: 'Publish' }).waitFor({ timeout: 60_000 });
  const result = director.locator('[data-result]').filter({ hasText: 'Rachida Maes' });
  expect(await result.textContent()).toContain('Rachida Maes: 1');
  await keepScreenshot(director, 'director-sealed-result');

  // Once the meeting is closed with every sealed vote counted, no browser keeps a share of its key.
  const published = await council.director.command(council.meetingId, {
    type: 'PublishResult',
    voteId,
  });
  expect(published.status).toBe(200);
  const ended = await council.chair.command(council.meetingId, { type: 'CloseMeeting' });
  expect(ended.status).toBe(200);
  for (const { page: trustee } of trustees) {
    await trustee.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const opening = indexedDB.open('council-tellers');
          opening.onsuccess = () => {
            const counting = opening.result.transaction('sealed').objectStore('sealed').count();
            counting.onsuccess = () => {
              opening.result.close();
              resolve(counting.result === 0);
            };
          };
        }),
      undefined,
      { timeout: 60_000, polling: 500 },
    );
  }
}, 240_000);
