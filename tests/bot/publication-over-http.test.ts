/**
 * The linked publication over HTTP (issue 17 items 4–6): the documents of a sitting at their public
 * addresses without sign-in, each version recorded in the register of publications as it goes
 * online, and `npm run audit -- verify-publications` rendering each again from the log.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Publication } from '../../shared/src';
import { municipalitySlug } from '../../bot/src/public/address';
import { openPglite } from '../../bot/src/store';
import { audit } from './support/audit';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { databases, overHttp } from './support/over-http';
import { demo, nextCommandId, startService, type RunningService } from './support/service';

const PUBLIC_URL = 'https://council.example.be';
const nineMembers = { ...demo, members: demo.members.slice(0, 9) };
const slug = municipalitySlug(demo.municipality.name);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const { DATABASE_URL: _ignored, ...baseEnv } = process.env;

describe.each(databases)('the linked publication over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;
  let dataDir: string;
  const { ok, meeting } = overHttp(() => sitting.meetingId);
  const base = () => `/public/${slug}/${sitting.meetingId}`;
  const fetchPublic = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${running.url}${path}`, { headers });
  const register = async () => (await meeting(sitting.director)).publications ?? [];
  const auditEnv = () =>
    databaseUrl
      ? { ...baseEnv, DATABASE_URL: databaseUrl, PUBLIC_URL }
      : { ...baseEnv, DATA_DIR: dataDir, PUBLIC_URL };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'publication-'));
    running = await startService(databaseUrl, {
      env: { PUBLIC_URL },
      ...(databaseUrl ? {} : { db: await openPglite(dataDir) }),
    });
    sitting = await openDemoMeeting(running, 9, nineMembers);
  }, 120_000);
  afterAll(async () => {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('the agenda is online without sign-in once convened, and the bytes served are those the register records', async () => {
    const response = await fetchPublic(`${base()}/agenda`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await response.text();
    expect(body).toContain('typeof="besluit:Zitting"');
    expect(body).toContain(`resource="${PUBLIC_URL}${base()}/agenda"`);
    const entry = (await register()).findLast((p: Publication) => p.path === `${base()}/agenda`);
    expect(entry).toMatchObject({ kind: 'agenda', sha256: sha256(body) });
    expect(response.headers.get('etag')).toBe(`"${sha256(body)}"`);
    const again = await fetchPublic(`${base()}/agenda`, { 'if-none-match': `"${sha256(body)}"` });
    expect(again.status).toBe(304);
  });

  test('a result is in no document until the director publishes it; then its extract goes online and into the register', async () => {
    const { chair, director, members } = sitting;
    await ok(chair, { type: 'OpenVote' });
    const voteId = (await meeting(chair)).openVoteId ?? '';
    for (const member of members.slice(0, 9)) {
      await ok(member, { type: 'CastBallot', voteId, choice: 'yes' });
    }
    const extract = `${base()}/extracts/item-1`;
    const before = await fetchPublic(extract);
    expect(before.status).toBe(404);
    expect(((await before.json()) as { code: string }).code).toBe('NOT_FOUND');
    expect((await register()).map((p) => p.path)).not.toContain(extract);
    await ok(director, { type: 'PublishResult', voteId });
    const after = await fetchPublic(extract);
    expect(after.status).toBe(200);
    const body = await after.text();
    expect(body).toContain('besluit:BehandelingVanAgendapunt');
    expect((await register()).findLast((p) => p.path === extract)?.sha256).toBe(sha256(body));
  });

  test('the index of the municipality links each document for the harvester', async () => {
    const response = await fetchPublic(`/public/${slug}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain(`property="lblodBesluit:linkToPublication" href="${base()}/agenda"`);
    expect(body).toContain(`href="${base()}/extracts/item-1"`);
  });

  test('readers of an unchanged sitting cost no render, a 304 none either; a new version renders once, and what is served is what the register records', async () => {
    const renders = () => running.service.publisher.editions.renders;
    const extract = `${base()}/extracts/item-1`;
    const read = async (path: string) => {
      const response = await fetchPublic(path);
      expect(response.status).toBe(200);
      return { etag: response.headers.get('etag') ?? '', body: await response.text() };
    };
    const { etag } = await read(extract);
    await read(`/public/${slug}`);
    const before = renders();
    for (let reader = 0; reader < 5; reader += 1) {
      await read(extract);
      await read(`${base()}/agenda`);
      await read(`/public/${slug}`);
      expect((await fetchPublic(extract, { 'if-none-match': etag })).status).toBe(304);
    }
    expect(renders()).toBe(before);

    await ok(sitting.chair, { type: 'NextItem' });
    const changed = await read(extract);
    const once = renders();
    expect(once).toBeGreaterThan(before);
    for (let reader = 0; reader < 5; reader += 1) await read(extract);
    expect(renders()).toBe(once);
    const entry = (await register()).findLast((p) => p.path === extract);
    expect(entry?.sha256).toBe(sha256(changed.body));
    expect(changed.etag).toBe(`"${sha256(changed.body)}"`);
  });

  test('what is not online answers 404 and records nothing: another municipality, an unknown item, the minutes before sealing, a draft sitting', async () => {
    const before = (await register()).length;
    const codes = async (path: string) => {
      const response = await fetchPublic(path);
      return [response.status, ((await response.json()) as { code: string }).code];
    };
    expect(await codes(`/public/elsewhere/${sitting.meetingId}/agenda`)).toEqual([
      404,
      'MEETING_NOT_FOUND',
    ]);
    expect(await codes(`${base()}/extracts/no-such-item`)).toEqual([404, 'NOT_FOUND']);
    expect(await codes(`${base()}/minutes`)).toEqual([404, 'NOT_FOUND']);
    expect(await codes(`${base()}/decisions`)).toEqual([404, 'NOT_FOUND']);
    expect(await codes(`${base()}/agenda/9`)).toEqual([404, 'NOT_FOUND']);
    const draft = await sitting.director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: nineMembers,
    });
    const draftId = draft.body.meetingId as string;
    expect(await codes(`/public/${slug}/${draftId}/agenda`)).toEqual([404, 'MEETING_NOT_FOUND']);
    expect((await register()).length).toBe(before);
  });

  test('no one records a publication but the service: a member’s PublishDocument is refused and changes nothing', async () => {
    const before = await register();
    const refused = await sitting.director.command(sitting.meetingId, {
      type: 'PublishDocument',
      kind: 'agenda',
      path: `${base()}/agenda`,
      sha256: 'f'.repeat(64),
      asOf: 1,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_AUTHORIZED');
    expect(await register()).toEqual(before);
  });

  test('npm run audit -- verify-publications renders each registered document again: 0 when they match, 1 under another address', async () => {
    const recorded = (await register()).length;
    // The embedded database is one process's at a time: the service lets go of it for the audit.
    await running.close();
    const run = await audit(['verify-publications', '--meeting', sitting.meetingId], auditEnv());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${recorded} publication(s), 0 mismatched`);
    const elsewhere = await audit(['verify-publications', '--meeting', sitting.meetingId], {
      ...auditEnv(),
      PUBLIC_URL: 'https://elsewhere.example.be',
    });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toMatch(
      /^MISMATCH event \d+ .*\/agenda: renders as [0-9a-f]{64}, not/m,
    );
    running = await startService(databaseUrl, {
      env: { PUBLIC_URL },
      ...(databaseUrl ? {} : { db: await openPglite(dataDir) }),
    });
  }, 200_000);
});
