import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadCouncil } from '../../bot/src/demo';
import { teamsChat } from '../../bot/src/teams';
import { demo, startService, type RunningService } from '../bot/support/service';

/**
 * The Microsoft 365 Agents Playground (Teams' chat emulator) on loopback, talking to the bot in
 * local mode, driven in Debian's Chromium: the chair of the demo council (the Playground's user,
 * see .m365agentsplayground.yml) answers the roll call and votes on the cards, and sees the
 * confirmations. The Playground has no meeting APIs and shows no per-user views.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND = path.join(ROOT, 'node_modules', '.bin', 'agentsplayground');
const CHROMIUM = '/usr/bin/chromium';
const GROUP_CHAT = demo.meeting.title;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForPong(url: string, child: ChildProcess, output: () => string) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the Playground exited:\n${output()}`);
    try {
      const answer = await fetch(`${url}/_debug/ping`);
      if ((await answer.text()).trim() === 'pong') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Playground did not answer on ${url}:\n${output()}`);
}

describe('the bot in the Agents Playground', () => {
  let running: RunningService;
  let playground: ChildProcessWithoutNullStreams;
  let browser: Browser;
  let page: Page;
  let meetingId: string;
  let output = '';

  beforeAll(async () => {
    running = await startService(undefined, {
      // The shared cards keep still during the test: the Playground would draw an update over
      // the member's own view, where Teams fetches that view again (refresh.userIds).
      chat: teamsChat({
        config: { MicrosoftAppType: 'SingleTenant' },
        cardUpdateIntervalMs: 600_000,
      }),
    });
    meetingId = await loadCouncil(
      running.service,
      path.join(ROOT, 'bot/fixtures/council-demo.json'),
    );
    const port = await freePort();
    playground = spawn(
      PLAYGROUND,
      [
        'start',
        '-e',
        `${running.url}/api/messages`,
        '-c',
        'msteams',
        '-p',
        String(port),
        '--disable-telemetry',
      ],
      { cwd: ROOT, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: 'pipe' },
    );
    playground.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    playground.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}`;
    await waitForPong(url, playground, () => output);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(url);
  }, 180_000);

  afterAll(async () => {
    // Whatever beforeAll managed to start before a failure.
    const started: { browser?: Browser; child?: ChildProcess; service?: RunningService } = {
      browser,
      child: playground,
      service: running,
    };
    await started.browser?.close();
    const { child } = started;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await started.service?.close();
  });

  /** Writes to the bot in the group chat: in Teams a bot hears a group chat only when mentioned. */
  async function say(text: string): Promise<void> {
    await page.getByRole('textbox').click();
    await page.keyboard.type('@Council');
    await page.getByRole('menuitem', { name: 'Council Meetings' }).click();
    await page.keyboard.type(` ${text}`);
    await page.keyboard.press('Enter');
  }

  async function must(by: string, command: { type: string } & Record<string, unknown>) {
    const answer = await running.service.meetings.execute({
      meetingId,
      commandId: `playground-${by}-${command.type}`,
      by,
      command: command as never,
    });
    if (!answer.ok) throw new Error(`${command.type}: ${answer.error.code}`);
  }

  test('the chair links the group chat from the card the bot posts when added to it', async () => {
    await page.getByText(GROUP_CHAT).first().click();
    await page
      .getByRole('button', { name: `Link: ${GROUP_CHAT}` })
      .first()
      .click();
    await page.getByText('Your role: chair.').waitFor({ timeout: 30_000 });
  }, 60_000);

  test('a member presses "Present" on the roll call card and sees that they are marked present', async () => {
    await say('open');
    await say('rollcall');
    const present = page.getByRole('button', { name: 'Présent', exact: true });
    await present.last().click({ timeout: 30_000 });
    await page.getByText('You are marked present.').waitFor({ timeout: 30_000 });
  }, 90_000);

  test('a member presses a vote button and sees their vote recorded', async () => {
    for (const member of demo.members.slice(1, 30))
      await must(member.aadObjectId, { type: 'CheckIn' });
    await say('next');
    await page.getByText('Point en discussion').waitFor({ timeout: 30_000 });
    await say('vote');
    await page.getByText('0 sur 30 a voté').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Oui', exact: true }).last().click();
    await page.getByText('Your vote is recorded: Yes.').waitFor({ timeout: 30_000 });
  }, 90_000);
});
