import { councilFileSchema, setupFromCouncilFile } from '../../../shared/src';
import { databases, overHttp } from '../support/over-http';
import { openDemoMeeting, type DemoMeeting } from '../support/meeting';
import { secretQuestion } from '../support/secret-question';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type RunningService,
} from '../support/service';
import { readStream } from '../support/sse';

/**
 * The public follow-along page (issue 17, items 1-2): no sign-in, only what the public may see,
 * one rendering per version for every reader, and the limits that keep it standing.
 */

const municipality = 'ville-de-meuse-sur-ourthe';
/** Nine members, a secret question allowed on any item, the sealed box's tellers. */
const nine = {
  ...demo,
  members: demo.members.slice(0, 9),
  rulesOverrides: { secretOtherwise: true },
};
const closedItem = demo.agenda.find((item) => item.session === 'closed');
const closedTitle = closedItem?.title.fr ?? '';

interface Page {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

async function fetchPage(
  running: RunningService,
  path: string,
  headers: Record<string, string> = {},
): Promise<Page> {
  const response = await fetch(`${running.url}${path}`, { headers });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const codeOf = (page: Page) => (JSON.parse(page.text) as { code?: string }).code;

/** The version the page shows, which its stream resumes after. */
const versionOf = (page: Page) => Number(/data-version="(\d+)"/.exec(page.text)?.[1]);

/** The `sitting` events a public reader receives until `until` holds. */
async function follow(
  running: RunningService,
  path: string,
  since: number,
  until: (received: { id: number; html: string; say: string }[]) => boolean,
  timeoutMs = 10_000,
) {
  const received: { id: number; html: string; say: string; raw: string }[] = [];
  await readStream(`${running.url}${path}/events`, '', {
    lastEventId: since,
    onData: (id, data) => {
      received.push({ id, ...(JSON.parse(data) as { html: string; say: string }), raw: data });
    },
    until: () => until(received),
    timeoutMs,
  });
  return received;
}

describe.each(databases)('the public follow-along page over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;
  let path: string;

  beforeAll(async () => {
    running = await startService(databaseUrl, {
      env: { MAX_PUBLIC_STREAMS_PER_ADDRESS: '200' },
    });
    sitting = await openDemoMeeting(running, 9, nine, { tellers: {} });
    path = `/public/${municipality}/${sitting.meetingId}`;
  }, 120_000);
  afterAll(async () => {
    await sitting.tellers?.stop();
    await running.close();
  });

  const { ok, read } = overHttp(() => sitting.meetingId);

  test('no sign-in: the sitting, its status, its agenda with a closed item as that fact only', async () => {
    const page = await fetchPage(running, path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-language')).toBe('fr');
    expect(page.text).toContain('Ville de Meuse-sur-Ourthe');
    expect(page.text).toContain('En séance');
    expect(page.text).toContain(demo.agenda[0]?.title.fr ?? 'missing');
    expect(page.text).toContain('Point 8 — Point traité à huis clos');
    expect(closedTitle).not.toBe('');
    expect(page.text).not.toContain(closedTitle);
    expect(page.text).toContain('role="status" aria-live="polite"');
  });

  test('its security and cache headers: a strict policy, a CDN may keep it a few seconds', async () => {
    const page = await fetchPage(running, path);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/script-src 'sha256-[\w+/=]+'/);
    expect(policy).not.toContain('unsafe-inline');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');
  });

  test('one rendering per version and language: an unchanged meeting is answered 304 to its ETag', async () => {
    const first = await fetchPage(running, path);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const renders = running.service.publicPages.snapshots.renders;
    const again = await Promise.all(Array.from({ length: 20 }, () => fetchPage(running, path)));
    expect(new Set(again.map((page) => page.headers.get('etag')))).toEqual(new Set([etag]));
    expect(running.service.publicPages.snapshots.renders).toBe(renders);
    const cached = await fetchPage(running, path, { 'if-none-match': etag });
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
    const stale = await fetchPage(running, path, { 'if-none-match': '"older"' });
    expect(stale.status).toBe(200);
  });

  test('in the language asked, with links to the others; a language it does not have is a 400', async () => {
    const dutch = await fetchPage(running, `${path}?lang=nl`);
    expect(dutch.text).toContain('<html lang="nl">');
    expect(dutch.text).toContain('In zitting');
    expect(dutch.text).toContain(demo.agenda[0]?.title.nl ?? 'missing');
    for (const language of ['fr', 'nl', 'de', 'en'])
      expect(dutch.text).toContain(`href="${path}?lang=${language}"`);
    const german = await fetchPage(running, `${path}?lang=de`);
    expect(german.text).toContain('In Sitzung');
    const unknown = await fetchPage(running, `${path}?lang=xx`);
    expect(unknown.status).toBe(400);
    expect(codeOf(unknown)).toBe('INVALID_COMMAND');
  });

  test('the floor given: every reader gets the same one event, serialised once for all of them', async () => {
    const since = versionOf(await fetchPage(running, path));
    const speaker = demo.members[3]?.name ?? '';
    const fanOut = running.service.publicPages.fanOut;
    const before = fanOut.serialised;
    const readers = Array.from({ length: 40 }, () =>
      follow(running, path, since, (received) => received.some((r) => r.html.includes(speaker))),
    );
    await waitFor(() => fanOut.readers >= 40);
    const member = sitting.members[3];
    if (!member) throw new Error('no member');
    await ok(member, { type: 'RequestFloor', kind: 'contribution' });
    await ok(sitting.chair, { type: 'GiveFloor' });
    const received = await Promise.all(readers);
    expect(fanOut.serialised - before).toBe(1);
    const frames = new Set(received.map((events) => events.at(-1)?.raw));
    expect(frames.size).toBe(1);
    const [last] = received.map((events) => events.at(-1));
    expect(last?.say).toBe(`${speaker} a la parole.`);
    expect(last?.html).toContain(`A la parole : ${speaker}`);
  });

  test('Last-Event-ID resumes: an older version is sent the current page, the current one nothing', async () => {
    const page = await fetchPage(running, path);
    const resumed = await follow(running, path, 1, (received) => received.length > 0);
    expect(resumed[0]?.id).toBe(versionOf(page));
    expect(resumed[0]?.say).toBe('');
    const quiet = await follow(running, path, versionOf(page), () => false, 1_000);
    expect(quiet).toEqual([]);
  });

  test('a named vote shows its names as the profile says; a secret one its totals; none before publication', async () => {
    await ok(sitting.chair, { type: 'EndSpeech' });
    await ok(sitting.chair, { type: 'OpenVote', secret: false });
    const named = (await read(sitting.chair)).meeting.openVoteId ?? '';
    for (const [i, member] of sitting.members.slice(0, 9).entries()) {
      await ok(member, { type: 'CastBallot', voteId: named, choice: i < 6 ? 'yes' : 'no' });
    }
    const unpublished = await fetchPage(running, path);
    expect(unpublished.text).toContain('Aucun résultat n’a encore été publié.');
    await ok(sitting.director, { type: 'PublishResult', voteId: named });
    const published = await fetchPage(running, path);
    const against = sitting.members.slice(6, 9).map((_, i) => demo.members[6 + i]?.name ?? '');
    // Wallonia (house rules of Doische): the total for, and the names of those against.
    expect(published.text).toContain(`Contre : 3 — ${against.join(', ')}`);
    expect(published.text).toContain('Pour : 6</li>');

    const secret = await secretQuestion(sitting);
    await sitting.tellers?.counted(secret);
    const counted = await fetchPage(running, path);
    expect(counted.text.match(/Vote au scrutin secret/g)).toBeNull();
    await ok(sitting.director, { type: 'PublishResult', voteId: secret });
    const after = await fetchPage(running, path);
    const block = /Vote au scrutin secret.*?<\/ul>/.exec(after.text)?.[0] ?? '';
    expect(block).toContain('Pour : 6</li>');
    expect(block).toContain('Contre : 3</li>');
    for (const member of demo.members.slice(0, 9)) expect(block).not.toContain(member.name);
  }, 60_000);

  test('in closed session the public learns that fact only: no title, no speaker, no document', async () => {
    const item = demo.agenda.findIndex((listed) => listed.session === 'closed');
    const current = (await read(sitting.chair)).meeting.currentItemId;
    const at = demo.agenda.findIndex((listed) => `item-${String(listed.n)}` === current);
    for (let n = at; n < item; n++) await ok(sitting.chair, { type: 'NextItem' });
    await ok(sitting.director, {
      type: 'AttachDocument',
      itemId: `item-${String(closedItem?.n)}`,
      title: 'Rapport du jury de recrutement',
      url: 'https://contoso.sharepoint.com/sites/council/jury.pdf',
    });
    const member = sitting.members[4];
    if (!member) throw new Error('no member');
    await ok(member, { type: 'RequestFloor', kind: 'contribution' });
    await ok(sitting.chair, { type: 'GiveFloor' });
    const page = await fetchPage(running, path);
    expect(page.text).toContain('Séance à huis clos');
    expect(page.text).toContain('Le conseil siège à huis clos');
    expect(page.text).not.toContain(closedTitle);
    expect(page.text).not.toContain('jury');
    expect(page.text).not.toContain(demo.members[4]?.name ?? 'missing');
  }, 30_000);

  test('unknown, not convened, or another municipality’s: 404 with a code; junk too', async () => {
    const draft = await personOf(running, demo.director.aadObjectId).call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: demo,
    });
    const draftId = String(draft.body.meetingId);
    for (const wrong of [
      `/public/${municipality}/no-such-meeting`,
      `/public/${municipality}/${draftId}`,
      `/public/liege/${sitting.meetingId}`,
      `/public/${municipality}/${sitting.meetingId}%00%3Cscript%3E`,
      `/public/${'x'.repeat(300)}/${sitting.meetingId}`,
      `/public/${municipality}/no-such-meeting/events`,
      `/public/liege/${sitting.meetingId}/events`,
    ]) {
      const page = await fetchPage(running, wrong);
      // A name longer than any route's parameter is no route at all (NOT_FOUND).
      expect({ wrong, status: page.status, code: codeOf(page) }).toEqual({
        wrong,
        status: 404,
        code: wrong.length > 300 ? 'NOT_FOUND' : 'MEETING_NOT_FOUND',
      });
    }
  });

