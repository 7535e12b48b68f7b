// `npm run bench` (not a test): how heavy each view of the tab is, and how soon it shows the
// meeting, in a browser and as inside Teams (teams-js loaded and initialised before the first
// render, by a stand-in Teams client). Figures go to bench/results/tab.json and, as `tab`, into
// bench/results/latest.json; a 2-core machine gives the numbers it gives.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { ensureTabBuilt } from '../scripts/tab-build.mjs';
import { openDemoMeeting } from '../tests/bot/support/meeting';
import { startService } from '../tests/bot/support/service';
import { chromium, type Frame, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/e2e/support/browser';
import { tabUrl, type Visit } from '../tests/e2e/support/tab';
import { openInTeams, type TeamsVisit } from './lib/teams-host';

const ROOT = path.join(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'tab/dist');
const RUNS = 7;
/** The budget per view, teams-js included: 200 KB. */
const BUDGET_BYTES = 200_000;

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
 * What Boot loads before the first render, whoever reads: the reader's catalogue and the theme
 * Teams shows; the heaviest language and theme are counted.
 */
const booted = [
  heaviest(['en', 'fr', 'nl', 'de'].map((language) => `src/i18n/locales/${language}.json`)),
  heaviest(['light', 'dark', 'contrast'].map((theme) => `src/ui/themes/${theme}.ts`)),
];
/** Inside Teams, the calls of teams-js the tab makes (host/teams-sdk.ts), before the first render. */
const TEAMS_SDK = 'src/host/teams-sdk.ts';

/**
 * The JavaScript a view needs before it can show anything: its page's entry, then its own chunk;
 * inside Teams, teams-js as well.
 */
function initialJs(page: 'index.html' | 'config.html', view?: keyof typeof lazy, inTeams = false) {
  const files = closure(manifest, page);
  for (const key of booted) closure(manifest, key, files);
  if (view) closure(manifest, lazy[view], files);
  if (inTeams) closure(manifest, TEAMS_SDK, files);
  return sizeOf(files);
}

const teamsJs = sizeOf(closure(manifest, TEAMS_SDK));

const running = await startService(undefined, { tabDir: DIST });
const council = await openDemoMeeting(running, 30);
for (const n of [1, 2, 3]) {
  await council.members[n]?.command(council.meetingId, {
    type: 'RequestFloor',
    kind: 'contribution',
  });
}
await council.chair.command(council.meetingId, { type: 'GiveFloor' });

type View = keyof typeof lazy;
interface Measured {
  readonly name: string;
  readonly visit: Visit;
  readonly width: number;
  /** The view as Teams opens it: its frame context, for whom; none for the configuration page. */
  readonly inTeams?: { readonly view: View; readonly frameContext: TeamsVisit['frameContext'] };
}

const chairId = council.chair.id;
const councillorId = council.members[4]?.id;
const views: Measured[] = [
  {
    name: 'panel (chair)',
    visit: { meetingId: council.meetingId, as: chairId },
    width: 320,
    inTeams: { view: 'panel', frameContext: 'sidePanel' },
  },
  {
    name: 'panel (councillor)',
    visit: { meetingId: council.meetingId, as: councillorId },
    width: 320,
    inTeams: { view: 'panel', frameContext: 'sidePanel' },
  },
  {
    name: 'panel (director)',
    visit: { meetingId: council.meetingId, as: council.director.id },
    width: 320,
    inTeams: { view: 'panel', frameContext: 'sidePanel' },
  },
  {
    name: 'stage',
    visit: { meetingId: council.meetingId, as: council.observer.id, view: 'stage' },
    width: 1280,
    inTeams: { view: 'stage', frameContext: 'meetingStage' },
  },
  {
    name: 'details',
    visit: { meetingId: council.meetingId, as: council.director.id, view: 'details' },
    width: 1024,
    inTeams: { view: 'details', frameContext: 'content' },
  },
  {
    name: 'trustee dialog',
    visit: { meetingId: council.meetingId, as: council.director.id, view: 'trustee' },
    width: 320,
    inTeams: { view: 'trustee', frameContext: 'task' },
  },
  {
    name: 'configuration page',
    visit: { as: council.director.id, page: 'config.html' },
    width: 800,
  },
];

// The stand-in Teams client is a public origin framing the service on loopback, which Chromium's
// local network access checks would block (Teams reaches a public service, not loopback).
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [...CHROMIUM_FLAGS, '--disable-features=LocalNetworkAccessChecks'],
  headless: true,
});

