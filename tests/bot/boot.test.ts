import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { commandTypes, councilDocuments, councilFileSchema } from '../../shared/src';
import { parseConfig } from '../../bot/src/config';
import { loadCouncil } from '../../bot/src/demo';
import { createLogger } from '../../bot/src/log';
import { openDemoMeeting } from './support/meeting';
import { demo, startService } from './support/service';
import { startServiceProcess } from './support/service-process';

const root = join(__dirname, '..', '..');

/** The service from its sources (as `npm start` runs it), or as built (as App Service runs it). */
const entries = {
  source: ['--import', 'tsx', join(root, 'bot/src/main.ts')],
  built: [join(root, 'bot/dist/main.js')],
};

function runMain(env: Record<string, string>, entry: keyof typeof entries = 'source') {
  return startServiceProcess(entries[entry], { cwd: root, env: { NODE_ENV: 'test', ...env } });
}

describe('configuration', () => {
  test('every problem of the configuration is listed at once', () => {
    expect(() => parseConfig({ AUTH_MODE: 'entra', PORT: 'eighty' })).toThrow(
      /PORT[\s\S]*ENTRA_CLIENT_ID|ENTRA_CLIENT_ID[\s\S]*PORT/,
    );
  });

  test('the configuration is frozen after boot', () => {
    const config = parseConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(config).toMatchObject({ PORT: 3978, HOST: '127.0.0.1', AUTH_MODE: 'dev' });
  });

  test('dev sign-in is refused when the service would listen beyond loopback', async () => {
    const run = runMain({
      AUTH_MODE: 'dev',
      HOST: '0.0.0.0',
      PORT: '0',
      DATA_DIR: join(tmpdir(), 'never-opened'),
    });
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toMatch(/loopback/i);
  });
});

describe('production', () => {
  test('the service refuses to start in production with unsafe settings, listing each, and exits non-zero', async () => {
    const run = runMain({
      NODE_ENV: 'production',
      AUTH_MODE: 'dev',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: 'postgres://council@127.0.0.1:1/council?sslmode=require',
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
    });
    expect(await run.exited).not.toBe(0);
    for (const variable of [
      'MicrosoftAppId',
      'AUTH_MODE',
      'ENTRA_ALLOWED_TENANTS',
      'DATABASE_URL',
      'NODE_TLS_REJECT_UNAUTHORIZED',
    ]) {
      expect(run.output()).toMatch(new RegExp(`${variable}: [^\\n]*production`));
    }
    expect(run.output()).not.toContain('meeting service listening');
  });
});

describe('the running service', () => {
  test('it answers health and readiness, and SIGTERM drains it and exits cleanly', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'council-boot-'));
    try {
      const run = runMain({ AUTH_MODE: 'dev', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir });
      const url = await run.listening();
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).toContain('draining');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('the built service (node bot/dist/main.js, the deployed start command) starts, serves the bot and typesets minutes in its worker', async () => {
    await promisify(execFile)(process.execPath, [join(root, 'bot/build.mjs')], { cwd: root });
    const dataDir = await mkdtemp(join(tmpdir(), 'council-built-'));
    try {
      const run = runMain(
        {
          AUTH_MODE: 'dev',
          HOST: '127.0.0.1',
          PORT: '0',
          DATA_DIR: dataDir,
          DEMO_COUNCIL: join(root, 'bot/fixtures/council-demo.json'),
        },
        'built',
      );
      const url = await run.listening();
      expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });
      for (let i = 0; i < 300 && !/meeting=([\w-]+)/.test(run.output()); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const meetingId = /meeting=([\w-]+)/.exec(run.output())?.[1] ?? '';
      const { token } = (await (
        await fetch(`${url}/api/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            tenantId: demo.tenantId,
            objectId: demo.director.aadObjectId,
            name: demo.director.name,
          }),
        })
      ).json()) as { token: string };
      const minutes = await fetch(`${url}/api/meetings/${meetingId}/minutes.pdf`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(minutes.status).toBe(200);
      expect(
        Buffer.from(await minutes.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const refused = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message' }),
      });
      expect(refused.status).toBe(400);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('the OpenAPI document is generated from the schemas and names every command', async () => {
    const running = await startService();
    try {
      const doc = (await (await fetch(`${running.url}/api/openapi.json`)).json()) as {
        openapi: string;
      };
      expect(doc.openapi).toMatch(/^3\./);
      const text = JSON.stringify(doc);
      for (const type of commandTypes) expect(text).toContain(`"const":"${type}"`);
    } finally {
      await running.close();
    }
  });

  test('the demo council is loaded once, with its items’ documents on its SharePoint, however often the service starts', async () => {
    const running = await startService();
    try {
      const file = join(root, 'bot/fixtures/council-demo.json');
      const first = await loadCouncil(running.service, file, demo.documentHosts);
      const again = await loadCouncil(running.service, file, demo.documentHosts);
      expect(again).toBe(first);
      const loaded = await running.service.meetings.load(first);
      const documents = councilDocuments(councilFileSchema.parse(demo));
      expect(documents).toHaveLength(17);
      const state = loaded?.state;
      // Created, each document attached, convened; besides, the register may have recorded the
      // convened agenda's page by now (one event per page, as the service's own).
      const published = state && 'publications' in state ? (state.publications?.length ?? 0) : 0;
      expect(loaded?.version).toBe(2 + documents.length + published);
      expect(state?.status).toBe('convened');
      const attached = Object.entries(state && 'documents' in state ? (state.documents ?? {}) : {});
      expect(
        attached.flatMap(([itemId, list]) => list.map((d) => [itemId, d.title, d.url])),
      ).toEqual(documents.map((d) => [d.itemId, d.title, d.url]));
    } finally {
      await running.close();
    }
  });

  test('the logs carry neither a token nor a secret choice', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const running = await startService(undefined, { log: createLogger('trace', sink) });
    try {
      const council = await openDemoMeeting(running, 30, demo, { tellers: {} });
      for (let i = 0; i < 4; i++)
        await council.chair.command(council.meetingId, { type: 'NextItem' });
      expect((await council.chair.command(council.meetingId, { type: 'OpenVote' })).status).toBe(
        200,
      );
      const candidates = (demo.agenda[4]?.candidates ?? []).map((c) =>
        'aadObjectId' in c ? c.aadObjectId : c.name,
      );
      const voteId = (
        (await council.chair.get(`/api/meetings/${council.meetingId}`)).body.meeting as {
          openVoteId: string;
        }
      ).openVoteId;
      await Promise.all(
        council.members
          .slice(0, 30)
          .map((m, i) =>
            m.command(council.meetingId, { type: 'CastBallot', voteId, choice: candidates[i % 2] }),
          ),
      );
      // The trustees' shares count the sealed box: its counting is logged too.
      await council.tellers?.counted(voteId);
      const token = await running.tokenFor(council.chair.id);
      expect(lines.length).toBeGreaterThan(30);
      const log = lines.join('');
      expect(log).not.toContain(token);
      expect(log).not.toMatch(/bearer/i);
      for (const candidate of candidates) expect(log).not.toContain(candidate);
    } finally {
      await running.close();
    }
  });
});
