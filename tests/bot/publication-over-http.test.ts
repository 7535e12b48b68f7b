/**
 * The linked publication over HTTP (issue 17 items 4–6): the documents of a sitting at their public
 * addresses without sign-in, each version recorded in the register of publications as it goes
 * online with its exact bytes kept on the shelf of published pages, and `npm run audit --
 * verify-publications` checking the kept bytes against the register, then rendering each again.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM, type Publication } from '../../shared/src';
import { municipalitySlug } from '../../bot/src/public/address';
import { openDb, openPglite } from '../../bot/src/store';
import { publishedPagesIn } from '../../bot/src/store/published-pages';
import { audit } from './support/audit';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { databases, overHttp } from './support/over-http';
import { demo, nextCommandId, startService, type RunningService } from './support/service';

const PUBLIC_URL = 'https://council.example.be';
const nineMembers = { ...demo, members: demo.members.slice(0, 9) };
const slug = municipalitySlug(demo.municipality.name);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const { DATABASE_URL: _ignored, ...baseEnv } = process.env;

/** As someone with the database's keys would: a kept page rewritten around the append-only trigger. */
/** A statement on the shelf of published pages past its triggers, as a database owner could. */
async function behindTheService(
  database: { databaseUrl?: string; dataDir: string },
  statement: string,
  params: readonly unknown[],
): Promise<void> {
  const db = await openDb(database);
  try {
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(statement, params);
    });
  } finally {
    await db.close();
  }
}