/** Milliseconds from the frame's navigation to the view showing the meeting, and to first paint. */
async function renderTimes(
  frame: Frame | Page,
): Promise<{ rendered: number; paint: number | null }> {
  const timing = await frame.waitForFunction(
    () => {
      const rendered = performance.getEntriesByName('council:view-rendered')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return rendered ? { rendered: rendered.startTime, paint: paint?.startTime ?? null } : null;
    },
    undefined,
    { timeout: 30_000 },
  );
  return (await timing.jsonValue()) as { rendered: number; paint: number | null };
}

/**
 * Median first render over RUNS fresh contexts (no cache, as on a first opening), after one visit
 * not counted: a service that has served the tab before, as a deployed one has, rather than one
 * whose code for serving files and answering the view runs for the first time.
 */
async function firstRender(view: Measured, inTeams: boolean) {
  const rendered: number[] = [];
  const painted: number[] = [];
  const token = view.visit.as ? await running.tokenFor(view.visit.as) : '';
  for (let run = -1; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: view.width, height: 800 } });
    let times;
    if (inTeams && view.inTeams) {
      const { as: _signedInByTeams, view: _fromFrameContext, ...address } = view.visit;
      const frame = await openInTeams(context, {
        tabUrl: tabUrl(running, address),
        frameContext: view.inTeams.frameContext,
        token,
        userObjectId: view.visit.as ?? '',
      });
      times = await renderTimes(frame);
    } else {
      const page = await context.newPage();
      await page.goto(tabUrl(running, view.visit));
      times = await renderTimes(page);
    }
    await context.close();
    if (run < 0) continue;
    rendered.push(Math.round(times.rendered));
    if (times.paint !== null) painted.push(Math.round(times.paint));
  }
  return {
    firstRenderMs: { median: median(rendered), runs: rendered },
    firstContentfulPaintMs: { median: median(painted), runs: painted },
  };
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
const results = [];
for (const view of views) {
  const js = initialJs(view.visit.page ?? 'index.html', view.inTeams?.view);
  const jsInTeams = view.inTeams ? initialJs('index.html', view.inTeams.view, true) : null;
  const inBrowser = await firstRender(view, false);
  const inTeams = view.inTeams ? await firstRender(view, true) : null;
  results.push({
    view: view.name,
    initialJs: js,
    initialJsInTeams: jsInTeams,
    withinBudgetInTeams: jsInTeams ? jsInTeams.gzipBytes <= BUDGET_BYTES : null,
    ...inBrowser,
    inTeams,
  });
  process.stdout.write(
    `${view.name.padEnd(20)} initial JS ${kib(js.gzipBytes)} KiB gzip, in Teams ` +
      `${jsInTeams ? kib(jsInTeams.gzipBytes) : '     -'} KiB; first render ` +
      `${String(inBrowser.firstRenderMs.median).padStart(5)} ms, in Teams ` +
      `${inTeams ? String(inTeams.firstRenderMs.median).padStart(5) : '    -'} ms\n`,
  );
}
await browser.close();
await running.close();

const report = {
  measuredAt: new Date().toISOString(),
  machine: {
    /** The machine may be shared: its load when the times were taken. */
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    node: process.version,
    chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim(),
  },
  method:
    'initialJs: the page entry and the view chunk with every static import, plus the catalogue ' +
    '(the heaviest) and the theme (the heaviest) that Boot loads first, gzip -9; initialJsInTeams: ' +
    'the same with teams-js (the closure of tab/src/host/teams-sdk.ts), which the tab loads and ' +
    'initialises before its first render inside Teams; budget 200 KB (195.3 KiB) per view in Teams. ' +
    'firstRenderMs: from navigation start to the view first showing the meeting (a User Timing mark), ' +
    'served on loopback by the real service, fresh browser context per run, median of ' +
    `${String(RUNS)} runs after one not counted (the service warm, as deployed), headless Chromium; inTeams: the same with the tab framed by a stand-in ` +
    "Teams client at https://teams.microsoft.com (bench/lib/teams-host.ts) answering teams-js's " +
    "initialize, getContext and getAuthToken, timed from the tab frame's own navigation start.",
  teamsJs,
  views: results,
};
writeFileSync(path.join(ROOT, 'bench/results/tab.json'), `${JSON.stringify(report, null, 2)}\n`);
const latest = path.join(ROOT, 'bench/results/latest.json');
if (existsSync(latest)) {
  const all = JSON.parse(readFileSync(latest, 'utf8')) as Record<string, unknown>;
  writeFileSync(latest, `${JSON.stringify({ ...all, tab: report }, null, 2)}\n`);
}
process.stdout.write('Written to bench/results/tab.json and latest.json\n');
