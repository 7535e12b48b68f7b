// `npm run bench` (not a test): how heavy each view of the tab is, and how soon it shows the
// meeting. Figures go to bench/results/tab.json; a 2-core machine gives the numbers it gives.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureTabBuilt } from '../scripts/tab-build.mjs';
import { openDemoMeeting } from '../tests/bot/support/meeting';
import { startService } from '../tests/bot/support/service';
import { CHROMIUM, launchChromium } from '../tests/e2e/support/browser';
import { tabUrl, type Visit } from '../tests/e2e/support/tab';

const ROOT = path.join(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'tab/dist');
const RUNS = 7;

interface Chunk {
  readonly file: string;
  readonly imports?: readonly string[];
}
type Manifest = Readonly<Record<string, Chunk>>;

/** A chunk and every chunk it imports statically: what loads before it can run. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, seen);
  return seen;
}

function sizeOf(files: Iterable<string>) {
  let bytes = 0;
  let gzipBytes = 0;
  const list = [...files].sort();
  for (const file of list) {
    const content = readFileSync(path.join(DIST, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: list, bytes, gzipBytes };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

ensureTabBuilt(ROOT);
const manifest = JSON.parse(
  readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8'),
) as Manifest;
const lazy = {
  panel: 'src/ui/panel/Panel.tsx',
  stage: 'src/ui/stage/Stage.tsx',
  details: 'src/ui/details/Details.tsx',
  trustee: 'src/ui/trustee/TrusteeView.tsx',
} as const;

const gzipOf = (key: string) => sizeOf(closure(manifest, key)).gzipBytes;
const heaviest = (keys: string[]) =>
  keys.reduce((heavy, key) => (gzipOf(key) > gzipOf(heavy) ? key : heavy));

/**
 * What Boot loads before the first render, whoever reads: the English catalogue, the reader's own
 * and the theme Teams shows; the heaviest other language and theme are counted.
 */
const booted = [
  'src/i18n/locales/en.json',
  heaviest(['fr', 'nl', 'de'].map((language) => `src/i18n/locales/${language}.json`)),
  heaviest(['light', 'dark', 'contrast'].map((theme) => `src/ui/themes/${theme}.ts`)),
];

/** The JavaScript a view needs before it can show anything: its page's entry, then its own chunk. */
function initialJs(page: 'index.html' | 'config.html', view?: keyof typeof lazy) {
  const files = closure(manifest, page);
  for (const key of booted) closure(manifest, key, files);
  if (view) closure(manifest, lazy[view], files);
  return sizeOf(files);
}

const teamsJs = Object.entries(manifest).find(([key]) => key.includes('@microsoft/teams-js'));

const running = await startService(undefined, { tabDir: DIST });
const council = await openDemoMeeting(running, 30);
for (const n of [1, 2, 3]) {
  await council.members[n]?.command(council.meetingId, {
    type: 'RequestFloor',
    kind: 'contribution',
  });
}
await council.chair.command(council.meetingId, { type: 'GiveFloor' });

const views: { name: string; visit: Visit; js: ReturnType<typeof initialJs>; width: number }[] = [
  {
    name: 'panel (chair)',
    visit: { meetingId: council.meetingId, as: council.chair.id },
    js: initialJs('index.html', 'panel'),
    width: 320,
  },
  {
    name: 'panel (councillor)',
    visit: { meetingId: council.meetingId, as: council.members[4]?.id },
    js: initialJs('index.html', 'panel'),
    width: 320,
  },
  {
    name: 'panel (director)',
    visit: { meetingId: council.meetingId, as: council.director.id },
    js: initialJs('index.html', 'panel'),
    width: 320,
  },
  {
    name: 'stage',
    visit: { meetingId: council.meetingId, as: council.observer.id, view: 'stage' },
    js: initialJs('index.html', 'stage'),
    width: 1280,
  },
  {
    name: 'details',
    visit: { meetingId: council.meetingId, as: council.director.id, view: 'details' },
    js: initialJs('index.html', 'details'),
    width: 1024,
  },
  {
    name: 'trustee dialog',
    visit: { meetingId: council.meetingId, as: council.director.id, view: 'trustee' },
    js: initialJs('index.html', 'trustee'),
    width: 320,
  },
  {
    name: 'configuration page',
    visit: { as: council.director.id, page: 'config.html' },
    js: initialJs('config.html'),
    width: 800,
  },
];

const browser = await launchChromium();
const results = [];
for (const view of views) {
  const firstRender: number[] = [];
  const firstPaint: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh context each time: no cache, as on a first opening.
    const context = await browser.newContext({ viewport: { width: view.width, height: 800 } });
    const page = await context.newPage();
    await page.goto(tabUrl(running, view.visit));
    const timing = await page.waitForFunction(
      () => {
        const rendered = performance.getEntriesByName('council:view-rendered')[0];
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return rendered ? { rendered: rendered.startTime, paint: paint?.startTime ?? null } : null;
      },
      undefined,
      { timeout: 30_000 },
    );
    const { rendered, paint } = (await timing.jsonValue()) as {
      rendered: number;
      paint: number | null;
    };
    firstRender.push(Math.round(rendered));
    if (paint !== null) firstPaint.push(Math.round(paint));
    await context.close();
  }
  results.push({
    view: view.name,
    initialJs: view.js,
    firstRenderMs: { median: median(firstRender), runs: firstRender },
    firstContentfulPaintMs: { median: median(firstPaint), runs: firstPaint },
  });
  process.stdout.write(
    `${view.name.padEnd(20)} initial JS ${(view.js.gzipBytes / 1024).toFixed(1).padStart(6)} KiB gzip ` +
      `(${(view.js.bytes / 1024).toFixed(0)} KiB)  first render ${String(median(firstRender)).padStart(5)} ms\n`,
  );
}
await browser.close();
await running.close();

const report = {
  measuredAt: new Date().toISOString(),
  machine: {
    node: process.version,
    chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim(),
  },
  method:
    'initialJs: the page entry and the view chunk with every static import, plus the catalogues ' +
    '(English and the heaviest other) and the heaviest theme that Boot loads first, gzip -9; firstRenderMs: ' +
    'from navigation start to the view first showing the meeting (a User Timing mark), served on ' +
    `loopback by the real service, fresh browser context per run, median of ${String(RUNS)} runs, headless Chromium.`,
  teamsJsInTeamsOnly: teamsJs ? sizeOf([teamsJs[1].file]) : null,
  views: results,
};
writeFileSync(path.join(ROOT, 'bench/results/tab.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write('Written to bench/results/tab.json\n');
