import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDemoMeeting, type DemoMeeting } from './support/meeting';
import { demo, startService, type RunningService } from './support/service';

// restify's multipart parser writes uploads to os.tmpdir(), read at each upload: a folder of this
// file's own shows whether any request left a file behind.
let uploads: string;
const tmpBefore = process.env.TMPDIR;
let running: RunningService;
let council: DemoMeeting;
let token: string;

beforeAll(async () => {
  uploads = await mkdtemp(join(tmpdir(), 'council-uploads-'));
  process.env.TMPDIR = uploads;
  running = await startService();
  council = await openDemoMeeting(running);
  token = await running.tokenFor(demo.members[1]?.aadObjectId ?? '');
});
afterAll(async () => {
  await running.close();
  if (tmpBefore === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpBefore;
  await rm(uploads, { recursive: true, force: true });
});

const commandsPath = () => `/api/meetings/${council.meetingId}/commands`;

function upload(path: string, withToken: boolean): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob(['x'.repeat(200_000)]), 'agenda.pdf');
  return fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: withToken ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
}

describe('the service reads JSON bodies only', () => {
  test('a multipart upload is refused with 415 before sign-in, and no file is written', async () => {
    for (const [path, withToken] of [
      ['/api/meetings', false],
      [commandsPath(), true],
    ] as const) {
      const reply = await upload(path, withToken);
      expect(reply.status).toBe(415);
      expect(await reply.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    expect(await readdir(uploads)).toEqual([]);
  });

  test('a url-encoded form is refused with 415 and changes nothing', async () => {
    const before = (await council.chair.get(`/api/meetings/${council.meetingId}`)).body.version;
    const reply = await fetch(`${running.url}${commandsPath()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: new URLSearchParams({ commandId: 'form-1', 'command[type]': 'RequestFloor' }),
    });
    expect(reply.status).toBe(415);
    expect(await reply.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect((await council.chair.get(`/api/meetings/${council.meetingId}`)).body.version).toBe(
      before,
    );
    expect(await readdir(uploads)).toEqual([]);
  });

  test('a body without a content type, or as text, is refused with 415', async () => {
    const headerSets: Record<string, string>[] = [{}, { 'content-type': 'text/plain' }];
    for (const headers of headerSets) {
      const reply = await fetch(`${running.url}${commandsPath()}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...headers },
        body: new TextEncoder().encode(
          '{"commandId":"x","command":{"type":"RequestFloor","kind":"contribution"}}',
        ),
      });
      expect(reply.status).toBe(415);
    }
  });

  test('JSON with a charset, as the Bot Connector sends it, is read', async () => {
    const reply = await fetch(`${running.url}${commandsPath()}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json; charset=utf-8',
      },
      body: JSON.stringify({
        commandId: 'charset-1',
        command: { type: 'RequestFloor', kind: 'contribution' },
      }),
    });
    expect(reply.status).toBe(200);
  });

  test('a JSON body over MAX_BODY_BYTES is still refused with 413', async () => {
    const reply = await fetch(`${running.url}${commandsPath()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: 'big', padding: 'x'.repeat(1_100_000) }),
    });
    expect(reply.status).toBe(413);
    expect(await reply.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });
});
