import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNCIL_TIME_ZONE, previousMinutesPath, type Meeting } from '../../shared/src';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { databases, overHttp } from './support/over-http';
import { pdfText } from './support/pdf';
import {
  demo,
  nextCommandId,
  personOf,
  startService,
  type Person,
  type RunningService,
} from './support/service';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dayOf = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: COUNCIL_TIME_ZONE }).format(new Date(iso));
const ORIGIN = 'https://council.example';
const OTHER_TENANT = '0b7e3c1d-0000-4000-8000-000000000000';

// Rendering and sealing minutes: slow on a busy machine.
jest.setTimeout(180_000);

/**
 * Issue 16 item 7: the minutes of one sitting are approved at the next. The approval item names
 * the sealed PDF by its SHA-256; the council's members fetch that very file through the item, and
 * the new minutes name its address besides the hash.
 */
describe.each(databases)('the previous sitting’s sealed minutes, over HTTP on %s', (_name, url) => {
  let running: RunningService;
  let first: DemoMeeting;
  let sealDir: string;
  let sealed: Buffer;
  let next = '';
  const council = { ...demo, members: demo.members.slice(0, 9) };
  const approvalItem = 'item-1';
  const director = () => first.director;
  const councillor = () => first.members[1] as Person;

  /** A sitting of the same council whose first item approves the minutes `previousMinutes` names. */
  async function nextSitting(
    previousMinutes: string,
    changes: { municipality?: string; previousSitting?: string } = {},
  ): Promise<string> {
    const created = await director().call('POST', '/api/meetings', {
      commandId: nextCommandId(),
      council: {
        ...council,
        ...(changes.municipality
          ? { municipality: { ...council.municipality, name: changes.municipality } }
          : {}),
        meeting: { ...council.meeting, scheduledStart: '2026-12-21T19:30:00+01:00' },
        agenda: council.agenda.map((item) =>
          item.n === 1
            ? {
                ...item,
                previousSitting: changes.previousSitting ?? dayOf(council.meeting.scheduledStart),
                previousMinutes,
              }
            : item,
        ),
      },
    });
    expect(created.status).toBe(201);
    return created.body.meetingId as string;
  }

  /** What `person` (of another tenant, with `tenantId`) gets at the approval item's address. */
  const fetchAs = async (
    person: (Person & { tenantId?: string }) | null,
    meetingId: string,
    itemId = approvalItem,
    headers: Record<string, string> = {},
  ) => {
    const token = person && (await running.tokenFor(person.id, person.tenantId));
    const response = await fetch(`${running.url}${previousMinutesPath(meetingId, itemId)}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = response.headers.get('content-type')?.includes('json')
      ? (JSON.parse(bytes.toString('utf8')) as { code?: string })
      : undefined;
    return { status: response.status, headers: response.headers, bytes, code: json?.code };
  };

  beforeAll(async () => {
    sealDir = await mkdtemp(join(tmpdir(), 'seal-'));
    running = await startService(url, {
      env: { MINUTES_SEAL_FILE: join(sealDir, 'minutes-seal.json'), PUBLIC_URL: ORIGIN },
    });
    first = await openDemoMeeting(running, 5, council);
    const { ok } = overHttp(() => first.meetingId);
    await ok(first.chair, { type: 'CloseMeeting' });
    const signing = `/api/meetings/${first.meetingId}/minutes/signing`;
    const final = (await first.director.get(signing)).body.final as Record<string, unknown>;
    await ok(first.director, { type: 'SubmitMinutes', ...final });
    for (const signatory of [first.director, first.chair]) {
      await ok(signatory, { type: 'ApproveMinutes', pdf: final.pdf, lastEvent: final.lastEvent });
    }
    const token = await running.tokenFor(first.director.id);
    const response = await fetch(
      `${running.url}/api/meetings/${first.meetingId}/minutes/sealed.pdf`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    sealed = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('etag')).toBe(`"${sha256(sealed)}"`);
    next = await nextSitting(sha256(sealed));
  }, 150_000);
  afterAll(async () => {
    await running.close();
    await rm(sealDir, { recursive: true, force: true });
  });

  test('a member of the next sitting downloads, through its approval item, the very sealed PDF the item names', async () => {
    const item = (await overHttp(() => next).meeting(councillor())).setup.agenda[0];
    expect(item).toMatchObject({ subject: 'minutesApproval', previousMinutes: sha256(sealed) });
    const got = await fetchAs(councillor(), next);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(item?.previousMinutes);
    expect(got.bytes.equals(sealed)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('etag')).toBe(`"${sha256(sealed)}"`);
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="minutes-${first.meetingId}-sealed.pdf"`,
    );
    const again = await fetchAs(councillor(), next, approvalItem, {
      'if-none-match': `"${sha256(sealed)}"`,
    });
    expect({ status: again.status, length: again.bytes.length }).toEqual({
      status: 304,
      length: 0,
    });
  });

  test('no token is 401, another tenant finds no meeting, an observer is refused: the whole record is for members', async () => {
    expect((await fetchAs(null, next)).status).toBe(401);
    const stranger = {
      ...personOf(running, councillor().id, OTHER_TENANT),
      tenantId: OTHER_TENANT,
    };
    expect(await fetchAs(stranger, next)).toMatchObject({
      status: 404,
      code: 'MEETING_NOT_FOUND',
    });
    expect(await fetchAs(first.observer, next)).toMatchObject({
      status: 403,
      code: 'NOT_AUTHORIZED',
    });
  });

  test('an item that is not an approval, or that names minutes no sitting of this council sealed, gets a code and no file', async () => {
    expect(await fetchAs(councillor(), next, 'item-2')).toMatchObject({
      status: 422,
      code: 'NOT_MINUTES_APPROVAL',
    });
    expect(await fetchAs(councillor(), next, 'item-404')).toMatchObject({
      status: 404,
      code: 'ITEM_NOT_FOUND',
    });
    // A hash no sealing recorded: the submitted (unsealed) PDF's, say.
    const unsealed = (await overHttp(() => first.meetingId).meeting(director())).signing?.submitted;
    const notSealed = await nextSitting(unsealed?.pdf ?? 'e'.repeat(64));
    expect(await fetchAs(councillor(), notSealed)).toMatchObject({
      status: 404,
      code: 'PREVIOUS_MINUTES_NOT_FOUND',
    });
    // Another council of the tenant naming this council's hash (public on its published minutes).
    const elsewhere = await nextSitting(sha256(sealed), { municipality: 'Autre Commune' });
    expect(await fetchAs(councillor(), elsewhere)).toMatchObject({
      status: 404,
      code: 'PREVIOUS_MINUTES_NOT_FOUND',
    });
    // The hash of this council's minutes, on an item that says they are of another day.
    const otherDay = await nextSitting(sha256(sealed), { previousSitting: '2026-10-20' });
    expect(await fetchAs(councillor(), otherDay)).toMatchObject({
      status: 404,
      code: 'PREVIOUS_MINUTES_NOT_FOUND',
    });
  });

  test('the next sitting’s minutes name the sealed file’s address besides its hash; the public copy its hash only', async () => {
    const { ok } = overHttp(() => next);
    const chair = first.chair;
    await ok(director(), {
      type: 'ConveneMeeting',
      place: 'Council chamber',
      reason: 'Renovation',
    });
    await ok(chair, { type: 'OpenMeeting' });
    for (const member of first.members.slice(0, 5)) await ok(member, { type: 'CheckIn' });
    await ok(chair, { type: 'NextItem' });
    await ok(chair, { type: 'OpenVote' });
    const meeting: Meeting = (await overHttp(() => next).read(director())).meeting;
    const voteId = meeting.openVoteId ?? '';
    for (const member of first.members.slice(0, 5)) {
      await ok(member, { type: 'CastBallot', voteId, choice: 'yes' });
    }
    if ((await overHttp(() => next).meeting(chair)).votes[voteId]?.status === 'open') {
      await ok(chair, { type: 'CloseVote', voteId });
    }
    await ok(director(), { type: 'PublishResult', voteId });
    const minutesOf = async (person: Person) => {
      const token = await running.tokenFor(person.id);
      const response = await fetch(`${running.url}/api/meetings/${next}/minutes.pdf`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      // A long address may break over lines: read as one run of characters.
      return (await pdfText(Buffer.from(await response.arrayBuffer()))).replace(/\s+/g, '');
    };
    const hash = sha256(sealed);
    const members = await minutesOf(councillor());
    expect(members).toContain(hash);
    // pdftotext joins a word hyphenated over a line break: the address's own hyphens may go.
    const address = `${ORIGIN}${previousMinutesPath(next, approvalItem)}`;
    expect(members.replace(/-/g, '')).toContain(address.replace(/-/g, ''));
    const publicCopy = await minutesOf(first.observer);
    expect(publicCopy).toContain(hash);
    expect(publicCopy).not.toContain('previous-minutes.pdf');
  });
});