  test('the meeting’s view names its public page, at the address the tab reached (local mode)', async () => {
    const reply = await sitting.director.get(`/api/meetings/${sitting.meetingId}`);
    expect(reply.body.publicPage).toBe(`${running.url}${path}`);
  });

  test('a livestream is an https address: the page links it; any other is refused with 400', async () => {
    const director = personOf(running, demo.director.aadObjectId);
    const setup = setupFromCouncilFile(councilFileSchema.parse(demo));
    const refused = await director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      setup: { ...setup, livestream: 'http://stream.example.be/live' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('INVALID_COMMAND');
    const live = 'https://stream.example.be/live?sitting=1&lang=fr';
    const made = await director.call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      setup: { ...setup, livestream: live },
    });
    expect(made.status).toBe(201);
    const meetingId = String(made.body.meetingId);
    const convene = await director.command(meetingId, {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Chamber under renovation',
    });
    expect(convene.status).toBe(200);
    const page = await fetchPage(running, `/public/${municipality}/${meetingId}`);
    expect(page.text).toContain(
      '<a href="https://stream.example.be/live?sitting=1&amp;lang=fr" rel="noopener noreferrer">Suivre la retransmission en direct</a>',
    );
  });

  test('a Last-Event-ID that is no version is a 400, and changes nothing', async () => {
    const before = await read(sitting.director);
    for (const id of ['9'.repeat(400), '99999999999', '-1', 'abc']) {
      const page = await fetchPage(running, `${path}/events`, { 'last-event-id': id });
      expect({ id, status: page.status, code: codeOf(page) }).toEqual({
        id,
        status: 400,
        code: 'INVALID_COMMAND',
      });
    }
    expect((await read(sitting.director)).version).toBe(before.version);
  });
});

