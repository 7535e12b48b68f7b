import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Meeting } from '../../shared/src';
import { audit } from './support/audit';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { databases, overHttp } from './support/over-http';
import { pdfSignatures } from './support/pdf';
import { demo, startService, type Person, type RunningService } from './support/service';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Final {
  readonly seq: number;
  readonly pdf: string;
  readonly lastEvent: string;
}

// Rendering, sealing and poppler's tools: slow on a busy machine.
jest.setTimeout(180_000);

describe.each(databases)('minutes signed in the app, over HTTP on %s', (_name, databaseUrl) => {
  let running: RunningService;
  let sitting: DemoMeeting;
  let sealDir: string;

  beforeAll(async () => {
    sealDir = await mkdtemp(join(tmpdir(), 'seal-'));
    running = await startService(databaseUrl, {
      env: { MINUTES_SEAL_FILE: join(sealDir, 'minutes-seal.json') },
    });
    sitting = await openDemoMeeting(running, 5, { ...demo, members: demo.members.slice(0, 9) });
  }, 120_000);
  afterAll(async () => {
    await running.close();
    await rm(sealDir, { recursive: true, force: true });
  });

  const { read, ok } = overHttp(() => sitting.meetingId);
  const path = (rest: string) => `/api/meetings/${sitting.meetingId}/minutes/${rest}`;
  const councillor = () => sitting.members[1] as Person;
  const pdfOf = async (person: Person, file: string) => {
    const token = await running.tokenFor(person.id);
    const response = await fetch(`${running.url}${path(file)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const finalMinutes = async () =>
    (await sitting.director.get(path('signing'))).body.final as Final;
  const approve = (person: Person, final: Final) =>
    person.command(sitting.meetingId, {
      type: 'ApproveMinutes',
      pdf: final.pdf,
      lastEvent: final.lastEvent,
    });
  /** A refused command changes nothing: the meeting and its version are as they were. */
  const refusedWith = async (send: () => Promise<{ status: number; body: unknown }>) => {
    const before = await read(sitting.director);
    const reply = await send();
    expect(await read(sitting.director)).toEqual(before);
    return reply;
  };

  test('minutes are submitted only once the sitting is closed', async () => {
    expect((await sitting.director.get(path('signing'))).body).toMatchObject({ final: null });
    const early = await refusedWith(() =>
      sitting.director.command(sitting.meetingId, {
        type: 'SubmitMinutes',
        seq: 5,
        pdf: 'a'.repeat(64),
        lastEvent: 'b'.repeat(64),
      }),
    );
    expect(early).toMatchObject({ status: 409, body: { code: 'MINUTES_NOT_FINAL' } });
    await ok(sitting.chair, { type: 'CloseMeeting' });
  });

  test('an observer reads neither the minutes to sign nor their state', async () => {
    const signing = await sitting.observer.get(path('signing'));
    expect(signing).toMatchObject({ status: 403, body: { code: 'NOT_AUTHORIZED' } });
    expect((await pdfOf(sitting.observer, 'sealed.pdf')).status).toBe(403);
  });

  test('a submission must name the minutes the log gives now, and only the director submits', async () => {
    const final = await finalMinutes();
    const stale = await refusedWith(() =>
      sitting.director.command(sitting.meetingId, {
        type: 'SubmitMinutes',
        ...final,
        pdf: 'c'.repeat(64),
      }),
    );
    expect(stale).toMatchObject({ status: 409, body: { code: 'MINUTES_CHANGED' } });
    const byChair = await refusedWith(() =>
      sitting.chair.command(sitting.meetingId, { type: 'SubmitMinutes', ...final }),
    );
    expect(byChair).toMatchObject({ status: 403, body: { code: 'NOT_AUTHORIZED' } });
    await ok(sitting.director, { type: 'SubmitMinutes', ...final });
    const submitted = await pdfOf(sitting.chair, 'submitted.pdf');
    expect({ status: submitted.status, hash: sha256(submitted.bytes) }).toEqual({
      status: 200,
      hash: final.pdf,
    });
  });

  test('a councillor, a stale hash and a second approval are refused and change nothing; the seal waits for every signatory', async () => {
    const final = await finalMinutes();
    expect(await refusedWith(() => approve(councillor(), final))).toMatchObject({
      status: 403,
      body: { code: 'NOT_SIGNATORY' },
    });
    expect(
      await refusedWith(() => approve(sitting.chair, { ...final, pdf: 'd'.repeat(64) })),
    ).toMatchObject({ status: 409, body: { code: 'MINUTES_CHANGED' } });
    // The director approves first: the order does not matter.
    await ok(sitting.director, {
      type: 'ApproveMinutes',
      pdf: final.pdf,
      lastEvent: final.lastEvent,
    });
    expect(await refusedWith(() => approve(sitting.director, final))).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_APPROVED' },
    });
    const early = await sitting.chair.get(path('sealed.pdf'));
    expect(early).toMatchObject({ status: 409, body: { code: 'APPROVALS_MISSING' } });
    expect(String((early.body as { message?: string }).message)).toContain(demo.members[0]?.name);
  });

  test('once every signatory approved, the sealed PDF seals the approved bytes: pdfsig and verify-minutes agree, and a changed byte fails both', async () => {
    const final = await finalMinutes();
    await ok(sitting.chair, { type: 'ApproveMinutes', pdf: final.pdf, lastEvent: final.lastEvent });
    const sealed = await pdfOf(councillor(), 'sealed.pdf');
    expect(sealed.status).toBe(200);
    const submitted = await pdfOf(sitting.chair, 'submitted.pdf');
    expect(sealed.bytes.subarray(0, submitted.bytes.length).equals(submitted.bytes)).toBe(true);
    expect((await pdfOf(sitting.director, 'sealed.pdf')).bytes.equals(sealed.bytes)).toBe(true);

    const meeting: Meeting = (await read(sitting.director)).meeting;
    expect(meeting.signing).toMatchObject({
      submitted: { pdf: final.pdf, lastEvent: final.lastEvent },
      sealed: { hash: sha256(sealed.bytes) },
    });
    expect(meeting.signing?.approvals.map((a) => a.member)).toEqual([
      sitting.director.id,
      sitting.chair.id,
    ]);

    const poppler = await pdfSignatures(sealed.bytes);
    expect(poppler).toContain('Signature is Valid');
    expect(poppler).toContain('Total document signed');

    const tampered = Buffer.from(sealed.bytes);
    const at = Math.floor(submitted.bytes.length / 2);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    expect(await pdfSignatures(tampered)).not.toContain('Signature is Valid');

    const dir = await mkdtemp(join(tmpdir(), 'sealed-'));
    try {
      await writeFile(join(dir, 'minutes.pdf'), sealed.bytes);
      await writeFile(join(dir, 'tampered.pdf'), tampered);
      const { DATABASE_URL: _ignored, ...env } = process.env;
      const good = await audit(['verify-minutes', '--file', join(dir, 'minutes.pdf')], env);
      expect(good).toMatchObject({ code: 0 });
      expect(good.stdout).toContain('verified');
      expect(good.stdout).toContain(`approved PDF SHA-256 ${final.pdf}`);
      const bad = await audit(['verify-minutes', '--file', join(dir, 'tampered.pdf')], env);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('NOT VERIFIED: the signed bytes do not match');
      if (databaseUrl) {
        const withLog = { ...env, DATABASE_URL: databaseUrl };
        const args = ['verify-minutes', '--meeting', sitting.meetingId, '--file'];
        expect(await audit([...args, join(dir, 'minutes.pdf')], withLog)).toMatchObject({
          code: 0,
        });
        const other = await audit([...args, join(dir, 'tampered.pdf')], withLog);
        expect(other.stdout).toContain('not the sealed minutes the log records');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('sealed minutes are not submitted or approved again', async () => {
    const final = await finalMinutes();
    expect(await refusedWith(() => approve(sitting.chair, final))).toMatchObject({
      status: 409,
      body: { code: 'MINUTES_SEALED' },
    });
  });
});