describe.each(databases)('the linked publication over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;
  let dataDir: string;
  const { ok, meeting } = overHttp(() => sitting.meetingId);
  const base = () => `/public/${slug}/${sitting.meetingId}`;
  const fetchPublic = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${running.url}${path}`, { headers });
  const register = async () => (await meeting(sitting.director)).publications ?? [];
  /** The register as the service holds it: the people's sessions end with the service, and it restarts. */
  const registered = async () => {
    const loaded = await running.service.meetings.load(sitting.meetingId);
    return loaded && loaded.state.status !== 'none' ? (loaded.state.publications ?? []) : [];
  };
  const shelf = () => publishedPagesIn(running.db);
  const kept = (hash: string) => shelf().find(sitting.meetingId, hash);
  const verifyPublications = (env: NodeJS.ProcessEnv, ...options: string[]) =>
    audit(['verify-publications', '--meeting', sitting.meetingId, ...options], env);
  /** The embedded database is one process's at a time: the service lets go of it for the audit. */
  const whileClosed = async (check: () => Promise<void>) => {
    await running.close();
    try {
      await check();
    } finally {
      running = await startService(databaseUrl, {
        env: { PUBLIC_URL },
        ...(databaseUrl ? {} : { db: await openPglite(dataDir) }),
      });
    }
  };
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

  test('the bytes a reader got are kept on the shelf of published pages under the hash the register records', async () => {
    const path = `${base()}/agenda`;
    const body = Buffer.from(await (await fetchPublic(path)).arrayBuffer());
    const entry = (await register()).findLast((p) => p.path === path);
    expect(entry?.sha256).toBe(sha256(body.toString('utf8')));
    expect((await kept(entry?.sha256 ?? ''))?.equals(body)).toBe(true);
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

  test('a page registered and kept that this code does not render (the templates changed since) is intact, not a failure: exit 0', async () => {
    const path = `${base()}/agenda`;
    const loaded = await running.service.meetings.load(sitting.meetingId);
    const page = Buffer.from('<p>The agenda as an older template drew it</p>', 'utf8');
    const hash = await shelf().keep(sitting.meetingId, page);
    const answer = await running.service.meetings.execute({
      meetingId: sitting.meetingId,
      commandId: nextCommandId(),
      by: SYSTEM,
      command: {
        type: 'PublishDocument',
        kind: 'agenda',
        path,
        sha256: hash,
        asOf: loaded?.version ?? 0,
      },
    });
    expect(answer.ok).toBe(true);
    const entries = await registered();
    expect(entries.filter((p) => p.path === path).map((p) => p.sha256)).toContain(hash);

    await whileClosed(async () => {
      const run = await verifyPublications(auditEnv());
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(
          `^intact event \\d+ ${path}: kept bytes intact; re-rendered differently by this code \\(template changed since\\): [0-9a-f]{64}$`,
          'm',
        ),
      );
      expect(run.stdout).toContain(
        `${entries.length} publication(s): ${entries.length - 1} verified, 1 kept intact but re-rendered differently, 0 failed`,
      );
    });
  }, 200_000);

  test('a page back to bytes the register recorded before, another version recorded since, is recorded anew and served (not 503 for ever)', async () => {
    const path = `${base()}/agenda`;
    const before = (await registered()).filter((p) => p.path === path).map((p) => p.sha256);
    expect(before.length).toBeGreaterThan(1);
    const served = await fetchPublic(path);
    expect(served.status).toBe(200);
    const body = await served.text();
    expect(before).toContain(sha256(body));
    const after = (await registered()).filter((p) => p.path === path).map((p) => p.sha256);
    expect(after).toEqual([...before, sha256(body)]);
  });

  test('npm run audit -- verify-publications checks the kept bytes, then renders each entry again: under another address every page re-renders differently, its kept bytes intact (exit 0), and --out writes them', async () => {
    const entries = await registered();
    await whileClosed(async () => {
      const out = join(dataDir, 'kept-pages');
      const elsewhere = await verifyPublications(
        { ...auditEnv(), PUBLIC_URL: 'https://elsewhere.example.be' },
        '--out',
        out,
      );
      expect(elsewhere.stderr).toBe('');
      expect(elsewhere.code).toBe(0);
      expect(elsewhere.stdout).toMatch(
        /^intact event \d+ .*\/agenda: kept bytes intact; re-rendered differently by this code/m,
      );
      expect(elsewhere.stdout).toContain(
        `${entries.length} publication(s): 0 verified, ${entries.length} kept intact but re-rendered differently, 0 failed`,
      );
      const files = await readdir(out);
      expect(files).toHaveLength(entries.length);
      expect(files.filter((file) => file.endsWith('-agenda.html')).length).toBeGreaterThan(0);
      const hashes = await Promise.all(
        files.map(async (file) => sha256(await readFile(join(out, file), 'utf8'))),
      );
      expect(new Set(hashes)).toEqual(new Set(entries.map((p) => p.sha256)));
    });
  }, 200_000);

  test('a kept page altered in the database behind the service fails verify-publications (exit 1), naming the page', async () => {
    const path = `${base()}/agenda`;
    const agenda = (await registered()).find((p) => p.path === path);
    const hash = agenda?.sha256 ?? '';
    const page = (await kept(hash)) ?? Buffer.alloc(0);
    const altered = Buffer.from(page.toString('utf8').replace('</body>', '<p>added</p></body>'));
    expect(altered.equals(page)).toBe(false);
    await whileClosed(async () => {
      await behindTheService(
        { databaseUrl, dataDir },
        'UPDATE published_pages SET page = $3 WHERE meeting_id = $1 AND sha256 = $2',
        [sitting.meetingId, hash, altered],
      );
      const run = await verifyPublications(auditEnv());
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(
          `^FAILED event \\d+ ${path}: the bytes kept hash to ${sha256(altered.toString('utf8'))}, not ${hash}$`,
          'm',
        ),
      );
      expect(run.stdout).toMatch(/[1-9]\d* failed/);
    });
  }, 200_000);
  test('an entry whose bytes are not kept (registered before the shelf) is verified by rendering it again, and fails if it renders otherwise', async () => {
    const path = `${base()}/agenda`;
    const hash = (await registered()).find((p) => p.path === path)?.sha256 ?? '';
    await whileClosed(async () => {
      await behindTheService(
        { databaseUrl, dataDir },
        'DELETE FROM published_pages WHERE meeting_id = $1 AND sha256 = $2',
        [sitting.meetingId, hash],
      );
      const here = await verifyPublications(auditEnv());
      expect(here.stdout).toMatch(
        new RegExp(
          `^verified event \\d+ ${path}: no bytes kept; rendered again to the same hash$`,
          'm',
        ),
      );
      // The page the test before altered is the one gone: nothing else fails.
      expect(here.code).toBe(0);
      expect(here.stdout).toMatch(/ 0 failed/);
      const elsewhere = await verifyPublications({
        ...auditEnv(),
        PUBLIC_URL: 'https://elsewhere.example.be',
      });
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.stdout).toMatch(
        new RegExp(
          `^FAILED event \\d+ ${path}: its bytes \\(${hash}\\) are not kept and this code renders them otherwise$`,
          'm',
        ),
      );
    });
  }, 200_000);
});