/** `done` holds within 10 s, looked at every 10 ms. */
async function waitFor(done: () => boolean): Promise<void> {
  const until = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > until) throw new Error('never happened');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the public page’s limits', () => {
  let running: RunningService;
  let sitting: DemoMeeting;

  beforeAll(async () => {
    running = await startService(undefined, {
      env: { RATE_LIMIT_PUBLIC_REQUESTS: '6', MAX_PUBLIC_STREAMS_PER_ADDRESS: '2' },
    });
    sitting = await openDemoMeeting(running, 9);
  }, 120_000);
  afterAll(() => running.close());

  test('an address may hold so many streams at once, then 429 TOO_MANY_STREAMS; then so many requests a minute, then 429 RATE_LIMITED', async () => {
    const path = `/public/${municipality}/${sitting.meetingId}`;
    const controller = new AbortController();
    const open = [1, 2].map(() =>
      fetch(`${running.url}${path}/events`, { signal: controller.signal }),
    );
    const streams = await Promise.all(open);
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    const third = await fetchPage(running, `${path}/events`);
    expect(third.status).toBe(429);
    expect(codeOf(third)).toBe('TOO_MANY_STREAMS');
    controller.abort();
    const pages = [];
    for (let i = 0; i < 4; i++) pages.push(await fetchPage(running, path));
    const refused = pages.filter((page) => page.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(codeOf(refused[0] as Page)).toBe('RATE_LIMITED');
    expect(refused[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  test('the municipality’s index, which reads the store’s sittings, counts against the same budget: 429 RATE_LIMITED', async () => {
    const pages = [];
    for (let i = 0; i < 8; i++) pages.push(await fetchPage(running, `/public/${municipality}`));
    const refused = pages.filter((page) => page.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(codeOf(refused[0] as Page)).toBe('RATE_LIMITED');
  });
});
